// A report's time axis: the bucket size for a range (the smallest of a few
// round sizes that keeps the chart readable) and the bucket starts, aligned to
// the size in UTC so that the same hour is the same bucket in every report.
import { REPORT_BUCKETS_MS, REPORT_MAX_BUCKETS } from '../../../shared/contracts/reports'

export function bucketSize(since: number, until: number): number {
  const span = until - since
  for (const size of REPORT_BUCKETS_MS) if (bucketCount(since, until, size) <= REPORT_MAX_BUCKETS) return size
  // Longer than two years: weeks of weeks would still be too many, so grow the week.
  const week = REPORT_BUCKETS_MS.at(-1)!
  return week * Math.ceil(span / week / (REPORT_MAX_BUCKETS - 1))
}

function bucketCount(since: number, until: number, size: number): number {
  return (bucketOf(until - 1, size) - bucketOf(since, size)) / size + 1
}

export const bucketOf = (t: number, size: number): number => Math.floor(t / size) * size

/** The start of every bucket that overlaps [since, until). */
export function bucketStarts(since: number, until: number, size: number): number[] {
  const out: number[] = []
  for (let t = bucketOf(since, size); t < until; t += size) out.push(t)
  return out
}
