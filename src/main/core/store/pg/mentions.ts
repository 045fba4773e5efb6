// Mentions in the PostgreSQL archive: a batch stored in one statement (unique
// on source + external id, tombstoned posts skipped, as in SQLite), its
// column hits in the same transaction, and reads back through the SQLite
// back end's row mapper. The search column is a tsvector written from the
// shared tokenizer's tokens with their positions, so full-text search sees
// exactly the words the live matcher sees (no dictionary, no stemming).
import type { SearchPage } from '../../../../shared/contract'
import type { ColumnId, Mention, PageCursor } from '../../../../shared/domain'
import type { QueryNode } from '../../../../shared/query/ast'
import { toMatchInput } from '../../../../shared/query/match-input'
import type { Route, StoredMention } from '../commit'
import { MENTION_FIELDS, mentionFields, rowToMention, type MentionRow, type NewMention, type Page } from '../mentions'
import { lexeme, POSTGRES, toSqlWhere } from '../query-sql'
import { searchPage, searchStatement, type SearchOptions } from '../search'
import type { PgPool } from './connect'
import { notifyChange } from './changes'
import { inTransaction, numbered, pgQuery } from './sql'

/** PostgreSQL's array type for each stored field (the unnest of a batch). */
const FIELD_TYPES: Record<(typeof MENTION_FIELDS)[number], string> = {
  source: 'text',
  external_id: 'text',
  url: 'text',
  created_at: 'bigint',
  received_at: 'bigint',
  author_handle: 'text',
  author_name: 'text',
  author_followers: 'bigint',
  author_avatar: 'text',
  author_verified: 'bigint',
  text: 'text',
  lang: 'text',
  kind: 'text',
  ref_id: 'text',
  has_media: 'bigint',
  sentiment: 'double precision',
  sentiment_label: 'text',
  reply_to: 'text',
  author_key: 'text',
  reply_key: 'text',
  lang_key: 'text',
  entities: 'text',
  links: 'text',
  ref_author: 'text',
  title: 'text',
  warning: 'text',
  sentiment_scorer: 'text',
  rating: 'bigint',
}

/** The mention columns as rowToMention reads them (the tsvector left out). */
export const MENTION_SELECT = ['m.id', ...MENTION_FIELDS.map((f) => `m.${f}`), 'm.edited_at'].join(', ')

const FIELDS = [...MENTION_FIELDS, 'search'] as const
const INSERT_BATCH = `
  INSERT INTO mentions (${FIELDS.join(', ')})
  SELECT u.* FROM unnest(${FIELDS.map((f, i) => `$${i + 1}::${f === 'search' ? 'tsvector' : FIELD_TYPES[f]}[]`).join(', ')})
    AS u(${FIELDS.join(', ')})
  WHERE NOT EXISTS (SELECT 1 FROM mention_tombstones t WHERE t.source = u.source AND t.external_id = u.external_id)
  ON CONFLICT (source, external_id) DO NOTHING
  RETURNING id, source, external_id`

const INSERT_HITS = `
  INSERT INTO column_hits (column_id, created_at, mention_id)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
  ON CONFLICT DO NOTHING`

/** PostgreSQL caps lexemes at 2047 bytes and positions at 16383. */
const MAX_LEXEME_BYTES = 2046

/** A tsvector literal of the tokens at their positions (1-based), read verbatim by `::tsvector`. */
export function tsvectorOf(tokens: readonly string[]): string {
  const parts: string[] = []
  tokens.forEach((t, i) => {
    if (Buffer.byteLength(t) > MAX_LEXEME_BYTES) return
    parts.push(`${lexeme(t)}:${Math.min(i + 1, 16383)}`)
  })
  return parts.join(' ')
}

const key = (source: string, externalId: string) => `${source}\u0000${externalId}`

/** Stores a batch; posts stored before (or deleted at their source) are left out of the result. */
export async function commitMentionsPg(
  pool: PgPool,
  batch: readonly NewMention[],
  route: Route,
): Promise<StoredMention[]> {
  return commitRoutedPg(
    pool,
    batch,
    batch.map((m) => route(toMatchInput(m))),
  )
}

/**
 * Stores a batch already routed (`routes[i]` are batch[i]'s columns: the
 * router lives on the core's thread, the statement runs on the bridge's).
 */
export async function commitRoutedPg(
  pool: PgPool,
  batch: readonly NewMention[],
  routes: readonly (readonly ColumnId[])[],
): Promise<StoredMention[]> {
  if (batch.length === 0) return []
  const inputs = batch.map((m) => toMatchInput(m))
  const columns: unknown[][] = FIELDS.map(() => [])
  batch.forEach((m, i) => {
    const values = mentionFields(m, inputs[i]!)
    values.forEach((v, f) => columns[f]!.push(v))
    columns[FIELDS.length - 1]!.push(tsvectorOf(inputs[i]!.tokens))
  })
  return inTransaction(pool, async (client) => {
    const stored = await client.query<{ id: number; source: string; external_id: string }>(INSERT_BATCH, columns)
    const ids = new Map(stored.rows.map((r) => [key(r.source, r.external_id), r.id]))
    const out: StoredMention[] = []
    const hits: [string[], number[], number[]] = [[], [], []]
    batch.forEach((m, i) => {
      const k = key(m.source, m.externalId)
      const id = ids.get(k)
      if (id === undefined) return
      ids.delete(k) // a post twice in one batch is stored (and routed) once
      const routed = [...routes[i]!]
      for (const c of routed) {
        hits[0].push(c)
        hits[1].push(m.createdAt)
        hits[2].push(id)
      }
      out.push({ mention: { ...m, id }, columns: routed })
    })
    if (hits[0].length > 0) await client.query(INSERT_HITS, hits)
    if (out.length > 0) {
      const stored = out.map((o) => o.mention.id)
      await notifyChange(client, { kind: 'mentions', from: Math.min(...stored), to: Math.max(...stored) })
    }
    return out
  })
}

export async function countMentionsPg(pool: PgPool): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT count(*)::bigint AS n FROM mentions')).rows[0]!.n
}

export async function getMentionPg(pool: PgPool, id: number): Promise<Mention | undefined> {
  const r = await pool.query<MentionRow>(`SELECT ${MENTION_SELECT} FROM mentions m WHERE m.id = $1`, [id])
  return r.rows[0] && rowToMention(r.rows[0])
}

export async function countMatchesPg(pool: PgPool, query: QueryNode): Promise<number> {
  const where = toSqlWhere(query, POSTGRES)
  const r = await pool.query<{ n: number }>(
    pgQuery({ sql: `SELECT count(*)::bigint AS n FROM mentions m WHERE ${where.sql}`, params: where.params }),
  )
  return r.rows[0]!.n
}

export async function searchMentionsPg(pool: PgPool, query: QueryNode, o: SearchOptions): Promise<SearchPage> {
  const s = searchStatement(toSqlWhere(query, POSTGRES), o, MENTION_SELECT)
  return searchPage((await pool.query<MentionRow>(pgQuery(s))).rows, o)
}

/** A column's mentions newest-first, strictly older than `before` (reposts shown; see pageColumn). */
export async function pageColumnPg(
  pool: PgPool,
  columnId: string,
  before: PageCursor | null,
  limit: number,
): Promise<Page> {
  const params: unknown[] = [columnId]
  let cut = ''
  if (before) {
    params.push(before.createdAt, before.id)
    cut = 'AND (h.created_at, h.mention_id) < (?, ?)'
  }
  params.push(limit)
  const sql = `SELECT ${MENTION_SELECT} FROM column_hits h JOIN mentions m ON m.id = h.mention_id
    WHERE h.column_id = ? ${cut} ORDER BY h.created_at DESC, h.mention_id DESC LIMIT ?`
  const rows = (await pool.query<MentionRow>(numbered(sql), params)).rows
  const items = rows.map(rowToMention)
  const last = items.at(-1)
  return { items, next: items.length === limit && last ? { createdAt: last.createdAt, id: last.id } : null }
}
