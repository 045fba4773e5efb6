// Handlers of the operator-workflow commands (shared/contracts/triage.ts).
// Every change is announced so other windows (a popped-out column) follow.
import type { triageCommands } from '../../../shared/contracts/triage'
import type { CoreDeps } from '../deps'
import type { HandlerGroup } from '../dispatch'
import { notFound } from '../errors'
import { getColumn } from '../store/columns'
import { deleteCanned, deleteDraft, getDraft, listCanned, saveCanned, saveDraft } from '../store/composer'
import { getPrefs, noteAssignee, updatePrefs } from '../store/prefs'
import { getTriage, listColumnTriage, markReadUpTo, setTriage, updateColumnTriage } from '../store/triage'

export function triageHandlers({ db, hub, now, columns }: CoreDeps): HandlerGroup<typeof triageCommands> {
  const knownColumn = (id: string): void => {
    if (!getColumn(db, id)) throw notFound(`column ${id}`)
  }
  return {
    'triage.get': ({ ids }) => getTriage(db, ids),
    'triage.set': ({ mentionIds, ...change }) => {
      const items = setTriage(db, mentionIds, change, now())
      if (change.assignee) hub.emit('triage.prefs.changed', noteAssignee(db, change.assignee))
      hub.emit('triage.changed', { items })
      return items
    },
    'triage.markReadUpTo': ({ columnId, cursor }) => {
      knownColumn(columnId)
      const { triage, moved } = markReadUpTo(db, columnId, cursor, now())
      if (moved) hub.emit('triage.column.changed', triage)
      return triage
    },
    'triage.columns': () =>
      listColumnTriage(
        db,
        columns.list().map((c) => c.id),
      ),
    'triage.column.update': ({ columnId, filters, mutes }) => {
      knownColumn(columnId)
      const updated = updateColumnTriage(db, columnId, { filters, mutes }, now())
      hub.emit('triage.column.changed', updated)
      return updated
    },
    'triage.prefs': () => getPrefs(db),
    'triage.prefs.update': (patch) => {
      const prefs = updatePrefs(db, patch)
      hub.emit('triage.prefs.changed', prefs)
      return prefs
    },
    'canned.list': () => listCanned(db),
    'canned.save': (c) => {
      const saved = saveCanned(db, c, now())
      hub.emit('canned.changed', listCanned(db))
      return saved
    },
    'canned.delete': ({ id }) => {
      deleteCanned(db, id)
      hub.emit('canned.changed', listCanned(db))
      return { id }
    },
    'drafts.get': ({ mentionId }) => getDraft(db, mentionId),
    'drafts.save': (d) => saveDraft(db, d, now()),
    'drafts.delete': ({ mentionId }) => {
      deleteDraft(db, mentionId)
      return { mentionId }
    },
  }
}
