// Where a column's sparkline marks things: spikes (its alerts' buckets) and
// capture gaps (spans when a source was not listening), clipped to the
// sparkline's time window. Pure, for the component and its tests.
import type { Alert } from '../../../shared/contracts/alerts'
import type { Gap } from '../../../shared/contracts/sources'

export interface SparkMarks {
  /** Bucket starts of spikes and negative surges, ascending, each once. */
  alerts: Array<{ t: number; kind: Alert['kind'] }>
  /** [from, to) spans, clipped to the window. */
  gaps: Array<{ from: number; to: number; reason: string }>
}

export function sparkMarks(
  columnId: string,
  alerts: readonly Alert[],
  gaps: readonly Gap[],
  window: { from: number; to: number },
  now: number,
): SparkMarks {
  const seen = new Set<string>()
  const marks: SparkMarks = { alerts: [], gaps: [] }
  for (const a of alerts) {
    if (a.columnId !== columnId || a.bucket < window.from || a.bucket >= window.to) continue
    const key = `${a.kind}:${a.bucket}`
    if (seen.has(key)) continue
    seen.add(key)
    marks.alerts.push({ t: a.bucket, kind: a.kind })
  }
  marks.alerts.sort((a, b) => a.t - b.t)
  for (const g of gaps) {
    const from = Math.max(g.startedAt, window.from)
    const to = Math.min(g.endedAt ?? now, window.to)
    if (to > from) marks.gaps.push({ from, to, reason: g.reason })
  }
  return marks
}
