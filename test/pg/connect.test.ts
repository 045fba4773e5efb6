// Opening a PostgreSQL archive: the schema made once even when two processes
// start together, a newer schema refused, and every failure one line that
// names the server without its password.
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchive } from '../../src/main/core/store/db'
import { openPgArchive, pgSchemaVersion } from '../../src/main/core/store/pg/connect'
import { PG_MIGRATIONS } from '../../src/main/core/store/pg/migrations'
import { ARCHIVE_TABLES, NOT_COPIED } from '../../src/main/core/store/transfer'
import { tempArchive } from '../helpers'
import { freshDatabase, testServerUrl, type TestDatabase } from './database'

const withDb = (server: string, db: string) => {
  const u = new URL(server)
  u.pathname = `/${db}`
  return u.toString()
}

describe('PostgreSQL archive: opening', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await freshDatabase()
  })
  afterAll(() => database.drop())

  it('creates the schema once when two processes open a new database together', async () => {
    const [a, b] = await Promise.all([openPgArchive(database.url), openPgArchive(database.url)])
    try {
      expect(await pgSchemaVersion(a)).toBe(PG_MIGRATIONS.at(-1)!.version)
      const steps = await b.query('SELECT version FROM earshot_schema')
      expect(steps.rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version))
    } finally {
      await a.end()
      await b.end()
    }
    const again = await openPgArchive(database.url)
    await again.end()
  })

  it('refuses a database written by a newer Earshot, and leaves it alone', async () => {
    const pool = await openPgArchive(database.url)
    await pool.query("INSERT INTO earshot_schema (version, name) VALUES (99999, 'from the future')")
    await pool.end()
    await expect(openPgArchive(database.url)).rejects.toThrow(/written by a newer Earshot \(schema 99999/)
    const c = new pg.Client({ connectionString: database.url })
    await c.connect()
    await c.query('DELETE FROM earshot_schema WHERE version = 99999')
    await c.end()
  })

  it('says what went wrong in one line, never with the password', async () => {
    const server = new URL(testServerUrl())
    const password = decodeURIComponent(server.password)
    const wrongPassword = new URL(server)
    wrongPassword.password = 'not-the-password'
    const closedPort = new URL(server)
    closedPort.port = '1'
    const cases: Array<[string, RegExp]> = [
      [
        closedPort.toString(),
        /could not reach PostgreSQL at postgres:\/\/earshot:\*\*\*@127\.0\.0\.1:1\/postgres \(ECONNREFUSED\)/,
      ],
      [wrongPassword.toString(), /refused the login: password authentication failed for user "earshot"/],
      [withDb(server.toString(), 'no_such_archive'), /database "no_such_archive" does not exist \(create it first/],
    ]
    for (const [url, says] of cases) {
      const err = (await openPgArchive(url).then(
        () => null,
        (e: unknown) => e,
      )) as Error | null
      expect(err?.message).toMatch(says)
      expect(err!.message).not.toContain(password)
      expect(err!.message).not.toContain('not-the-password')
      expect(err!.message.split('\n')).toHaveLength(1)
    }
  })
})

describe('PostgreSQL archive: the same tables as SQLite', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await freshDatabase()
  })
  afterAll(() => database.drop())

  it('has every SQLite table with the same columns, types, nullability and indexes', async () => {
    const path = tempArchive()
    openArchive(path).close()
    const lite = new Database(path, { readonly: true })
    const liteTables = (
      lite
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'mentions_fts%' ORDER BY name",
        )
        .all() as { name: string }[]
    ).map((r) => r.name)
    const pool = await openPgArchive(database.url)
    try {
      const pgTables = (
        await pool.query<{ table_name: string }>(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'earshot_schema' ORDER BY table_name",
        )
      ).rows.map((r) => r.table_name)
      expect(pgTables).toEqual(liteTables)
      // earshot migrate copies every table but its own markers.
      expect([...ARCHIVE_TABLES.map((t) => t.name), ...NOT_COPIED].sort()).toEqual(liteTables)
      const typeOf: Record<string, string> = { INTEGER: 'bigint', REAL: 'double precision', TEXT: 'text' }
      for (const table of liteTables) {
        const liteCols = (
          lite.prepare(`SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)`).all(table) as {
            name: string
            type: string
            nn: number
            pk: number
          }[]
        ).map((c) => ({ name: c.name, type: typeOf[c.type], notNull: c.nn === 1 || c.pk > 0 }))
        const pgCols = (
          await pool.query<{ column_name: string; data_type: string; is_nullable: string }>(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'search' ORDER BY column_name",
            [table],
          )
        ).rows.map((c) => ({ name: c.column_name, type: c.data_type, notNull: c.is_nullable === 'NO' }))
        expect(pgCols, table).toEqual([...liteCols].sort((a, b) => (a.name < b.name ? -1 : 1)))
      }
      const liteIndexes = (
        lite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as {
          name: string
        }[]
      ).map((r) => r.name)
      const pgIndexes = (
        await pool.query<{ indexname: string }>(
          "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key' AND indexname <> 'mentions_search' ORDER BY indexname",
        )
      ).rows.map((r) => r.indexname)
      expect(pgIndexes).toEqual(liteIndexes)
    } finally {
      lite.close()
      await pool.end()
    }
  })
})
