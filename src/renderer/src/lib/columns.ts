// Pure helpers for the deck's column list: ordering, reconciling a fresh list
// from the core with the one on screen (keeping object identity so unchanged
// columns do not re-render), what changed between two lists, width clamping
// and the preset widths offered in the column menu.
import { COLUMN_WIDTH, type Column, type ColumnId } from '../../../shared/domain'

export const WIDTH_PRESETS = [
  { label: 'Narrow', width: 280 },
  { label: 'Normal', width: 340 },
  { label: 'Wide', width: 480 },
] as const

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return COLUMN_WIDTH.default
  return Math.round(Math.min(COLUMN_WIDTH.max, Math.max(COLUMN_WIDTH.min, width)))
}

function sameColumn(a: Column, b: Column): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.query === b.query &&
    a.position === b.position &&
    a.width === b.width &&
    a.createdAt === b.createdAt &&
    !!a.collapseReposts === !!b.collapseReposts
  )
}

/** `next` sorted by position, reusing the objects of `prev` that did not change. */
export function reconcileColumns(prev: readonly Column[], next: readonly Column[]): Column[] {
  const byId = new Map(prev.map((c) => [c.id, c]))
  const sorted = [...next].sort((a, b) => a.position - b.position)
  const out = sorted.map((c) => {
    const old = byId.get(c.id)
    return old && sameColumn(old, c) ? old : c
  })
  const unchanged = out.length === prev.length && out.every((c, i) => c === prev[i])
  return unchanged ? (prev as Column[]) : out
}

export interface ColumnDiff {
  added: ColumnId[]
  removed: ColumnId[]
  /** Kept columns whose keyword query (or repost collapsing) changed: their feed starts over. */
  requeried: ColumnId[]
}

export function diffColumns(prev: readonly Column[], next: readonly Column[]): ColumnDiff {
  const before = new Map(prev.map((c) => [c.id, c]))
  const after = new Set(next.map((c) => c.id))
  const added: ColumnId[] = []
  const requeried: ColumnId[] = []
  for (const c of next) {
    const old = before.get(c.id)
    if (!old) added.push(c.id)
    // Collapsing reposts changes what the column lists, as a new query does.
    else if (old.query !== c.query || !!old.collapseReposts !== !!c.collapseReposts) requeried.push(c.id)
  }
  const removed = prev.filter((c) => !after.has(c.id)).map((c) => c.id)
  return { added, removed, requeried }
}

export type DropSide = 'before' | 'after'

/** Move `moving` next to `target` (before or after it). Unknown ids leave the order as is. */
export function reorderIds(ids: readonly ColumnId[], moving: ColumnId, target: ColumnId, side: DropSide): ColumnId[] {
  if (moving === target || !ids.includes(moving) || !ids.includes(target)) return [...ids]
  const rest = ids.filter((id) => id !== moving)
  const at = rest.indexOf(target) + (side === 'after' ? 1 : 0)
  rest.splice(at, 0, moving)
  return rest
}

/** Swap a column with its left (-1) or right (+1) neighbour. */
export function moveId(ids: readonly ColumnId[], id: ColumnId, delta: -1 | 1): ColumnId[] {
  const i = ids.indexOf(id)
  const j = i + delta
  if (i < 0 || j < 0 || j >= ids.length) return [...ids]
  const out = [...ids]
  out[i] = ids[j]!
  out[j] = id
  return out
}

/** Give columns positions 0..n-1 in the given id order (for an optimistic reorder). */
export function applyOrder(columns: readonly Column[], ids: readonly ColumnId[]): Column[] {
  const byId = new Map(columns.map((c) => [c.id, c]))
  const out: Column[] = []
  for (const id of ids) {
    const c = byId.get(id)
    if (c) out.push(c.position === out.length ? c : { ...c, position: out.length })
  }
  return out
}
