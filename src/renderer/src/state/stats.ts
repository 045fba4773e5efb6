// Store: each column's statistics (archive total and 30-minute sentiment
// buckets) from `stats.get` and `stats.tick`. Unchanged columns keep their
// object, so only columns whose numbers moved re-render.
import { create } from 'zustand'
import type { ColumnId, ColumnStats } from '../../../shared/domain'
import { mergeStats } from '../lib/stats'

export interface StatsState {
  byColumn: Record<ColumnId, ColumnStats>
}

export const useStatsStore = create<StatsState>()(() => ({ byColumn: {} }))

/** `replaceAll` for a full `stats.get` answer; ticks merge. */
export function applyStats(list: readonly ColumnStats[], replaceAll: boolean): void {
  const current = useStatsStore.getState().byColumn
  const next = mergeStats(current, list, replaceAll)
  if (next !== current) useStatsStore.setState({ byColumn: next })
}

export function removeStats(ids: readonly ColumnId[]): void {
  if (ids.length === 0) return
  useStatsStore.setState((s) => {
    const byColumn = { ...s.byColumn }
    for (const id of ids) delete byColumn[id]
    return { byColumn }
  })
}

export function useColumnStats(id: ColumnId): ColumnStats | undefined {
  return useStatsStore((s) => s.byColumn[id])
}
