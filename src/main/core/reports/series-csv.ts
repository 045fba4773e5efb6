// A report's series as CSV (written by csv/write.ts, as exports are): one row
// per bucket and column with the volume and the sentiment counts and shares
// (shares of the scored mentions: unscored ones count in volume only). A
// report has at most a few hundred buckets per column, so it is built in memory.
import type { Report } from '../../../shared/contracts/reports'
import { csvRecords, type CsvValue } from '../csv/write'

export const SERIES_CSV_COLUMNS = [
  'bucket_start',
  'bucket_end',
  'column',
  'volume',
  'positive',
  'neutral',
  'negative',
  'unscored',
  'positive_share',
  'negative_share',
] as const

const share = (n: number, of: number): string => (of === 0 ? '' : (n / of).toFixed(4))

export function seriesCsv(report: Report): string {
  const rows: CsvValue[][] = [[...SERIES_CSV_COLUMNS]]
  report.buckets.forEach((start, i) => {
    const end = Math.min(start + report.bucketMs, report.until)
    for (const c of report.columns) {
      const volume = c.volume[i]!
      rows.push([
        new Date(Math.max(start, report.since)).toISOString(),
        new Date(end).toISOString(),
        c.title,
        volume,
        c.positive[i]!,
        c.neutral[i]!,
        c.negative[i]!,
        c.unscored[i]!,
        share(c.positive[i]!, volume - c.unscored[i]!),
        share(c.negative[i]!, volume - c.unscored[i]!),
      ])
    }
  })
  return csvRecords(rows)
}

/** A file name that says what and when: earshot-report-<columns>-<from>.csv */
export function seriesFilename(report: Report): string {
  const slug = report.columns
    .map((c) => c.title)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  const day = new Date(report.since).toISOString().slice(0, 10)
  return `earshot-report-${slug || 'columns'}-${day}.csv`
}
