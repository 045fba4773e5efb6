// The one owner of the triage tables: per-mention rows (`triage`,
// `mention_tags`, migration 0030), per-column settings (`column_triage`,
// 0070), and each operator's read state (`mention_reads`, `read_marks`,
// 0170). Done, assignee, tags, note and reviewed are the team's; read and
// the column watermarks are the reader's own (an operator's name; '' on a
// single-user console). Review annotations (review/annotations.ts) read and
// write through here too, so the fields never drift apart.
import { emptyTriage, type ColumnTriage, type TriageState } from '../../../shared/contracts/triage'
import type { ColumnId, PageCursor } from '../../../shared/domain'
import { NO_FILTERS, NO_MUTES, type Mutes, type TriageFilters } from '../../../shared/triage'
import { notFound } from '../errors'
import { stmt } from './db'
import type { Db } from './db-types'

/** A change to some mentions' triage; absent fields stay as they are. */
export interface TriageChange {
  read?: boolean | undefined
  done?: boolean | undefined
  assignee?: string | null | undefined
  note?: string | null | undefined
  reviewed?: boolean | undefined
  /** Replaces the tags. */
  tags?: readonly string[] | undefined
  addTags?: readonly string[] | undefined
  removeTags?: readonly string[] | undefined
}

interface TriageRow {
  mention_id: number
  done: number
  assignee: string | null
  note: string | null
  reviewed: number
  updated_at: number
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ')
/** SQLite's default limit on bound parameters is far above this; chunks keep statements small. */
const CHUNK = 500

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK))
  return out
}

/** Which of the given mentions `reader` has marked read. */
export function getReads(db: Db, reader: string, ids: readonly number[]): Set<number> {
  const rows = stmt<[string, string], { mention_id: number }>(
    db,
    'SELECT mention_id FROM mention_reads WHERE reader = ? AND mention_id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))',
  ).all(reader, JSON.stringify([...new Set(ids)]))
  return new Set(rows.map((r) => r.mention_id))
}

/** Triage of the given mentions as `reader` sees them, in their order (untouched ones come back empty). */
export function getTriage(db: Db, reader: string, ids: readonly number[]): TriageState[] {
  const byId = new Map<number, TriageState>()
  const reads = getReads(db, reader, ids)
  for (const part of chunks([...new Set(ids)])) {
    const rows = db
      .prepare(`SELECT * FROM triage WHERE mention_id IN (${placeholders(part.length)})`)
      .all(...part) as TriageRow[]
    for (const r of rows) {
      byId.set(r.mention_id, {
        mentionId: r.mention_id,
        read: false,
        done: r.done === 1,
        assignee: r.assignee,
        note: r.note,
        tags: [],
        reviewed: r.reviewed === 1,
        updatedAt: r.updated_at,
      })
    }
    const tags = db
      .prepare(
        `SELECT mention_id, tag FROM mention_tags WHERE mention_id IN (${placeholders(part.length)}) ORDER BY tag`,
      )
      .all(...part) as { mention_id: number; tag: string }[]
    for (const t of tags) {
      const state = byId.get(t.mention_id) ?? emptyTriage(t.mention_id)
      state.tags.push(t.tag)
      byId.set(t.mention_id, state)
    }
  }
  return ids.map((id) => {
    const state = byId.get(id) ?? emptyTriage(id)
    return reads.has(id) ? { ...state, read: true } : state
  })
}

const cleanTag = (t: string) => t.trim().toLowerCase()
const bit = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0)

/** Whether a change touches the team's fields (not only the reader's own read state). */
export const changesShared = (c: TriageChange): boolean =>
  c.done !== undefined ||
  c.assignee !== undefined ||
  c.note !== undefined ||
  c.reviewed !== undefined ||
  c.tags !== undefined ||
  (c.addTags?.length ?? 0) > 0 ||
  (c.removeTags?.length ?? 0) > 0

/**
 * Applies one change to every listed mention in one transaction, `read` as
 * `reader`'s own; unknown mentions are refused. Returns the states as `reader` sees them.
 */
export function setTriage(
  db: Db,
  reader: string,
  ids: readonly number[],
  change: TriageChange,
  now: number,
): TriageState[] {
  const unique = [...new Set(ids)]
  return db.transaction(() => {
    for (const part of chunks(unique)) {
      const found = db
        .prepare(`SELECT count(*) AS n FROM mentions WHERE id IN (${placeholders(part.length)})`)
        .get(...part) as { n: number }
      if (found.n !== part.length) throw notFound(part.length === 1 ? `mention ${part[0]}` : 'some of the mentions')
    }
    if (change.read !== undefined) {
      const sql = change.read
        ? 'INSERT INTO mention_reads (reader, mention_id) VALUES (?, ?) ON CONFLICT DO NOTHING'
        : 'DELETE FROM mention_reads WHERE reader = ? AND mention_id = ?'
      const mark = stmt(db, sql)
      for (const id of unique) mark.run(reader, id)
    }
    if (changesShared(change)) setShared(db, unique, change, now)
    return getTriage(db, reader, unique)
  })()
}

function setShared(db: Db, ids: readonly number[], change: TriageChange, now: number): void {
  const note = change.note === undefined ? undefined : change.note?.trim() || null
  const assignee = change.assignee === undefined ? undefined : change.assignee?.trim() || null
  const upsert = stmt(
    db,
    `INSERT INTO triage (mention_id, done, assignee, note, reviewed, updated_at)
     VALUES (@id, coalesce(@done, 0), @assignee, @note, coalesce(@reviewed, 0), @now)
     ON CONFLICT (mention_id) DO UPDATE SET
       done = coalesce(@done, triage.done),
       assignee = CASE WHEN @setAssignee = 1 THEN excluded.assignee ELSE triage.assignee END,
       note = CASE WHEN @setNote = 1 THEN excluded.note ELSE triage.note END,
       reviewed = coalesce(@reviewed, triage.reviewed),
       updated_at = excluded.updated_at`,
  )
  const clearTags = stmt(db, 'DELETE FROM mention_tags WHERE mention_id = ?')
  const addTag = stmt(db, 'INSERT INTO mention_tags (mention_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const removeTag = stmt(db, 'DELETE FROM mention_tags WHERE mention_id = ? AND tag = ?')
  for (const id of ids) {
    upsert.run({
      id,
      done: bit(change.done),
      assignee: assignee ?? null,
      setAssignee: assignee === undefined ? 0 : 1,
      note: note ?? null,
      setNote: note === undefined ? 0 : 1,
      reviewed: bit(change.reviewed),
      now,
    })
    if (change.tags) clearTags.run(id)
    for (const tag of [...(change.tags ?? []), ...(change.addTags ?? [])].map(cleanTag)) {
      if (tag !== '') addTag.run(id, tag)
    }
    for (const tag of change.removeTags ?? []) removeTag.run(id, cleanTag(tag))
  }
}

interface ColumnTriageRow {
  column_id: string
  filters: string
  mutes: string
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text)
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])

function rowToColumnTriage(
  columnId: ColumnId,
  r: ColumnTriageRow | undefined,
  watermark: PageCursor | null,
): ColumnTriage {
  if (!r) return { columnId, watermark, filters: { ...NO_FILTERS }, mutes: structuredClone(NO_MUTES) }
  const f = parseJson(r.filters)
  const m = parseJson(r.mutes)
  return {
    columnId,
    watermark,
    filters: {
      hideDone: f.hideDone === true,
      onlyUnassigned: f.onlyUnassigned === true,
      onlyUnread: f.onlyUnread === true,
    },
    mutes: { words: strings(m.words), authors: strings(m.authors), regexes: strings(m.regexes) },
  }
}

/** How far `reader` has read the column: everything at or older than this reads as read. */
export function getReadMark(db: Db, reader: string, columnId: ColumnId): PageCursor | null {
  const row = stmt<[string, string], { created_at: number; mention_id: number }>(
    db,
    'SELECT created_at, mention_id FROM read_marks WHERE reader = ? AND column_id = ?',
  ).get(reader, columnId)
  return row ? { createdAt: row.created_at, id: row.mention_id } : null
}

/** The column's filters and mutes (the team's) with `reader`'s watermark. */
export function getColumnTriage(db: Db, reader: string, columnId: ColumnId): ColumnTriage {
  const row = stmt<[string], ColumnTriageRow>(db, 'SELECT * FROM column_triage WHERE column_id = ?').get(columnId)
  return rowToColumnTriage(columnId, row, getReadMark(db, reader, columnId))
}

function saveColumnTriage(db: Db, t: ColumnTriage, now: number): ColumnTriage {
  stmt(
    db,
    `INSERT INTO column_triage (column_id, filters, mutes, updated_at)
     VALUES (@id, @filters, @mutes, @now)
     ON CONFLICT (column_id) DO UPDATE SET filters = excluded.filters, mutes = excluded.mutes,
       updated_at = excluded.updated_at`,
  ).run({
    id: t.columnId,
    filters: JSON.stringify(t.filters),
    mutes: JSON.stringify(t.mutes),
    now,
  })
  return t
}

/**
 * "Mark read up to here", for `reader`: everything in the column at or older
 * than the cursor reads as read. One row per reader and column, however many
 * mentions; the mark only moves forward (newer), so marking an older card
 * never un-reads. `moved` says whether the mark changed.
 */
export function markReadUpTo(
  db: Db,
  reader: string,
  columnId: ColumnId,
  cursor: PageCursor,
  now: number,
): { triage: ColumnTriage; moved: boolean } {
  // One statement decides and moves, so two windows of one reader marking at once cannot move it back.
  const moved = stmt(
    db,
    `INSERT INTO read_marks (reader, column_id, created_at, mention_id, updated_at)
     VALUES (@reader, @column, @createdAt, @id, @now)
     ON CONFLICT (reader, column_id) DO UPDATE SET created_at = excluded.created_at,
       mention_id = excluded.mention_id, updated_at = excluded.updated_at
     WHERE (excluded.created_at, excluded.mention_id) > (read_marks.created_at, read_marks.mention_id)`,
  ).run({ reader, column: columnId, createdAt: cursor.createdAt, id: cursor.id, now }).changes
  return { triage: getColumnTriage(db, reader, columnId), moved: moved > 0 }
}

/** Changes the column's filters or mutes (the team's); returns them with `reader`'s watermark. */
export function updateColumnTriage(
  db: Db,
  reader: string,
  columnId: ColumnId,
  patch: { filters?: Partial<TriageFilters> | undefined; mutes?: Mutes | undefined },
  now: number,
): ColumnTriage {
  const cur = getColumnTriage(db, '', columnId)
  const filters = { ...cur.filters }
  for (const [k, v] of Object.entries(patch.filters ?? {}) as [keyof TriageFilters, boolean | undefined][]) {
    if (v !== undefined) filters[k] = v
  }
  const mutes = patch.mutes
    ? {
        words: [...new Set(patch.mutes.words.map((w) => w.trim()).filter(Boolean))],
        authors: [...new Set(patch.mutes.authors.map((a) => a.trim().replace(/^@/, '')).filter(Boolean))],
        regexes: [...new Set(patch.mutes.regexes.filter((r) => r.trim() !== ''))],
      }
    : cur.mutes
  saveColumnTriage(db, { ...cur, filters, mutes }, now)
  return getColumnTriage(db, reader, columnId)
}

export function listColumnTriage(db: Db, reader: string, columnIds: readonly ColumnId[]): ColumnTriage[] {
  return columnIds.map((id) => getColumnTriage(db, reader, id))
}

/** With the column go its settings and every reader's watermark on it. */
export function deleteColumnTriage(db: Db, columnId: ColumnId): void {
  stmt(db, 'DELETE FROM column_triage WHERE column_id = ?').run(columnId)
  stmt(db, 'DELETE FROM read_marks WHERE column_id = ?').run(columnId)
}
