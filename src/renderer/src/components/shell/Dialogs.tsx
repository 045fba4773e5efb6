// Renders whichever dialog the UI store says is open (add, edit, remove,
// archive search, export, import, re-score, alert destinations, sources, key map, filters and mutes,
// triage prompts, operator settings, the audit log).
// A dialog for a column that disappeared meanwhile just closes.
import { useColumn } from '../../state/deck'
import { closeDialog, useUiStore } from '../../state/ui'
import { AuditDialog } from './AuditDialog'
import { ColumnDialog } from '../deck/ColumnDialog'
import { ExportDialog } from '../archive/ExportDialog'
import { ImportDialog } from '../archive/ImportDialog'
import { RescoreDialog } from '../archive/RescoreDialog'
import { DestinationsDialog } from '../alerts/DestinationsDialog'
import { RemoveDialog } from '../deck/RemoveDialog'
import { SearchDialog } from '../archive/SearchDialog'
import { SourcesPanel } from '../sources/SourcesPanel'
import { ColumnTriageDialog } from '../triage/ColumnTriageDialog'
import { KeyMapDialog } from './KeyMapDialog'
import { OperatorDialog } from '../triage/OperatorDialog'
import { TriagePrompt } from '../triage/TriagePrompt'

function ColumnScoped({ id, kind }: { id: string; kind: 'edit' | 'remove' | 'column-triage' }) {
  const column = useColumn(id)
  if (!column) return null
  if (kind === 'column-triage') return <ColumnTriageDialog column={column} onClose={closeDialog} />
  return kind === 'edit' ? (
    <ColumnDialog column={column} onClose={closeDialog} />
  ) : (
    <RemoveDialog column={column} onClose={closeDialog} />
  )
}

export function Dialogs() {
  const dialog = useUiStore((s) => s.dialog)
  if (dialog === null) return null
  if (dialog.kind === 'add') return <ColumnDialog onClose={closeDialog} />
  if (dialog.kind === 'search') return <SearchDialog onClose={closeDialog} />
  if (dialog.kind === 'export') return <ExportDialog {...dialog} onClose={closeDialog} />
  if (dialog.kind === 'import') return <ImportDialog onClose={closeDialog} />
  if (dialog.kind === 'rescore') return <RescoreDialog onClose={closeDialog} />
  if (dialog.kind === 'destinations') return <DestinationsDialog onClose={closeDialog} />
  if (dialog.kind === 'sources') return <SourcesPanel onClose={closeDialog} />
  if (dialog.kind === 'keys') return <KeyMapDialog onClose={closeDialog} />
  if (dialog.kind === 'operator') return <OperatorDialog onClose={closeDialog} />
  if (dialog.kind === 'audit') return <AuditDialog onClose={closeDialog} />
  if (dialog.kind === 'assign' || dialog.kind === 'tag' || dialog.kind === 'note')
    return <TriagePrompt key={dialog.mentionId} kind={dialog.kind} mentionId={dialog.mentionId} onClose={closeDialog} />
  return <ColumnScoped key={`${dialog.kind}:${dialog.columnId}`} id={dialog.columnId} kind={dialog.kind} />
}
