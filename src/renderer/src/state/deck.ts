// Store: the deck's ordered columns. Actions call the core (create, update,
// delete, reorder) and apply the result; `columns.changed` events and
// workspace imports go through the same `applyColumns`, which also starts,
// restarts and drops the columns' feeds and stats.
import { create } from 'zustand'
import type { Column, ColumnId } from '../../../shared/domain'
import { client } from './client'
import { applyOrder, diffColumns, moveId, reconcileColumns, type ColumnDiff } from '../lib/columns'
import { ensureFeeds, loadHead, removeFeeds, restartFeed } from './feed'
import { applyStats, removeStats } from './stats'

export interface DeckState {
  columns: Column[]
}

export const useDeckStore = create<DeckState>()(() => ({ columns: [] }))

export function useColumn(id: ColumnId): Column | undefined {
  return useDeckStore((s) => s.columns.find((c) => c.id === id))
}

/** The columns that fold reposts into their original. */
export function collapsingColumns(): Set<ColumnId> {
  return new Set(
    useDeckStore
      .getState()
      .columns.filter((c) => c.collapseReposts === true)
      .map((c) => c.id),
  )
}

/**
 * Make `list` the deck. New columns get a feed and their first page, removed
 * ones lose theirs, columns whose keywords changed start over.
 */
export function applyColumns(list: readonly Column[]): ColumnDiff {
  const prev = useDeckStore.getState().columns
  const columns = reconcileColumns(prev, list)
  const diff = diffColumns(prev, columns)
  if (columns !== prev) useDeckStore.setState({ columns })
  removeFeeds(diff.removed)
  removeStats(diff.removed)
  ensureFeeds(diff.added)
  for (const id of diff.added) void loadHead(id, 'merge')
  for (const id of diff.requeried) restartFeed(id)
  if (diff.added.length > 0 || diff.requeried.length > 0) void refreshStats()
  return diff
}

async function refreshStats(): Promise<void> {
  try {
    applyStats(await client().call('stats.get', {}), true)
  } catch {
    // The next stats.tick brings them anyway.
  }
}

function replaceColumn(column: Column): void {
  const columns = useDeckStore.getState().columns
  const exists = columns.some((c) => c.id === column.id)
  applyColumns(exists ? columns.map((c) => (c.id === column.id ? column : c)) : [...columns, column])
}

export async function createColumn(input: { title: string; query: string; width?: number }): Promise<Column> {
  const column = await client().call('columns.create', input)
  replaceColumn(column)
  return column
}

export async function updateColumn(
  id: ColumnId,
  patch: { title?: string; query?: string; width?: number; collapseReposts?: boolean },
): Promise<Column> {
  const column = await client().call('columns.update', { id, ...patch })
  replaceColumn(column)
  return column
}

export async function deleteColumn(id: ColumnId): Promise<void> {
  await client().call('columns.delete', { id })
  applyColumns(useDeckStore.getState().columns.filter((c) => c.id !== id))
}

/** Shows the new order at once, then stores it; restores the old order if the core refuses. */
export async function reorderColumns(ids: readonly ColumnId[]): Promise<void> {
  const before = useDeckStore.getState().columns
  useDeckStore.setState({ columns: applyOrder(before, ids) })
  try {
    applyColumns(await client().call('columns.reorder', { ids: [...ids] }))
  } catch (err) {
    useDeckStore.setState({ columns: before })
    throw err
  }
}

export async function moveColumn(id: ColumnId, delta: -1 | 1): Promise<void> {
  const ids = useDeckStore.getState().columns.map((c) => c.id)
  const next = moveId(ids, id, delta)
  if (next.every((x, i) => x === ids[i])) return
  await reorderColumns(next)
}
