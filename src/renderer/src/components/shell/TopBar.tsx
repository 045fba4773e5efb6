// The top bar: wordmark, archive size, source status chips, the demo rate,
// archive search, the alerts bell, the Archive menu (export, import, review, copy), Reports, the Sources
// panel, the Display and Workspace menus and the "Add column" button.
import { formatCompact, formatExact } from '../../lib/format'
import { useAppStore } from '../../state/app'
import { openDialog } from '../../state/ui'
import { AlertBell } from '../alerts/AlertBell'
import { ArchiveMenu } from './ArchiveMenu'
import { DemoRateControl } from '../sources/DemoRateControl'
import { DisplayMenu } from './DisplayMenu'
import { ReportsControls, ReviewBadge } from '../reports/ReportsControls'
import { SessionMenu } from './SessionMenu'
import { SourceChips } from '../sources/SourceChips'
import { WorkspaceMenu } from './WorkspaceMenu'

function ArchiveCount() {
  const count = useAppStore((s) => s.mentionCount)
  const ready = useAppStore((s) => s.info !== null)
  if (!ready) return null
  return (
    <p className="archive-count" title={`${formatExact(count)} mentions in the archive`}>
      <strong>{formatCompact(count)}</strong> archived
    </p>
  )
}

export function TopBar() {
  const ready = useAppStore((s) => s.load.status === 'ready')
  return (
    <header className="topbar">
      <h1 className="wordmark">
        <span className="wordmark-mark" aria-hidden="true" />
        Earshot
      </h1>
      <ArchiveCount />
      <SourceChips />
      <ReviewBadge />
      <div className="topbar-spacer" />
      {ready && (
        <div className="topbar-actions">
          <DemoRateControl />
          <button
            type="button"
            className="btn"
            aria-label="Search archive"
            aria-keyshortcuts="/"
            title="Search the archive (/)"
            onClick={() => openDialog({ kind: 'search' })}
          >
            <span aria-hidden="true" className="search-glyph" />
            Search
          </button>
          <AlertBell />
          <ArchiveMenu />
          <ReportsControls />
          <button type="button" className="btn" onClick={() => openDialog({ kind: 'sources' })}>
            Sources
          </button>
          <DisplayMenu />
          <WorkspaceMenu />
          <button
            type="button"
            className="btn"
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts="?"
            title="Keyboard shortcuts (?)"
            onClick={() => openDialog({ kind: 'keys' })}
          >
            ?
          </button>
          <button type="button" className="btn btn--primary" onClick={() => openDialog({ kind: 'add' })}>
            <span aria-hidden="true">+</span>Add column
          </button>
          <SessionMenu />
        </div>
      )}
    </header>
  )
}
