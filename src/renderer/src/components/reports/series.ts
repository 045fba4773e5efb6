// Pure helpers of the Reports view: chart rows from a report, the brushed
// window, range presets and how times and bucket sizes read.
import type { Report } from '../../../../shared/contracts/reports'

/** One colour per column, in order (up to twelve columns per report). */
export const COLUMN_COLORS = [
  '#45b8ff',
  '#e3a72f',
  '#b487ff',
  '#3fd0b0',
  '#ff7ab6',
  '#9ccc4a',
  '#ff8c4a',
  '#6f8cff',
  '#e05d5d',
  '#50c8e8',
  '#c9b458',
  '#a0a8b8',
] as const

export const columnColor = (i: number): string => COLUMN_COLORS[i % COLUMN_COLORS.length]!

export type VolumeRow = { t: number } & Record<string, number>

export function volumeRows(report: Report): VolumeRow[] {
  return report.buckets.map((t, i) => {
    const row: VolumeRow = { t }
    for (const c of report.columns) row[c.id] = c.volume[i]!
    return row
  })
}

export interface SentimentRow {
  t: number
  positive: number
  neutral: number
  negative: number
  unscored: number
}

/** Sentiment counts per bucket over every chosen column (the chart shows them as shares). */
export function sentimentRows(report: Report): SentimentRow[] {
  return report.buckets.map((t, i) => {
    const row = { t, positive: 0, neutral: 0, negative: 0, unscored: 0 }
    for (const c of report.columns) {
      row.positive += c.positive[i]!
      row.neutral += c.neutral[i]!
      row.negative += c.negative[i]!
      row.unscored += c.unscored[i]!
    }
    return row
  })
}

export interface TimeWindow {
  since: number
  until: number
}

/** The time window a brush over bucket indexes [start, end] covers, clipped to the report. */
export function brushWindow(report: Report, start: number, end: number): TimeWindow {
  const first = report.buckets[Math.max(0, Math.min(start, end))] ?? report.since
  const last = report.buckets[Math.min(report.buckets.length - 1, Math.max(start, end))] ?? report.since
  return { since: Math.max(first, report.since), until: Math.min(last + report.bucketMs, report.until) }
}

export const RANGE_PRESETS = [
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { id: 'all', label: 'Whole archive', ms: null },
] as const
export type RangePreset = (typeof RANGE_PRESETS)[number]['id']

/**
 * The range a preset means. "Last" counts back from now on the live archive and
 * from the last capture in an archive under review (which may be months old).
 */
export function presetRange(
  preset: RangePreset,
  bounds: { first: number | null; last: number | null },
  now: number,
  review: boolean,
): TimeWindow {
  const until = review && bounds.last !== null ? bounds.last + 1 : now
  const span = RANGE_PRESETS.find((p) => p.id === preset)!.ms
  if (span !== null) return { since: until - span, until }
  const since = bounds.first ?? until - 86_400_000
  return { since: Math.min(since, until - 60_000), until }
}

const DAY = 86_400_000
const dateFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const fullFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** An axis label: the date for daily buckets, the time (with the date at midnight) otherwise. */
export function bucketLabel(t: number, bucketMs: number): string {
  if (bucketMs >= DAY) return dateFmt.format(t)
  return `${dateFmt.format(t)} ${timeFmt.format(t)}`
}

export const formatTime = (t: number): string => fullFmt.format(t)

export function formatWindow(w: TimeWindow): string {
  return `${fullFmt.format(w.since)} – ${fullFmt.format(w.until)}`
}

export function formatBucketSize(ms: number): string {
  if (ms % (7 * DAY) === 0) return ms === 7 * DAY ? '1 week' : `${ms / (7 * DAY)} weeks`
  if (ms % DAY === 0) return ms === DAY ? '1 day' : `${ms / DAY} days`
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? '1 hour' : `${ms / 3_600_000} hours`
  return `${ms / 60_000} min`
}

export const percent = (share: number): string => `${(share * 100).toFixed(share > 0 && share < 0.1 ? 1 : 0)}%`
