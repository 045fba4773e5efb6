// The report's numbers, read from one archive: per-column volume and sentiment
// per bucket (column_hits by column and time, joined to the mention for its
// label), share of voice, top hashtags / authors / terms over the distinct
// mentions of the chosen columns, and the capture gaps of the period.
import {
  REPORT_TOP_SAMPLE,
  type Counted,
  type Report,
  type ReportColumn,
  type ReportRequest,
} from '../../../shared/contracts/reports'
import type { Column } from '../../../shared/domain'
import { compileColumnQuery } from '../../../shared/query/column-query'
import { tokenize } from '../../../shared/query/tokenize'
import { stmt } from './db'
import type { Db } from './db-types'
import { listGaps } from './gaps'
import { bucketSize, bucketStarts } from '../reports/buckets'
import { isTerm } from '../reports/stopwords'

/** How many sampled texts the top lists count between two checkpoints. */
const CHECK_EVERY_ROWS = 256

interface SeriesRow {
  bucket: number
  n: number
  positive: number
  negative: number
  unscored: number
}

// One row per bucket, the labels counted inline: one GROUP BY key instead of
// two (20% less at a month of a 300k-hit column). better-sqlite3 binds every JS
// number as REAL: the CAST keeps the division an integer one.
const SERIES_SQL = `
  SELECT (h.created_at / CAST(@size AS INTEGER)) * @size AS bucket, count(*) AS n,
         sum(m.sentiment_label = 'positive') AS positive, sum(m.sentiment_label = 'negative') AS negative,
         sum(m.sentiment_label = 'unscored') AS unscored
  FROM column_hits h JOIN mentions m ON m.id = h.mention_id
  WHERE h.column_id = @column AND h.created_at >= @since AND h.created_at < @until
  GROUP BY 1`

function columnSeries(db: Db, column: Column, r: ReportRequest, size: number, buckets: number[]): ReportColumn {
  const index = new Map(buckets.map((b, i) => [b, i]))
  const zeros = () => buckets.map(() => 0)
  const out = { volume: zeros(), positive: zeros(), neutral: zeros(), negative: zeros(), unscored: zeros() }
  const rows = stmt<[{ size: number; column: string; since: number; until: number }], SeriesRow>(db, SERIES_SQL).all({
    size,
    column: column.id,
    since: r.since,
    until: r.until,
  })
  let total = 0
  for (const row of rows) {
    const i = index.get(row.bucket)
    if (i === undefined) continue
    out.volume[i] = row.n
    out.positive[i] = row.positive
    out.negative[i] = row.negative
    out.unscored[i] = row.unscored
    out.neutral[i] = row.n - row.positive - row.negative - row.unscored
    total += row.n
  }
  return { id: column.id, title: column.title, query: column.query, total, share: 0, ...out }
}

/** The words a column asks for: they would top its own term list and say nothing. */
function queryWords(query: string): Set<string> {
  const words = new Set<string>()
  const compiled = compileColumnQuery(query)
  if (!compiled.ok) return words
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return
    const n = node as { type?: string; token?: string; tokens?: string[]; tag?: string }
    if (n.type === 'term' && n.token) words.add(n.token)
    if (n.type === 'phrase' && n.tokens) n.tokens.forEach((t) => words.add(t))
    if (n.type === 'hashtag' && n.tag) tokenize(n.tag).forEach((t) => words.add(t))
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit)
      else if (typeof value === 'object') visit(value)
    }
  }
  visit(compiled.ast)
  return words
}

function topOf(counts: Map<string, number>, n: number): Counted[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([key, count]) => ({ key, count }))
}

/**
 * The distinct mentions of the chosen columns in the range (one column holds
 * each mention once, so one needs no DISTINCT), optionally only every k-th by
 * id: filtering before DISTINCT keeps its temporary B-tree as small as the sample.
 */
function hitsOf(columnIds: readonly string[], r: ReportRequest, every = 1): { sql: string; params: unknown[] } {
  return {
    sql: `SELECT ${columnIds.length > 1 ? 'DISTINCT ' : ''}mention_id FROM column_hits
          WHERE column_id IN (${columnIds.map(() => '?').join(', ')}) AND created_at >= ? AND created_at < ?
          ${every > 1 ? 'AND mention_id % ? = 0' : ''}`,
    params: [...columnIds, r.since, r.until, ...(every > 1 ? [every] : [])],
  }
}

function distinctTotal(db: Db, series: readonly ReportColumn[], r: ReportRequest): number {
  if (series.length === 1) return series[0]!.total
  const hits = hitsOf(
    series.map((c) => c.id),
    r,
  )
  return (db.prepare(`SELECT count(*) AS n FROM (${hits.sql})`).get(...hits.params) as { n: number }).n
}

/**
 * Top lists over every k-th mention, k from the sum of the column totals (at
 * least the distinct total, so the sample never exceeds `sample`).
 */
function topLists(
  db: Db,
  columns: readonly Column[],
  series: readonly ReportColumn[],
  r: ReportRequest,
  sample: number,
  checkpoint: () => void,
): Report['top'] {
  const every = Math.max(1, Math.ceil(series.reduce((s, c) => s + c.total, 0) / sample))
  const hits = hitsOf(
    columns.map((c) => c.id),
    r,
    every,
  )
  const skip = new Set(columns.flatMap((c) => [...queryWords(c.query)]))
  const hashtags = new Map<string, number>()
  const authors = new Map<string, number>()
  const terms = new Map<string, number>()
  let sampled = 0
  const rows = db
    .prepare(`SELECT m.author_key, m.text, m.entities FROM (${hits.sql}) h JOIN mentions m ON m.id = h.mention_id`)
    .iterate(...hits.params) as IterableIterator<{ author_key: string; text: string; entities: string }>
  for (const row of rows) {
    if (++sampled % CHECK_EVERY_ROWS === 0) checkpoint()
    const author = `@${row.author_key}`
    authors.set(author, (authors.get(author) ?? 0) + 1)
    if (row.entities !== '') {
      for (const entity of row.entities.split(' ')) {
        if (entity.startsWith('#')) hashtags.set(entity, (hashtags.get(entity) ?? 0) + 1)
      }
    }
    // Each word counts once per mention: a post repeating a word is not a trend.
    for (const token of new Set(tokenize(row.text))) {
      if (isTerm(token) && !skip.has(token)) terms.set(token, (terms.get(token) ?? 0) + 1)
    }
  }
  return { hashtags: topOf(hashtags, r.top), authors: topOf(authors, r.top), terms: topOf(terms, r.top), sampled }
}

export interface BuildOptions {
  /** How many mentions the top lists read at most. */
  textSample?: number
  /**
   * Called between the report's steps and every few hundred sampled texts; it
   * throws to abandon a report nobody waits for any more (see report-runner.ts).
   */
  checkpoint?: () => void
}

export function buildReport(
  db: Db,
  columns: readonly Column[],
  r: ReportRequest,
  archive: Report['archive'],
  { textSample = REPORT_TOP_SAMPLE, checkpoint = () => {} }: BuildOptions = {},
): Report {
  const size = bucketSize(r.since, r.until)
  const buckets = bucketStarts(r.since, r.until, size)
  return db
    .transaction(() => {
      // One read transaction: every number of the report comes from the same snapshot.
      const series = columns.map((c) => {
        checkpoint()
        return columnSeries(db, c, r, size, buckets)
      })
      const sum = series.reduce((s, c) => s + c.total, 0)
      for (const c of series) c.share = sum === 0 ? 0 : c.total / sum
      checkpoint()
      const total = distinctTotal(db, series, r)
      checkpoint()
      const top = topLists(db, columns, series, r, textSample, checkpoint)
      const gaps = listGaps(db, { since: r.since, until: r.until, limit: 1_000 })
      return { since: r.since, until: r.until, bucketMs: size, buckets, columns: series, total, top, gaps, archive }
    })
    .deferred()
}

/** First and last hit time of the chosen columns (null when they hold nothing). */
export function hitBounds(db: Db, columnIds: readonly string[]): { first: number | null; last: number | null } {
  let first: number | null = null
  let last: number | null = null
  for (const id of columnIds) {
    const row = stmt<[string, string], { first: number | null; last: number | null }>(
      db,
      `SELECT (SELECT min(created_at) FROM column_hits WHERE column_id = ?) AS first,
              (SELECT max(created_at) FROM column_hits WHERE column_id = ?) AS last`,
    ).get(id, id)!
    if (row.first !== null && (first === null || row.first < first)) first = row.first
    if (row.last !== null && (last === null || row.last > last)) last = row.last
  }
  return { first, last }
}
