// Per-column volume and sentiment over the last 30 minutes (sparklines) and
// each column's total. Loaded from the archive once per column, then kept up
// to date from committed hits, so a tick costs no query.
import {
  STATS_BUCKET_MS,
  STATS_BUCKETS,
  STATS_WINDOW_MS,
  type ColumnId,
  type ColumnStats,
  type SentimentLabel,
  type StatsBucket,
} from '../../../shared/domain'
import type { StoreReader } from '../store'

interface ColumnCounters {
  total: number
  buckets: Map<number, StatsBucket>
}

const bucketOf = (t: number) => Math.floor(t / STATS_BUCKET_MS) * STATS_BUCKET_MS

function emptyBucket(t: number): StatsBucket {
  return { t, positive: 0, neutral: 0, negative: 0, unscored: 0, sentimentSum: 0 }
}

export class StatsTracker {
  private columns = new Map<ColumnId, ColumnCounters>()

  /** (Re)load a column from the archive, e.g. after it was created or back-filled. */
  load(read: Pick<StoreReader, 'hitBuckets' | 'columnTotal'>, columnId: ColumnId, now: number): void {
    const since = bucketOf(now) - STATS_WINDOW_MS + STATS_BUCKET_MS
    const buckets = new Map<number, StatsBucket>()
    for (const row of read.hitBuckets(columnId, since, STATS_BUCKET_MS)) {
      const b = buckets.get(row.bucket) ?? emptyBucket(row.bucket)
      b[row.label as SentimentLabel] += row.n
      b.sentimentSum += row.score
      buckets.set(row.bucket, b)
    }
    this.columns.set(columnId, { total: read.columnTotal(columnId), buckets })
  }

  remove(columnId: ColumnId): void {
    this.columns.delete(columnId)
  }

  add(columnId: ColumnId, createdAt: number, label: SentimentLabel, score: number): void {
    const c = this.columns.get(columnId)
    if (!c) return
    c.total++
    const t = bucketOf(createdAt)
    let b = c.buckets.get(t)
    if (!b) {
      b = emptyBucket(t)
      c.buckets.set(t, b)
    }
    b[label]++
    b.sentimentSum += score
  }

  /** Exactly STATS_BUCKETS buckets per column, oldest first, ending at now's bucket. */
  snapshot(columnIds: readonly ColumnId[], now: number): ColumnStats[] {
    const last = bucketOf(now)
    const first = last - (STATS_BUCKETS - 1) * STATS_BUCKET_MS
    return columnIds.map((columnId) => {
      const c = this.columns.get(columnId)
      const buckets: StatsBucket[] = []
      for (let t = first; t <= last; t += STATS_BUCKET_MS) buckets.push({ ...(c?.buckets.get(t) ?? emptyBucket(t)) })
      if (c) for (const t of c.buckets.keys()) if (t < first) c.buckets.delete(t)
      return { columnId, total: c?.total ?? 0, buckets }
    })
  }
}
