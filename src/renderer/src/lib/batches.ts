// Turns coalesced `mentions.batch` events into per-column lists, so one
// animation frame applies everything that arrived since the last one with a
// single store update per column. Pure.
import type { MentionsBatch } from '../../../shared/contract'
import type { ColumnId, Mention } from '../../../shared/domain'

export interface GroupedBatches {
  /** Mentions routed to each column, in arrival order, each at most once per column. */
  byColumn: Map<ColumnId, Mention[]>
  /** Distinct mentions in all batches. */
  mentionCount: number
}

export function groupBatches(batches: readonly MentionsBatch[]): GroupedBatches {
  const byColumn = new Map<ColumnId, Mention[]>()
  const seenPerColumn = new Map<ColumnId, Set<number>>()
  const all = new Set<number>()
  for (const batch of batches) {
    const byId = new Map<number, Mention>()
    for (const m of batch.mentions) {
      byId.set(m.id, m)
      all.add(m.id)
    }
    for (const [columnId, ids] of Object.entries(batch.hits)) {
      let list = byColumn.get(columnId)
      let seen = seenPerColumn.get(columnId)
      if (!list || !seen) {
        list = []
        seen = new Set()
        byColumn.set(columnId, list)
        seenPerColumn.set(columnId, seen)
      }
      for (const id of ids) {
        const m = byId.get(id)
        if (!m || seen.has(id)) continue
        seen.add(id)
        list.push(m)
      }
    }
  }
  return { byColumn, mentionCount: all.size }
}
