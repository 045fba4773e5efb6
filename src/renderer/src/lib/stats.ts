// Pure helpers for column statistics: whether a tick changed anything (so a
// column's sparkline only re-renders when its numbers move), the sparkline's
// chart rows and a one-line summary for its label.
import type { ColumnStats, StatsBucket } from '../../../shared/domain'

export function sameStats(a: ColumnStats, b: ColumnStats): boolean {
  if (a.columnId !== b.columnId || a.total !== b.total || a.buckets.length !== b.buckets.length) return false
  for (let i = 0; i < a.buckets.length; i++) {
    const x = a.buckets[i]!
    const y = b.buckets[i]!
    if (
      x.t !== y.t ||
      x.positive !== y.positive ||
      x.neutral !== y.neutral ||
      x.negative !== y.negative ||
      x.unscored !== y.unscored ||
      x.sentimentSum !== y.sentimentSum
    ) {
      return false
    }
  }
  return true
}

/** Merge fresh stats into the current map, keeping the old object where nothing changed. */
export function mergeStats(
  current: Readonly<Record<string, ColumnStats>>,
  fresh: readonly ColumnStats[],
  replaceAll: boolean,
): Record<string, ColumnStats> {
  const out: Record<string, ColumnStats> = replaceAll ? {} : { ...current }
  let changed = replaceAll && Object.keys(current).length !== fresh.length
  for (const s of fresh) {
    const old = current[s.columnId]
    if (old && sameStats(old, s)) out[s.columnId] = old
    else {
      out[s.columnId] = s
      changed = true
    }
  }
  return changed ? out : (current as Record<string, ColumnStats>)
}

export interface SparkRow {
  t: number
  negative: number
  neutral: number
  positive: number
  unscored: number
}

export function toSparkRows(buckets: readonly StatsBucket[]): SparkRow[] {
  return buckets.map((b) => ({
    t: b.t,
    negative: b.negative,
    neutral: b.neutral,
    positive: b.positive,
    unscored: b.unscored,
  }))
}

export interface StatsSummary {
  count: number
  positiveShare: number
  negativeShare: number
  /** Mean compound score, 0 when there is nothing. */
  mean: number
  /** Mentions in a language the model does not read: not in count or the shares. */
  unscored: number
}

export function summarize(buckets: readonly StatsBucket[]): StatsSummary {
  let pos = 0
  let neg = 0
  let count = 0
  let sum = 0
  let unscored = 0
  for (const b of buckets) {
    unscored += b.unscored
    pos += b.positive
    neg += b.negative
    count += b.positive + b.neutral + b.negative
    sum += b.sentimentSum
  }
  if (count === 0) return { count: 0, positiveShare: 0, negativeShare: 0, mean: 0, unscored }
  return {
    unscored,
    count,
    positiveShare: pos / count,
    negativeShare: neg / count,
    mean: sum / count,
  }
}
