// The one owner of the triage tables: per-mention rows (`triage`,
// `mention_tags`, migration 0030) and per-column settings (`column_triage`,
// 0070). Review annotations (review/annotations.ts) read and write through
// here too, so read/done/assignee and note/tags/reviewed never drift apart.
import type { ColumnTriage, TriageState } from '../../../shared/contracts/triage'
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
  read: number
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

const empty = (mentionId: number): TriageState => ({
  mentionId,
  read: false,
  done: false,
  assignee: null,
  note: null,
  tags: [],
  reviewed: false,
  updatedAt: null,
})

/** Triage of the given mentions, in their order (untouched ones come back empty). */
export function getTriage(db: Db, ids: readonly number[]): TriageState[] {
  const byId = new Map<number, TriageState>()
  for (const part of chunks([...new Set(ids)])) {
    const rows = db
      .prepare(`SELECT * FROM triage WHERE mention_id IN (${placeholders(part.length)})`)
      .all(...part) as TriageRow[]
    for (const r of rows) {
      byId.set(r.mention_id, {
        mentionId: r.mention_id,
        read: r.read === 1,
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
      const state = byId.get(t.mention_id) ?? empty(t.mention_id)
      state.tags.push(t.tag)
      byId.set(t.mention_id, state)
    }
  }
  return ids.map((id) => byId.get(id) ?? empty(id))
}

const cleanTag = (t: string) => t.trim().toLowerCase()
const bit = (b: boolean | undefined) => (b === undefined ? null : b ? 1 : 0)

/** Applies one change to every listed mention in one transaction; unknown mentions are refused. */
export function setTriage(db: Db, ids: readonly number[], change: TriageChange, now: number): TriageState[] {
  const unique = [...new Set(ids)]
  return db.transaction(() => {
    for (const part of chunks(unique)) {
      const found = db
        .prepare(`SELECT count(*) AS n FROM mentions WHERE id IN (${placeholders(part.length)})`)
        .get(...part) as { n: number }
      if (found.n !== part.length) throw notFound(part.length === 1 ? `mention ${part[0]}` : 'some of the mentions')
    }
    const note = change.note === undefined ? undefined : change.note?.trim() || null
    const assignee = change.assignee === undefined ? undefined : change.assignee?.trim() || null
    const upsert = stmt(
      db,
      `INSERT INTO triage (mention_id, read, done, assignee, note, reviewed, updated_at)
       VALUES (@id, coalesce(@read, 0), coalesce(@done, 0), @assignee, @note, coalesce(@reviewed, 0), @now)
       ON CONFLICT (mention_id) DO UPDATE SET
         read = coalesce(@read, triage.read),
         done = coalesce(@done, triage.done),
         assignee = CASE WHEN @setAssignee = 1 THEN excluded.assignee ELSE triage.assignee END,
         note = CASE WHEN @setNote = 1 THEN excluded.note ELSE triage.note END,
         reviewed = coalesce(@reviewed, triage.reviewed),
         updated_at = excluded.updated_at`,
    )
    const clearTags = stmt(db, 'DELETE FROM mention_tags WHERE mention_id = ?')
    const addTag = stmt(db, 'INSERT INTO mention_tags (mention_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING')
    const removeTag = stmt(db, 'DELETE FROM mention_tags WHERE mention_id = ? AND tag = ?')
    for (const id of unique) {
      upsert.run({
        id,
        read: bit(change.read),
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
    return getTriage(db, unique)
  })()
}

interface ColumnTriageRow {
  column_id: string
  watermark_created_at: number | null
  watermark_id: number | null
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

function rowToColumnTriage(columnId: ColumnId, r: ColumnTriageRow | undefined): ColumnTriage {
  if (!r) return { columnId, watermark: null, filters: { ...NO_FILTERS }, mutes: structuredClone(NO_MUTES) }
  const f = parseJson(r.filters)
  const m = parseJson(r.mutes)
  return {
    columnId,
    watermark:
      r.watermark_created_at === null || r.watermark_id === null
        ? null
        : { createdAt: r.watermark_created_at, id: r.watermark_id },
    filters: {
      hideDone: f.hideDone === true,
      onlyUnassigned: f.onlyUnassigned === true,
      onlyUnread: f.onlyUnread === true,
    },
    mutes: { words: strings(m.words), authors: strings(m.authors), regexes: strings(m.regexes) },
  }
}

export function getColumnTriage(db: Db, columnId: ColumnId): ColumnTriage {
  const row = stmt<[string], ColumnTriageRow>(db, 'SELECT * FROM column_triage WHERE column_id = ?').get(columnId)
  return rowToColumnTriage(columnId, row)
}

function saveColumnTriage(db: Db, t: ColumnTriage, now: number): ColumnTriage {
  stmt(
    db,
    `INSERT INTO column_triage (column_id, watermark_created_at, watermark_id, filters, mutes, updated_at)
     VALUES (@id, @wc, @wi, @filters, @mutes, @now)
     ON CONFLICT (column_id) DO UPDATE SET watermark_created_at = excluded.watermark_created_at,
       watermark_id = excluded.watermark_id, filters = excluded.filters, mutes = excluded.mutes,
       updated_at = excluded.updated_at`,
  ).run({
    id: t.columnId,
    wc: t.watermark?.createdAt ?? null,
    wi: t.watermark?.id ?? null,
    filters: JSON.stringify(t.filters),
    mutes: JSON.stringify(t.mutes),
    now,
  })
  return t
}

/**
 * "Mark read up to here": everything in the column at or older than the
 * cursor reads as read. One row per column, however many mentions; the mark
 * only moves forward (newer), so marking an older card never un-reads.
 * `moved` says whether the mark changed.
 */
export function markReadUpTo(
  db: Db,
  columnId: ColumnId,
  cursor: PageCursor,
  now: number,
): { triage: ColumnTriage; moved: boolean } {
  const cur = getColumnTriage(db, columnId)
  const w = cur.watermark
  const newer = w === null || cursor.createdAt > w.createdAt || (cursor.createdAt === w.createdAt && cursor.id > w.id)
  return newer
    ? { triage: saveColumnTriage(db, { ...cur, watermark: cursor }, now), moved: true }
    : { triage: cur, moved: false }
}

export function updateColumnTriage(
  db: Db,
  columnId: ColumnId,
  patch: { filters?: Partial<TriageFilters> | undefined; mutes?: Mutes | undefined },
  now: number,
): ColumnTriage {
  const cur = getColumnTriage(db, columnId)
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
  return saveColumnTriage(db, { ...cur, filters, mutes }, now)
}

export function listColumnTriage(db: Db, columnIds: readonly ColumnId[]): ColumnTriage[] {
  return columnIds.map((id) => getColumnTriage(db, id))
}

export function deleteColumnTriage(db: Db, columnId: ColumnId): void {
  stmt(db, 'DELETE FROM column_triage WHERE column_id = ?').run(columnId)
}
