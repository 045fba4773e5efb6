// `earshot migrate`: copies a whole archive between engines (a SQLite file, a
// PostgreSQL database; either way, or file to file), table by table in key
// order, a chunk per transaction. Stopped at any point, the destination holds
// whole chunks only, and the same command run again goes on after the last
// key it holds: nothing is copied twice, nothing skipped. The search index
// is rebuilt on the destination's side (FTS5, or the tsvector column from the
// shared tokenizer), identities are moved past the highest id copied (and the
// id floor), and a destination that already holds another archive is refused.
import { tokenize } from '../../../shared/query/tokenize'
import { openArchive } from './db'
import type { Db } from './db-types'
import { assertCurrentSchema, stmt } from './db'
import type { QueryArrayResult } from 'pg'
import { openPgArchive, type PgPool } from './pg/connect'
import { tsvectorOf } from './pg/mentions'
import { inTransaction } from './pg/sql'
import { isPostgresUrl, redactUrl } from './pg/url'

/** Every table of the archive and its key, in copy order (the schema parity test checks the list is whole). */
export const ARCHIVE_TABLES: ReadonlyArray<{ name: string; key: readonly string[] }> = [
  { name: 'mentions', key: ['id'] },
  { name: 'mention_tombstones', key: ['source', 'external_id'] },
  { name: 'mention_id_floor', key: ['only'] },
  { name: 'columns', key: ['id'] },
  { name: 'column_hits', key: ['column_id', 'created_at', 'mention_id'] },
  { name: 'workspaces', key: ['id'] },
  { name: 'gaps', key: ['id'] },
  { name: 'outbox', key: ['id'] },
  { name: 'source_configs', key: ['source'] },
  { name: 'source_cursors', key: ['source', 'key'] },
  { name: 'triage', key: ['mention_id'] },
  { name: 'mention_tags', key: ['mention_id', 'tag'] },
  { name: 'column_triage', key: ['column_id'] },
  { name: 'mention_reads', key: ['reader', 'mention_id'] },
  { name: 'read_marks', key: ['reader', 'column_id'] },
  { name: 'operator_prefs', key: ['key'] },
  { name: 'canned_replies', key: ['id'] },
  { name: 'reply_drafts', key: ['mention_id'] },
  { name: 'alert_settings', key: ['column_id'] },
  { name: 'alert_prefs', key: ['id'] },
  { name: 'alerts', key: ['id'] },
  { name: 'alert_destinations', key: ['id'] },
  { name: 'alert_deliveries', key: ['id'] },
  { name: 'operators', key: ['name_key'] },
  { name: 'audit_log', key: ['id'] },
]

/**
 * Tables that are not archive content: the copy markers, and the leases of
 * the processes running on the source (a copy has none running).
 */
export const NOT_COPIED = ['archive_copies', 'leases'] as const

type Row = unknown[]

/** One side of a transfer. Keys are compared as SQLite does: integers by value, text by code point. */
interface Side {
  readonly where: string
  /** A stable name for the origin marker (a file's absolute path, a URL without its password). */
  readonly origin: string
  columns(table: string): Promise<string[]>
  count(table: string): Promise<number>
  lastKey(table: string, key: readonly string[]): Promise<Row | null>
  read(
    table: string,
    columns: readonly string[],
    key: readonly string[],
    after: Row | null,
    limit: number,
  ): Promise<Row[]>
  write(table: string, columns: readonly string[], rows: readonly Row[]): Promise<void>
  /** The copy marker: null when this side has none for `origin`, else whether it finished. */
  marker(origin: string): Promise<{ finished: boolean } | null>
  setMarker(origin: string, at: number, finished: boolean): Promise<void>
  /** Empties every archive table (a new destination's seeded rows: starter canned replies, the id floor). */
  clear(): Promise<void>
  /** After the rows: the search index, identities. */
  finish(): Promise<void>
  close(): Promise<void>
}

const q = (name: string) => `"${name}"`

function sqliteSide(path: string, readonly: boolean): Side {
  const db: Db = openArchive(path, { readonly })
  if (readonly) assertCurrentSchema(db, path)
  const keyCmp = (key: readonly string[]) => `(${key.map(q).join(', ')}) > (${key.map(() => '?').join(', ')})`
  return {
    where: path,
    origin: path,
    columns: async (table) =>
      (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]).map(
        (c) => c.name,
      ),
    count: async (table) => (stmt(db, `SELECT count(*) AS n FROM ${q(table)}`).get() as { n: number }).n,
    lastKey: async (table, key) =>
      (stmt(
        db,
        `SELECT ${key.map(q).join(', ')} FROM ${q(table)} ORDER BY ${key.map((k) => `${q(k)} DESC`).join(', ')} LIMIT 1`,
      )
        .raw()
        .get() as Row | undefined) ?? null,
    read: async (table, columns, key, after, limit) =>
      stmt(
        db,
        `SELECT ${columns.map(q).join(', ')} FROM ${q(table)} ${after ? `WHERE ${keyCmp(key)}` : ''}
           ORDER BY ${key.map(q).join(', ')} LIMIT ?`,
      )
        .raw()
        .all(...(after ?? []), limit) as Row[],
    write: async (table, columns, rows) => {
      const insert = stmt(
        db,
        `INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT DO NOTHING`,
      )
      db.transaction(() => {
        for (const r of rows) insert.run(...r)
      })()
    },
    clear: async () => {
      db.transaction(() => {
        for (const { name } of ARCHIVE_TABLES) db.prepare(`DELETE FROM ${q(name)}`).run()
      })()
    },
    marker: async (origin) => {
      const row = db.prepare('SELECT finished_at FROM archive_copies WHERE origin = ?').get(origin) as
        { finished_at: number | null } | undefined
      return row ? { finished: row.finished_at !== null } : null
    },
    setMarker: async (origin, at, finished) => {
      db.prepare(
        `INSERT INTO archive_copies (origin, started_at, finished_at) VALUES (?, ?, ?)
         ON CONFLICT (origin) DO UPDATE SET finished_at = excluded.finished_at`,
      ).run(origin, at, finished ? at : null)
    },
    finish: async () => {
      // The copied mentions were written without their FTS5 rows (an external-content index).
      db.prepare("INSERT INTO mentions_fts (mentions_fts) VALUES ('rebuild')").run()
    },
    close: async () => {
      db.close()
    },
  }
}

async function postgresSide(url: string): Promise<Side> {
  const pool: PgPool = await openPgArchive(url, { max: 2 })
  const types = new Map<string, Map<string, string>>()
  const typesOf = async (table: string) => {
    let t = types.get(table)
    if (!t) {
      const r = await pool.query<{ column_name: string; data_type: string }>(
        'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
        [table],
      )
      t = new Map(r.rows.map((c) => [c.column_name, c.data_type]))
      types.set(table, t)
    }
    return t
  }
  // Text keys in code-point order whatever the database's collation, as SQLite orders them.
  const ordered = async (table: string, key: readonly string[]) => {
    const t = await typesOf(table)
    return key.map((k) => (t.get(k) === 'text' ? `${q(k)} COLLATE "C"` : q(k)))
  }
  const rowsOf = (r: QueryArrayResult) => r.rows as Row[]
  return {
    where: redactUrl(url),
    origin: redactUrl(url),
    columns: async (table) =>
      [...(await typesOf(table)).keys()].filter((c) => !(table === 'mentions' && c === 'search')),
    count: async (table) =>
      (await pool.query<{ n: number }>(`SELECT count(*)::bigint AS n FROM ${q(table)}`)).rows[0]!.n,
    lastKey: async (table, key) => {
      const keys = await ordered(table, key)
      const r = await pool.query({
        text: `SELECT ${key.map(q).join(', ')} FROM ${q(table)} ORDER BY ${keys.map((k) => `${k} DESC`).join(', ')} LIMIT 1`,
        rowMode: 'array',
      })
      return (rowsOf(r)[0] as Row | undefined) ?? null
    },
    read: async (table, columns, key, after, limit) => {
      const keys = await ordered(table, key)
      const params = [...(after ?? []), limit]
      const cut = after ? `WHERE (${keys.join(', ')}) > (${key.map((_, i) => `$${i + 1}`).join(', ')})` : ''
      const r = await pool.query({
        text: `SELECT ${columns.map(q).join(', ')} FROM ${q(table)} ${cut} ORDER BY ${keys.join(', ')} LIMIT $${params.length}`,
        values: params,
        rowMode: 'array',
      })
      return rowsOf(r)
    },
    write: async (table, columns, rows) => {
      const t = await typesOf(table)
      const all = table === 'mentions' ? [...columns, 'search'] : [...columns]
      const textAt = columns.indexOf('text')
      const arrays: unknown[][] = all.map(() => [])
      for (const r of rows) {
        r.forEach((v, i) => arrays[i]!.push(v))
        if (table === 'mentions') arrays[columns.length]!.push(tsvectorOf(tokenize(String(r[textAt]))))
      }
      await inTransaction(pool, (client) =>
        client.query(
          `INSERT INTO ${q(table)} (${all.map(q).join(', ')})
           SELECT * FROM unnest(${all.map((c, i) => `$${i + 1}::${t.get(c)}[]`).join(', ')})
           ON CONFLICT DO NOTHING`,
          arrays,
        ),
      )
    },
    marker: async (origin) => {
      const r = await pool.query<{ finished_at: number | null }>(
        'SELECT finished_at FROM archive_copies WHERE origin = $1',
        [origin],
      )
      return r.rows[0] ? { finished: r.rows[0].finished_at !== null } : null
    },
    setMarker: async (origin, at, finished) => {
      await pool.query(
        `INSERT INTO archive_copies (origin, started_at, finished_at) VALUES ($1, $2, $3)
         ON CONFLICT (origin) DO UPDATE SET finished_at = excluded.finished_at`,
        [origin, at, finished ? at : null],
      )
    },
    clear: async () => {
      await pool.query(`TRUNCATE ${ARCHIVE_TABLES.map((t) => q(t.name)).join(', ')}`)
    },
    finish: async () => {
      // New rows get ids above every copied one (and above every deleted one: the floor).
      for (const { name, key } of ARCHIVE_TABLES) {
        if (key.length !== 1 || key[0] !== 'id' || (await typesOf(name)).get('id') !== 'bigint') continue
        const floor = name === 'mentions' ? '(SELECT floor FROM mention_id_floor)' : '0'
        await pool.query(
          `SELECT setval(pg_get_serial_sequence('${name}', 'id'), greatest((SELECT max(id) FROM ${q(name)}), ${floor}, 1))`,
        )
      }
    },
    close: () => pool.end(),
  }
}

async function openSide(target: string, role: 'from' | 'to'): Promise<Side> {
  return isPostgresUrl(target) ? postgresSide(target) : sqliteSide(target, role === 'from')
}

export interface TransferProgress {
  table: string
  /** Rows of all tables copied (or found already copied) so far, and the total. */
  done: number
  total: number
}

export interface TransferResult {
  rows: Record<string, number>
  /** Rows the destination held already from an earlier, stopped run. */
  resumed: number
}

export interface TransferOptions {
  /** Rows per transaction; default 2,000. */
  chunk?: number
  onProgress?: (p: TransferProgress) => void
  now?: () => number
}

/** A destination already holding rows of another archive, or a source at an older schema. */
export class TransferRefused extends Error {}

export async function transferArchive(from: string, to: string, o: TransferOptions = {}): Promise<TransferResult> {
  const chunk = o.chunk ?? 2_000
  const now = o.now ?? Date.now
  const source = await openSide(from, 'from')
  try {
    const dest = await openSide(to, 'to')
    try {
      if (source.origin === dest.origin)
        throw new TransferRefused(`${source.where} is both the source and the destination`)
      const marker = await dest.marker(source.origin)
      if (marker?.finished) throw new TransferRefused(`${dest.where} already holds a finished copy of ${source.where}`)
      if (!marker && (await dest.count('mentions')) + (await dest.count('columns')) > 0)
        throw new TransferRefused(
          `${dest.where} already holds an archive (mentions or columns); copy into an empty database or a new file`,
        )
      if (!marker) await dest.clear()
      await dest.setMarker(source.origin, now(), false)
      const totals = await Promise.all(ARCHIVE_TABLES.map((t) => source.count(t.name)))
      const total = totals.reduce((a, b) => a + b, 0)
      let done = 0
      let resumed = 0
      const rows: Record<string, number> = {}
      for (const { name, key } of ARCHIVE_TABLES) {
        const columns = await source.columns(name)
        let after = await dest.lastKey(name, key)
        const already = after ? await dest.count(name) : 0
        resumed += already
        done += already
        o.onProgress?.({ table: name, done, total })
        for (;;) {
          const batch = await source.read(name, columns, key, after, chunk)
          if (batch.length === 0) break
          await dest.write(name, columns, batch)
          done += batch.length
          const last = batch.at(-1)!
          after = key.map((k) => last[columns.indexOf(k)])
          o.onProgress?.({ table: name, done, total })
        }
        rows[name] = await dest.count(name)
      }
      await dest.finish()
      for (const [i, { name }] of ARCHIVE_TABLES.entries()) {
        if (rows[name] !== totals[i])
          throw new Error(`${name}: ${totals[i]} rows in ${source.where} but ${rows[name]} in ${dest.where}`)
      }
      await dest.setMarker(source.origin, now(), true)
      return { rows, resumed }
    } finally {
      await dest.close()
    }
  } finally {
    await source.close()
  }
}
