// Handlers of the triage commands (shared/contracts/triage.ts; the composer's drafts and
// canned replies are replies/handlers.ts).
// Every change is announced so other windows (a popped-out column) follow.
import type { triageCommands } from '../../../shared/contracts/triage'
import type { ColumnService } from '../columns/service'
import type { EventHub } from '../events'
import type { HandlerGroup } from '../dispatch'
import { notFound } from '../errors'
import type { Store } from '../store'

type ComposerCommands = 'canned.list' | 'canned.save' | 'canned.delete' | 'drafts.get' | 'drafts.save' | 'drafts.delete'

export interface TriageDeps {
  store: Pick<Store, 'read' | 'write'>
  hub: EventHub
  now: () => number
  columns: Pick<ColumnService, 'list' | 'get'>
}

export function triageHandlers({
  store,
  hub,
  now,
  columns,
}: TriageDeps): Omit<HandlerGroup<typeof triageCommands>, ComposerCommands> {
  const knownColumn = (id: string): void => {
    if (!columns.get(id)) throw notFound(`column ${id}`)
  }
  return {
    'triage.get': ({ ids }) => store.read.getTriage(ids),
    'triage.set': ({ mentionIds, ...change }) => {
      const items = store.write.setTriage(mentionIds, change, now())
      if (change.assignee) hub.emit('triage.prefs.changed', store.write.noteAssignee(change.assignee))
      hub.emit('triage.changed', { items })
      return items
    },
    'triage.markReadUpTo': ({ columnId, cursor }) => {
      knownColumn(columnId)
      const { triage, moved } = store.write.markReadUpTo(columnId, cursor, now())
      if (moved) hub.emit('triage.column.changed', triage)
      return triage
    },
    'triage.columns': () => store.read.listColumnTriage(columns.list().map((c) => c.id)),
    'triage.column.update': ({ columnId, filters, mutes }) => {
      knownColumn(columnId)
      const updated = store.write.updateColumnTriage(columnId, { filters, mutes }, now())
      hub.emit('triage.column.changed', updated)
      return updated
    },
    'triage.prefs': () => store.read.getPrefs(),
    'triage.prefs.update': (patch) => {
      const prefs = store.write.updatePrefs(patch)
      hub.emit('triage.prefs.changed', prefs)
      return prefs
    },
  }
}
