// Deck column helpers (order, reconcile, diff, widths) and column statistics helpers.
import { describe, expect, it } from 'vitest'
import type { Column, ColumnStats } from '../../src/shared/domain'
import {
  applyOrder,
  clampWidth,
  diffColumns,
  moveId,
  reconcileColumns,
  reorderIds,
} from '../../src/renderer/src/lib/columns'
import { mergeStats, sameStats, summarize, toSparkRows } from '../../src/renderer/src/lib/stats'

function col(id: string, position: number, patch: Partial<Column> = {}): Column {
  return {
    id,
    title: id.toUpperCase(),
    query: id,
    position,
    width: 340,
    createdAt: 1,
    ...patch,
  }
}

describe('column order', () => {
  it('reorders by drop side', () => {
    expect(reorderIds(['a', 'b', 'c', 'd'], 'a', 'c', 'after')).toEqual(['b', 'c', 'a', 'd'])
    expect(reorderIds(['a', 'b', 'c', 'd'], 'd', 'b', 'before')).toEqual(['a', 'd', 'b', 'c'])
    expect(reorderIds(['a', 'b'], 'a', 'a', 'after')).toEqual(['a', 'b'])
    expect(reorderIds(['a', 'b'], 'x', 'a', 'after')).toEqual(['a', 'b'])
  })

  it('moves left and right within bounds', () => {
    expect(moveId(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c'])
    expect(moveId(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b'])
    expect(moveId(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c'])
    expect(moveId(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c'])
  })

  it('applies an order with fresh positions', () => {
    const out = applyOrder([col('a', 0), col('b', 1)], ['b', 'a'])
    expect(out.map((c) => [c.id, c.position])).toEqual([
      ['b', 0],
      ['a', 1],
    ])
  })
})

describe('reconcile and diff', () => {
  it('keeps unchanged objects and the same array when nothing changed', () => {
    const prev = [col('a', 0), col('b', 1)]
    expect(
      reconcileColumns(
        prev,
        prev.map((c) => ({ ...c })),
      ),
    ).toBe(prev)
    const next = reconcileColumns(prev, [col('b', 0), { ...col('a', 1) }])
    expect(next.map((c) => c.id)).toEqual(['b', 'a'])
    expect(next[0]).not.toBe(prev[1])
  })

  it('reuses the old object for a column whose fields did not change', () => {
    const prev = [col('a', 0), col('b', 1)]
    const next = reconcileColumns(prev, [col('a', 0), col('b', 1, { title: 'New' })])
    expect(next[0]).toBe(prev[0])
    expect(next[1]?.title).toBe('New')
  })

  it('reports added, removed and requeried columns', () => {
    const diff = diffColumns([col('a', 0), col('b', 1)], [col('b', 0, { query: 'other' }), col('c', 1)])
    expect(diff).toEqual({ added: ['c'], removed: ['a'], requeried: ['b'] })
  })

  it('clamps widths', () => {
    expect(clampWidth(100)).toBe(240)
    expect(clampWidth(5000)).toBe(900)
    expect(clampWidth(333.4)).toBe(333)
    expect(clampWidth(Number.NaN)).toBe(340)
  })
})

function stats(columnId: string, total: number, positive = 0): ColumnStats {
  return {
    columnId,
    total,
    buckets: [{ t: 0, positive, neutral: 1, negative: 1, unscored: 3, sentimentSum: 0.5 }],
  }
}

describe('stats', () => {
  it('compares stats by value', () => {
    expect(sameStats(stats('a', 1), stats('a', 1))).toBe(true)
    expect(sameStats(stats('a', 1), stats('a', 2))).toBe(false)
    expect(sameStats(stats('a', 1, 0), stats('a', 1, 3))).toBe(false)
  })

  it('keeps unchanged objects when merging a tick', () => {
    const current = { a: stats('a', 1), b: stats('b', 1) }
    const merged = mergeStats(current, [stats('a', 1), stats('b', 2)], false)
    expect(merged.a).toBe(current.a)
    expect(merged.b?.total).toBe(2)
    expect(mergeStats(current, [stats('a', 1)], false)).toBe(current)
  })

  it('drops columns that are gone on a full replace', () => {
    const current = { a: stats('a', 1), b: stats('b', 1) }
    const merged = mergeStats(current, [stats('a', 1)], true)
    expect(Object.keys(merged)).toEqual(['a'])
    expect(merged.a).toBe(current.a)
  })

  it('summarizes and shapes sparkline rows', () => {
    const s = summarize(stats('a', 1, 2).buckets)
    expect(s).toEqual({
      count: 4,
      positiveShare: 0.5,
      negativeShare: 0.25,
      mean: 0.125,
      unscored: 3,
    })
    expect(summarize([])).toEqual({
      count: 0,
      positiveShare: 0,
      negativeShare: 0,
      mean: 0,
      unscored: 0,
    })
    expect(toSparkRows(stats('a', 1).buckets)).toEqual([{ t: 0, negative: 1, neutral: 1, positive: 0, unscored: 3 }])
  })
})
