// Opening a PostgreSQL archive: a pool, the schema brought to this version's
// (refusing a database written by a newer Earshot), and every failure as one
// line that names the server but never the password.
import pg from 'pg'
import { PG_MIGRATIONS, type PgMigration } from './migrations'
import { redactUrl } from './url'

export type PgPool = pg.Pool

/** int8 (ids, epoch milliseconds, follower counts) as numbers: all stay below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

export interface PgOpenOptions {
  /** Connections in the pool; default 8. */
  max?: number
  /** Where an idle connection's failure is reported; default console.warn. */
  log?: (line: string) => void
}

/** One line for a connection failure: which server, and what it said (never the password). */
export function describePgError(url: string, err: unknown): string {
  const e = err as { code?: string; message?: string }
  const where = redactUrl(url)
  const said = (e.message ?? String(err)).split(url).join(where)
  switch (e.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return `could not reach PostgreSQL at ${where} (${e.code})`
    case '28P01':
    case '28000':
      return `PostgreSQL at ${where} refused the login: ${said}`
    case '3D000':
      return `PostgreSQL at ${where}: ${said} (create it first: createdb, or CREATE DATABASE)`
    default:
      return `PostgreSQL at ${where}: ${said}`
  }
}

/** Opens the archive at `url`, creating its tables or upgrading them. */
export async function openPgArchive(url: string, options: PgOpenOptions = {}): Promise<PgPool> {
  const log = options.log ?? ((line: string) => console.warn(line))
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    connectionTimeoutMillis: 10_000,
    application_name: 'earshot',
    types,
  })
  // An idle connection that drops (a restarted server) must not end the process.
  pool.on('error', (err) => log(`earshot: ${describePgError(url, err)}`))
  try {
    await migratePg(pool, PG_MIGRATIONS)
    return pool
  } catch (err) {
    await pool.end().catch(() => {})
    throw new Error(describePgError(url, err), { cause: err })
  }
}

/** The schema version a database holds (0 for a new one). */
export async function pgSchemaVersion(pool: PgPool): Promise<number> {
  const exists = await pool.query<{ t: string | null }>("SELECT to_regclass('earshot_schema') AS t")
  if (exists.rows[0]?.t === null) return 0
  const r = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM earshot_schema')
  return r.rows[0]?.v ?? 0
}

/**
 * Applies the steps this database lacks, each in its own transaction, under an
 * advisory lock (a capture host and a console starting together take turns).
 */
export async function migratePg(pool: PgPool, steps: readonly PgMigration[]): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('earshot.schema'))")
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS earshot_schema (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      )
      const r = await client.query<{ version: number }>('SELECT version FROM earshot_schema')
      const have = new Set(r.rows.map((row) => row.version))
      const latest = steps.at(-1)?.version ?? 0
      const newest = Math.max(0, ...have)
      if (newest > latest) {
        throw new Error(
          `this database was written by a newer Earshot (schema ${newest}, this version knows up to ${latest}); upgrade Earshot to open it`,
        )
      }
      for (const step of steps) {
        if (have.has(step.version)) continue
        await client.query('BEGIN')
        try {
          await client.query(step.sql)
          await client.query('INSERT INTO earshot_schema (version, name) VALUES ($1, $2)', [step.version, step.name])
          await client.query('COMMIT')
        } catch (err) {
          await client.query('ROLLBACK')
          throw err
        }
      }
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext('earshot.schema'))")
    }
  } finally {
    client.release()
  }
}
