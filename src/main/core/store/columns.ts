// Columns and their hits: CRUD, order, the back-fill of a column from the
// archive, and the per-column totals.
import { randomUUID } from 'node:crypto'
import { COLUMN_WIDTH, type Column } from '../../../shared/domain'
import type { SqlWhere } from './query-sql'
import type { Db } from './db-types'
import { stmt } from './db'
import { deleteColumnTriage } from './triage'

interface ColumnRow {
  id: string
  title: string
  query: string
  position: number
  width: number
  created_at: number
  collapse_reposts: number
}

function rowToColumn(r: ColumnRow): Column {
  return {
    id: r.id,
    title: r.title,
    query: r.query,
    position: r.position,
    width: r.width,
    createdAt: r.created_at,
    collapseReposts: r.collapse_reposts === 1,
  }
}

export function listColumns(db: Db): Column[] {
  return stmt<[], ColumnRow>(db, 'SELECT * FROM columns ORDER BY position, created_at').all().map(rowToColumn)
}

export function getColumn(db: Db, id: string): Column | undefined {
  const row = stmt<[string], ColumnRow>(db, 'SELECT * FROM columns WHERE id = ?').get(id)
  return row && rowToColumn(row)
}

export interface ColumnDraft {
  title: string
  query: string
  width?: number | undefined
  collapseReposts?: boolean | undefined
}

export function insertColumn(db: Db, draft: ColumnDraft, now: number): Column {
  const position = stmt<[], { p: number }>(db, 'SELECT coalesce(max(position) + 1, 0) AS p FROM columns').get()!.p
  const column: Column = {
    id: randomUUID(),
    title: draft.title,
    query: draft.query,
    position,
    width: draft.width ?? COLUMN_WIDTH.default,
    createdAt: now,
    collapseReposts: draft.collapseReposts === true,
  }
  stmt(
    db,
    'INSERT INTO columns (id, title, query, position, width, created_at, collapse_reposts) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    column.id,
    column.title,
    column.query,
    column.position,
    column.width,
    column.createdAt,
    column.collapseReposts ? 1 : 0,
  )
  return column
}

export function saveColumn(db: Db, column: Column): void {
  stmt(db, 'UPDATE columns SET title = ?, query = ?, position = ?, width = ?, collapse_reposts = ? WHERE id = ?').run(
    column.title,
    column.query,
    column.position,
    column.width,
    column.collapseReposts ? 1 : 0,
    column.id,
  )
}

/** Removes a column with its hits and its triage settings (watermark, filters, mutes), in one transaction. */
export function deleteColumn(db: Db, id: string): boolean {
  return db.transaction(() => {
    stmt(db, 'DELETE FROM column_hits WHERE column_id = ?').run(id)
    deleteColumnTriage(db, id)
    return stmt(db, 'DELETE FROM columns WHERE id = ?').run(id).changes > 0
  })()
}

/** Sets positions from the given order; ids not listed keep their relative order after them. */
export function reorderColumns(db: Db, ids: readonly string[]): Column[] {
  db.transaction(() => {
    const all = listColumns(db)
    const listed = ids.filter((id) => all.some((c) => c.id === id))
    const rest = all.filter((c) => !listed.includes(c.id)).map((c) => c.id)
    const update = stmt(db, 'UPDATE columns SET position = ? WHERE id = ?')
    ;[...new Set(listed), ...rest].forEach((id, position) => update.run(position, id))
  })()
  return listColumns(db)
}

export function insertHit(db: Db, columnId: string, createdAt: number, mentionId: number): void {
  stmt(db, 'INSERT INTO column_hits (column_id, created_at, mention_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
    columnId,
    createdAt,
    mentionId,
  )
}

/** Takes a mention out of every column (a key look-up per column); returns the columns it was in. */
export function removeHits(db: Db, mentionId: number, createdAt: number): string[] {
  return stmt<[number, number], { column_id: string }>(
    db,
    `DELETE FROM column_hits WHERE column_id IN (SELECT id FROM columns) AND created_at = ? AND mention_id = ?
     RETURNING column_id`,
  )
    .all(createdAt, mentionId)
    .map((r) => r.column_id)
}

/** Rebuilds a column's hits from the whole archive. Returns how many mentions the column now holds. */
export function backfillColumn(db: Db, columnId: string, where: SqlWhere): number {
  return db.transaction(() => {
    stmt(db, 'DELETE FROM column_hits WHERE column_id = ?').run(columnId)
    return db
      .prepare(
        `INSERT INTO column_hits (column_id, created_at, mention_id)
         SELECT ?, m.created_at, m.id FROM mentions m WHERE ${where.sql}`,
      )
      .run(columnId, ...where.params).changes
  })()
}

/** A new column with its history back-filled from the archive, in one transaction. */
export function createColumn(db: Db, draft: ColumnDraft, where: SqlWhere, now: number): Column {
  return db.transaction(() => {
    const c = insertColumn(db, draft, now)
    backfillColumn(db, c.id, where)
    return c
  })()
}

/** Saves a column; with a new query (`where`), its hits are rebuilt in the same transaction. */
export function updateColumn(db: Db, column: Column, where: SqlWhere | null): void {
  db.transaction(() => {
    saveColumn(db, column)
    if (where) backfillColumn(db, column.id, where)
  })()
}

/** Replaces every column (a workspace import), all or nothing; returns the new ones. */
export function replaceColumns(
  db: Db,
  drafts: ReadonlyArray<{ draft: ColumnDraft; where: SqlWhere }>,
  now: number,
): Column[] {
  return db.transaction(() => {
    for (const c of listColumns(db)) deleteColumn(db, c.id)
    return drafts.map(({ draft, where }) => createColumn(db, draft, where, now))
  })()
}

export function columnTotal(db: Db, columnId: string): number {
  return stmt<[string], { n: number }>(db, 'SELECT count(*) AS n FROM column_hits WHERE column_id = ?').get(columnId)!.n
}

export interface BucketRow {
  column_id: string
  bucket: number
  label: string
  n: number
  score: number
}

/** A column's hit counts and score sums per time bucket and label since `since`. */
export function hitBuckets(db: Db, columnId: string, since: number, bucketMs: number): BucketRow[] {
  return stmt<[number, number, string, number], BucketRow>(
    db,
    `SELECT h.column_id, (h.created_at / ?) * ? AS bucket, m.sentiment_label AS label,
            count(*) AS n, sum(m.sentiment) AS score
     FROM column_hits h JOIN mentions m ON m.id = h.mention_id
     WHERE h.column_id = ? AND h.created_at >= ?
     GROUP BY h.column_id, 2, 3`,
  ).all(bucketMs, bucketMs, columnId, since)
}
