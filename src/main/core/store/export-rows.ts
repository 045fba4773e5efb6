// What an export reads: the rows of a column, a query or a time range, with
// only the chosen fields selected (the matched columns and the tags are
// subqueries: an export that does not ask for them does not pay for them).
// Rows come in a stable order that needs no sort, so SQLite streams them
// straight off an index: a column in its own time order, anything else in
// capture order.
import type { ExportField, ExportRequest } from '../../../shared/contracts/archive'
import { compileColumnQuery } from '../../../shared/query/column-query'
import { badRequest, notFound } from '../errors'
import { toSqlWhere, type SqlWhere } from './query-sql'
import { getColumn, listColumns } from './columns'
import { getReadMark } from './triage'
import type { Db } from './db-types'

/** string_agg separator for list fields: the ASCII unit separator never appears in titles or tags. */
export const LIST_SEPARATOR = '\u001f'

const FIELD_SQL: Record<ExportField, string> = {
  id: 'm.external_id',
  url: 'm.url',
  source: 'm.source',
  created_at: 'm.created_at',
  author_handle: 'm.author_handle',
  author_name: 'm.author_name',
  author_followers: 'm.author_followers',
  text: 'm.text',
  lang: 'm.lang',
  kind: 'm.kind',
  rating: 'm.rating',
  sentiment: 'm.sentiment',
  sentiment_label: 'm.sentiment_label',
  sentiment_scorer: 'm.sentiment_scorer',
  // Expanded per column by selectSql (see columnFlags).
  columns: 'NULL',
  // Expanded for the exporting reader by exportQuery (readSql).
  read: '0',
  done: 'coalesce(t.done, 0)',
  assignee: 't.assignee',
  tags: `(SELECT string_agg(tag, '${LIST_SEPARATOR}' ORDER BY tag) FROM mention_tags WHERE mention_id = m.id)`,
  note: 't.note',
}

const TRIAGE_FIELDS: ReadonlySet<ExportField> = new Set(['done', 'assignee', 'note'])

/** One exported row as SQLite returns it: the chosen fields' raw values, in order. */
export type ExportRow = Array<string | number | null>

export interface ExportQuery {
  /** Everything after SELECT <fields> but the order: FROM and WHERE. */
  from: string
  params: unknown[]
  /** The row order: a unique key, so that a range of it is a contiguous slice of the export. */
  order: string[]
  /** The scope's name for file names. */
  label: string
  /** The archive's columns in display order, for the matched-columns field. */
  columns: Array<{ id: string; title: string }>
  /** Fields whose SQL depends on the scope (a column's read watermark). */
  fieldSql: Partial<Record<ExportField, string>>
  /**
   * Whether slices of it can be read apart (export-parallel.ts): not with
   * words to search, as each slice's statement would run the whole full-text
   * search again.
   */
  sliceable: boolean
}

const fieldSql = (q: ExportQuery, f: ExportField): string => q.fieldSql[f] ?? FIELD_SQL[f]

/** A string as an SQL literal (both engines: standard strings, quotes doubled). */
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`

/**
 * "read" as the exporting reader's cards show it: marked read by them, or (a
 * column's export) at or older than their watermark on the column. Inlined:
 * the reader is quoted, the watermark's two integers come from our own table.
 */
function readSql(db: Db, reader: string, columnId: string | null): Partial<Record<ExportField, string>> {
  const marked = `EXISTS (SELECT 1 FROM mention_reads r WHERE r.reader = ${literal(reader)} AND r.mention_id = m.id)`
  const mark = columnId === null ? null : getReadMark(db, reader, columnId)
  if (!mark || !Number.isSafeInteger(mark.createdAt) || !Number.isSafeInteger(mark.id))
    return { read: `CASE WHEN ${marked} THEN 1 ELSE 0 END` }
  return {
    read: `CASE WHEN ${marked} OR (h.created_at, h.mention_id) <= (${mark.createdAt}, ${mark.id}) THEN 1 ELSE 0 END`,
  }
}

/** Resolves an export's scope against the archive; throws a clear error for a missing column or a bad query. */
export function exportQuery(
  db: Db,
  req: Pick<ExportRequest, 'scope' | 'since' | 'until' | 'fields'>,
  reader: string,
): ExportQuery {
  const triage = req.fields.some((f) => TRIAGE_FIELDS.has(f)) ? ' LEFT JOIN triage t ON t.mention_id = m.id' : ''
  const clauses: string[] = []
  const params: unknown[] = []
  const columns = req.fields.includes('columns') ? listColumns(db).map((c) => ({ id: c.id, title: c.title })) : []
  if (req.scope.kind === 'column') {
    const column = getColumn(db, req.scope.columnId)
    if (!column) throw notFound(`column ${req.scope.columnId}`)
    clauses.push('h.column_id = ?')
    params.push(column.id)
    range('h.created_at', req, clauses, params)
    return {
      from: `FROM column_hits h JOIN mentions m ON m.id = h.mention_id${triage} WHERE ${clauses.join(' AND ')}`,
      params,
      order: ['h.created_at', 'h.mention_id'],
      label: column.title,
      columns,
      fieldSql: readSql(db, reader, column.id),
      sliceable: true,
    }
  }
  const where = queryWhere(req.scope.query)
  clauses.push(where.sql)
  params.push(...where.params)
  range('m.created_at', req, clauses, params)
  return {
    from: `FROM mentions m${triage} WHERE ${clauses.join(' AND ')}`,
    params,
    order: ['m.id'],
    label: req.scope.query.trim() === '' ? 'archive' : req.scope.query,
    columns,
    // Watermarks belong to columns: outside one, "read" is what was marked read.
    fieldSql: readSql(db, reader, null),
    sliceable: !where.sql.includes('mentions_fts'),
  }
}

function queryWhere(query: string): SqlWhere {
  if (query.trim() === '') return { sql: '1', params: [] }
  const compiled = compileColumnQuery(query)
  if (!compiled.ok) throw badRequest(`invalid query: ${compiled.error.message}`, [`query: ${compiled.error.message}`])
  return toSqlWhere(compiled.ast)
}

function range(
  column: string,
  req: Pick<ExportRequest, 'since' | 'until'>,
  clauses: string[],
  params: unknown[],
): void {
  if (req.since != null) {
    clauses.push(`${column} >= ?`)
    params.push(req.since)
  }
  if (req.until != null) {
    clauses.push(`${column} < ?`)
    params.push(req.until)
  }
}

/**
 * Matched columns as one flag per column: column_hits is keyed by (column, time, mention), so each
 * flag is one primary-key probe, with no per-row subquery, sort or string building in SQLite.
 */
const COLUMN_FLAG =
  'EXISTS (SELECT 1 FROM column_hits x WHERE x.column_id = ? AND x.created_at = m.created_at AND x.mention_id = m.id)'

/**
 * A contiguous slice of an export in its order: the rows whose key is past `after` and up to `upTo`
 * (either end open when null). Parallel export hands slices to its workers.
 */
export interface ExportSlice {
  after: unknown[] | null
  upTo: unknown[] | null
}

const WHOLE: ExportSlice = { after: null, upTo: null }

function sliceWhere(q: ExportQuery, slice: ExportSlice): { sql: string; params: unknown[] } {
  const key = `(${q.order.join(', ')})`
  const tuple = `(${q.order.map(() => '?').join(', ')})`
  let sql = ''
  const params: unknown[] = []
  if (slice.after) {
    sql += ` AND ${key} > ${tuple}`
    params.push(...slice.after)
  }
  if (slice.upTo) {
    sql += ` AND ${key} <= ${tuple}`
    params.push(...slice.upTo)
  }
  return { sql, params }
}

function selectParts(
  fields: readonly ExportField[],
  q: ExportQuery,
  slice: ExportSlice = WHOLE,
): { sql: string; params: unknown[] } {
  const parts: string[] = []
  const params: unknown[] = []
  for (const f of fields) {
    if (f === 'columns' && q.columns.length > 0) {
      for (const c of q.columns) {
        parts.push(COLUMN_FLAG)
        params.push(c.id)
      }
    } else {
      parts.push(`${fieldSql(q, f)} AS ${f}`)
    }
  }
  const within = sliceWhere(q, slice)
  return {
    sql: `SELECT ${parts.join(', ')} ${q.from}${within.sql} ORDER BY ${q.order.join(', ')}`,
    params: [...params, ...q.params, ...within.params],
  }
}

export function countRows(db: Db, q: ExportQuery): number {
  return (db.prepare(`SELECT count(*) AS n ${q.from}`).get(...q.params) as { n: number }).n
}

/**
 * Where parallel export cuts its slices: the key `size` rows past `after` (from the start when null),
 * or undefined when fewer rows are left. SQLite steps over the rows itself; nothing crosses into JS.
 */
export function cutAfter(db: Db, q: ExportQuery, after: unknown[] | null, size: number): unknown[] | undefined {
  const within = sliceWhere(q, { after, upTo: null })
  return db
    .prepare(`SELECT ${q.order.join(', ')} ${q.from}${within.sql} ORDER BY ${q.order.join(', ')} LIMIT 1 OFFSET ?`)
    .raw(true)
    .get(...q.params, ...within.params, size - 1) as unknown[] | undefined
}

/** The export's last key now (rows captured later are left out of a parallel export). */
export function lastKey(db: Db, q: ExportQuery): unknown[] | undefined {
  const desc = q.order.map((k) => `${k} DESC`).join(', ')
  return db
    .prepare(`SELECT ${q.order.join(', ')} ${q.from} ORDER BY ${desc} LIMIT 1`)
    .raw(true)
    .get(...q.params) as unknown[] | undefined
}

/** The rows, one at a time, straight from SQLite (never all in memory); arrays, which read twice as fast as objects. */
export function* iterateRows(
  db: Db,
  fields: readonly ExportField[],
  q: ExportQuery,
  slice: ExportSlice = WHOLE,
): Generator<ExportRow> {
  const { sql, params } = selectParts(fields, q, slice)
  const rows = db
    .prepare(sql)
    .raw(true)
    .iterate(...params) as IterableIterator<ExportRow>
  const at = fields.indexOf('columns')
  const n = q.columns.length
  if (at === -1 || n === 0) {
    yield* rows
    return
  }
  // Fold the per-column flags back into the one field, titles in display order.
  for (const row of rows) {
    const titles: string[] = []
    for (let i = 0; i < n; i++) if (row[at + i] === 1) titles.push(q.columns[i]!.title)
    row.splice(at, n, titles.length === 0 ? null : titles.join(LIST_SEPARATOR))
    yield row
  }
}

/**
 * One slice's rows for a parallel export worker, as iterateRows gives them. Matched columns come from
 * one range read of column_hits per column over the slice's time span, not a probe per row and column;
 * a span too wide for that (an archive imported out of time order) falls back to the probes.
 */
export function readSlice(db: Db, fields: readonly ExportField[], q: ExportQuery, slice: ExportSlice): ExportRow[] {
  const at = fields.indexOf('columns')
  if (at === -1 || q.columns.length === 0) return [...iterateRows(db, fields, q, slice)]
  const within = sliceWhere(q, slice)
  const select = [...fields.map((f) => `${fieldSql(q, f)} AS ${f}`), 'm.id', 'm.created_at']
  const rows = db
    .prepare(`SELECT ${select.join(', ')} ${q.from}${within.sql} ORDER BY ${q.order.join(', ')}`)
    .raw(true)
    .all(...q.params, ...within.params) as ExportRow[]
  if (rows.length === 0) return rows
  let from = Infinity
  let to = -Infinity
  for (const row of rows) {
    const t = row[row.length - 1] as number
    if (t < from) from = t
    if (t > to) to = t
  }
  const most = rows.length * 16
  const span = db
    .prepare('SELECT mention_id FROM column_hits WHERE column_id = ? AND created_at BETWEEN ? AND ? LIMIT ?')
    .pluck()
  const hits = q.columns.map((c) => {
    const ids = span.all(c.id, from, to, most + 1) as number[]
    return ids.length > most ? null : new Set(ids)
  })
  const probe = db
    .prepare('SELECT 1 FROM column_hits WHERE column_id = ? AND created_at = ? AND mention_id = ?')
    .pluck()
  for (const row of rows) {
    const created = row.pop() as number
    const id = row.pop() as number
    const titles: string[] = []
    for (let i = 0; i < q.columns.length; i++) {
      const set = hits[i]
      const matched = set ? set.has(id) : probe.get(q.columns[i]!.id, created, id) !== undefined
      if (matched) titles.push(q.columns[i]!.title)
    }
    row[at] = titles.length === 0 ? null : titles.join(LIST_SEPARATOR)
  }
  return rows
}
