// Mentions in the archive: insert (unique on source + external id), read back
// through one row mapper, and page a column newest-first.
import type { ColumnId, Mention, MentionKind, PageCursor, SentimentLabel, SourceId } from '../../../shared/domain'
import type { MatchInput } from '../../../shared/query/match-input'
import type { StoredMention } from './commit'
import type { Db } from './db-types'
import { stmt } from './db'

export interface MentionRow {
  id: number
  source: string
  external_id: string
  url: string | null
  created_at: number
  received_at: number
  author_handle: string
  author_name: string
  author_followers: number
  author_avatar: string | null
  author_verified: number
  text: string
  lang: string | null
  kind: string
  ref_id: string | null
  has_media: number
  sentiment: number
  sentiment_label: string
  sentiment_scorer: string
  reply_to: string | null
  ref_author: string | null
  title: string | null
  warning: string | null
  edited_at: number | null
  rating: number | null
}

export function rowToMention(r: MentionRow): Mention {
  return {
    id: r.id,
    source: r.source as SourceId,
    externalId: r.external_id,
    url: r.url,
    createdAt: r.created_at,
    receivedAt: r.received_at,
    author: {
      handle: r.author_handle,
      name: r.author_name,
      followers: r.author_followers,
      avatarUrl: r.author_avatar,
      verified: r.author_verified === 1,
    },
    text: r.text,
    lang: r.lang,
    kind: r.kind as MentionKind,
    refId: r.ref_id,
    replyTo: r.reply_to,
    refAuthor: r.ref_author,
    title: r.title,
    warning: r.warning,
    hasMedia: r.has_media === 1,
    sentiment: r.sentiment,
    sentimentLabel: r.sentiment_label as SentimentLabel,
    sentimentScorer: r.sentiment_scorer,
    ...(typeof r.edited_at === 'number' ? { editedAt: r.edited_at } : {}),
    ...(typeof r.rating === 'number' ? { rating: r.rating } : {}),
  }
}

/** The #hashtags and @mentions as the query language's SQL reads them: ' #tag @user '. */
export function entitiesField(hashtags: readonly string[], mentions: readonly string[]): string {
  const parts = [...hashtags.map((t) => `#${t}`), ...mentions.map((m) => `@${m}`)]
  return parts.length === 0 ? '' : ` ${parts.join(' ')} `
}

/** A mention ready to store: everything but the id the archive assigns. */
export type NewMention = Omit<Mention, 'id'>

/** The stored fields of a mention, in the order mentionValues gives them (both engines insert these). */
export const MENTION_FIELDS = [
  'source',
  'external_id',
  'url',
  'created_at',
  'received_at',
  'author_handle',
  'author_name',
  'author_followers',
  'author_avatar',
  'author_verified',
  'text',
  'lang',
  'kind',
  'ref_id',
  'has_media',
  'sentiment',
  'sentiment_label',
  'reply_to',
  'author_key',
  'reply_key',
  'lang_key',
  'entities',
  'links',
  'ref_author',
  'title',
  'warning',
  'sentiment_scorer',
  'rating',
] as const

/**
 * The mention insert, shared with the raw-insert baseline of the ingest
 * benchmark. A post stored before is skipped (the unique key), and so is one
 * its author deleted (its tombstone; the last two parameters repeat the
 * source and external id): whatever brings it again, a replay, an overlap, a
 * search poll or an import.
 * The id is chosen above the highest one ever deleted (migration 0090), so
 * a deleted post's id never names another mention.
 * A BEFORE INSERT trigger did the same 20-45% slower on the ingest bench's
 * raw inserts (100,000 rows); this check costs nothing measurable there.
 */
export const INSERT_MENTION_SQL = `
  INSERT INTO mentions (id, ${MENTION_FIELDS.join(', ')})
  SELECT max(coalesce((SELECT max(id) FROM mentions), 0), (SELECT floor FROM mention_id_floor WHERE only = 1)) + 1,
    ${MENTION_FIELDS.map(() => '?').join(', ')}
  WHERE NOT EXISTS (SELECT 1 FROM mention_tombstones WHERE source = ? AND external_id = ?)
  ON CONFLICT (source, external_id) DO NOTHING`

export const INDEX_MENTION_SQL =
  'INSERT INTO mentions_fts (rowid, text, author_handle, author_name) VALUES (?, ?, ?, ?)'

/** Takes a row out of the external-content index: FTS5 needs the values it indexed. */
export const UNINDEX_MENTION_SQL = `
  INSERT INTO mentions_fts (mentions_fts, rowid, text, author_handle, author_name) VALUES ('delete', ?, ?, ?, ?)`

/** A mention's MENTION_FIELDS values, with its derived query fields. */
export function mentionFields(m: NewMention, derived: MatchInput): unknown[] {
  return [
    m.source,
    m.externalId,
    m.url,
    m.createdAt,
    m.receivedAt,
    m.author.handle,
    m.author.name,
    m.author.followers,
    m.author.avatarUrl,
    m.author.verified ? 1 : 0,
    m.text,
    m.lang,
    m.kind,
    m.refId,
    m.hasMedia ? 1 : 0,
    m.sentiment,
    m.sentimentLabel,
    m.replyTo ?? null,
    derived.authorHandle,
    derived.replyTo,
    derived.lang,
    entitiesField([...derived.hashtags], [...derived.mentions]),
    derived.links.join('\n'),
    m.refAuthor ?? null,
    m.title ?? null,
    m.warning ?? null,
    m.sentimentScorer ?? 'unknown',
    m.rating ?? null,
  ]
}

/** The INSERT_MENTION_SQL parameters: the fields, then the source and external id for the tombstone check. */
export function mentionValues(m: NewMention, derived: MatchInput): unknown[] {
  const values = mentionFields(m, derived)
  values.push(m.source, m.externalId)
  return values
}

/**
 * Inserts one mention and indexes it for search; returns its id, or undefined
 * when it was already stored. Call inside a transaction (the two writes belong
 * together; the ingest writer batches many).
 */
export function insertMention(db: Db, m: NewMention, derived: MatchInput): number | undefined {
  const info = stmt(db, INSERT_MENTION_SQL).run(...mentionValues(m, derived))
  if (info.changes === 0) return undefined
  const id = Number(info.lastInsertRowid)
  stmt(db, INDEX_MENTION_SQL).run(id, m.text, m.author.handle, m.author.name)
  return id
}

export function countMentions(db: Db): number {
  return stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM mentions').get()!.n
}

export function getMention(db: Db, id: number): Mention | undefined {
  const row = stmt<[number], MentionRow>(db, 'SELECT * FROM mentions WHERE id = ?').get(id)
  return row && rowToMention(row)
}

/**
 * The mentions with ids in from..to and the columns each is in: a batch another writer committed (a
 * capture host, another console), read when its change notification arrives.
 */
export function storedInRange(db: Db, from: number, to: number): StoredMention[] {
  const rows = stmt<[number, number], MentionRow>(
    db,
    'SELECT * FROM mentions WHERE id BETWEEN ? AND ? ORDER BY id',
  ).all(from, to)
  if (rows.length === 0) return []
  const hits = stmt<[number, number], { column_id: ColumnId; mention_id: number }>(
    db,
    `SELECT h.column_id, h.mention_id FROM mentions m
       JOIN column_hits h ON h.column_id IN (SELECT id FROM columns) AND h.created_at = m.created_at AND h.mention_id = m.id
     WHERE m.id BETWEEN ? AND ?`,
  ).all(from, to)
  const columns = new Map<number, ColumnId[]>()
  for (const h of hits) columns.set(h.mention_id, [...(columns.get(h.mention_id) ?? []), h.column_id])
  return rows.map((r) => ({ mention: rowToMention(r), columns: columns.get(r.id) ?? [] }))
}

export interface Page {
  items: Mention[]
  next: PageCursor | null
}

// The `? = 0 OR` term is the column's "collapse reposts" option (1 hides them).
const PAGE_FIRST = `
  SELECT m.* FROM column_hits h JOIN mentions m ON m.id = h.mention_id
  WHERE h.column_id = ? AND (? = 0 OR m.kind <> 'repost')
  ORDER BY h.created_at DESC, h.mention_id DESC LIMIT ?`
const PAGE_BEFORE = `
  SELECT m.* FROM column_hits h JOIN mentions m ON m.id = h.mention_id
  WHERE h.column_id = ? AND (? = 0 OR m.kind <> 'repost') AND (h.created_at, h.mention_id) < (?, ?)
  ORDER BY h.created_at DESC, h.mention_id DESC LIMIT ?`

/** A column's mentions newest-first, strictly older than `before`. */
export function pageColumn(
  db: Db,
  columnId: string,
  before: PageCursor | null,
  limit: number,
  collapseReposts = false,
): Page {
  const hide = collapseReposts ? 1 : 0
  const rows = before
    ? stmt<[string, number, number, number, number], MentionRow>(db, PAGE_BEFORE).all(
        columnId,
        hide,
        before.createdAt,
        before.id,
        limit,
      )
    : stmt<[string, number, number], MentionRow>(db, PAGE_FIRST).all(columnId, hide, limit)
  const items = collapseReposts ? withRepostCounts(db, rows.map(rowToMention)) : rows.map(rowToMention)
  const last = items.at(-1)
  return { items, next: items.length === limit && last ? { createdAt: last.createdAt, id: last.id } : null }
}

const REPOST_COUNT = `SELECT count(*) AS n FROM mentions WHERE source = ? AND ref_id = ? AND kind = 'repost'`

/** Each mention with how many reposts of it the archive holds (a partial-index look-up per item). */
export function withRepostCounts(db: Db, items: Mention[]): Mention[] {
  const count = stmt<[string, string], { n: number }>(db, REPOST_COUNT)
  return items.map((m) => {
    const n = count.get(m.source, m.externalId)!.n
    return n > 0 ? { ...m, reposts: n } : m
  })
}
