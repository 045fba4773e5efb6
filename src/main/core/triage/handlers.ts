// Handlers of the triage commands (shared/contracts/triage.ts; the composer's drafts and
// canned replies are replies/handlers.ts).
// Every change is announced so other windows (a popped-out column) follow: the
// team's fields to every window, a reader's read state to that reader's windows.
import { sharedOf, type triageCommands } from '../../../shared/contracts/triage'
import type { ColumnService } from '../columns/service'
import type { EventHub } from '../events'
import { readerOf, type HandlerGroup } from '../dispatch'
import { notFound } from '../errors'
import { changesShared, type Store } from '../store'

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
    'triage.get': ({ ids }, caller) => store.read.getTriage(readerOf(caller), ids),
    'triage.set': ({ mentionIds, ...change }, caller) => {
      const reader = readerOf(caller)
      const items = store.write.setTriage(reader, mentionIds, change, now())
      if (change.assignee) hub.emit('triage.prefs.changed', store.write.noteAssignee(change.assignee))
      // The team's fields go to every window; read state to the reader's own windows only.
      if (changesShared(change)) hub.emit('triage.changed', { items: items.map(sharedOf) })
      if (change.read !== undefined)
        hub.emit('triage.read.changed', { reader, items: items.map((t) => ({ mentionId: t.mentionId, read: t.read })) })
      return items
    },
    'triage.markReadUpTo': ({ columnId, cursor }, caller) => {
      knownColumn(columnId)
      const reader = readerOf(caller)
      const { triage, moved } = store.write.markReadUpTo(reader, columnId, cursor, now())
      if (moved) hub.emit('triage.mark.changed', { reader, columnId, watermark: triage.watermark })
      return triage
    },
    'triage.columns': (_, caller) =>
      store.read.listColumnTriage(
        readerOf(caller),
        columns.list().map((c) => c.id),
      ),
    'triage.column.update': ({ columnId, filters, mutes }, caller) => {
      knownColumn(columnId)
      const updated = store.write.updateColumnTriage(readerOf(caller), columnId, { filters, mutes }, now())
      hub.emit('triage.column.changed', { columnId, filters: updated.filters, mutes: updated.mutes })
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
