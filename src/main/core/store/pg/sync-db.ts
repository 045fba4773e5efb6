// A PostgreSQL archive behind the connection interface the store's
// repositories use (better-sqlite3's prepare/get/all/run/iterate and
// transaction), so one set of repository functions serves both engines: their
// SQL is written to run on both (ON CONFLICT, RETURNING, CAST, coalesce), the
// query compiler has a dialect for each, and what differs beyond that
// (the search index, a batch commit) branches on `isPostgres(db)`.
// Parameters are rewritten for PostgreSQL once per statement: `?` in order
// and `@name` by name become $1, $2, …
import type { Db } from '../db-types'
import type { RowMode, RunResult } from './bridge-protocol'
import { SyncBridge, type BridgeOptions } from './sync-bridge'

interface Translated {
  text: string
  /** The parameter names in $n order, or null for positional `?`s. */
  names: string[] | null
}

/** SQLite's parameters as PostgreSQL's: string literals, quoted names and comments left alone. */
export function translateParams(sql: string): Translated {
  let out = ''
  let positional = 0
  const names: string[] = []
  let i = 0
  while (i < sql.length) {
    const c = sql[i]!
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1)
      const stop = end < 0 ? sql.length : end + 1
      out += sql.slice(i, stop)
      i = stop
      // A doubled quote inside a literal continues it.
      while (sql[i] === c) {
        const next = sql.indexOf(c, i + 1)
        const to = next < 0 ? sql.length : next + 1
        out += sql.slice(i, to)
        i = to
      }
      continue
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i)
      const stop = end < 0 ? sql.length : end
      out += sql.slice(i, stop)
      i = stop
      continue
    }
    if (c === '?') {
      out += `$${++positional}`
      i++
      continue
    }
    if (
      (c === '@' || c === '$' || (c === ':' && sql[i + 1] !== ':' && sql[i - 1] !== ':')) &&
      /[A-Za-z_]/.test(sql[i + 1] ?? '')
    ) {
      const m = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))!
      let n = names.indexOf(m[0])
      if (n < 0) n = names.push(m[0]) - 1
      out += `$${n + 1}`
      i += 1 + m[0].length
      continue
    }
    out += c
    i++
  }
  if (positional > 0 && names.length > 0) throw new Error('a statement mixes ? and named parameters')
  return { text: out, names: names.length > 0 ? names : null }
}

/** Rows fetched per round trip while iterating. */
const ITERATE_CHUNK = 2_000

class PgStatement {
  constructor(
    private readonly db: PgSyncDb,
    private readonly sql: Translated,
    private readonly mode: { raw: boolean; pluck: boolean } = { raw: false, pluck: false },
  ) {}

  raw(on = true): PgStatement {
    return new PgStatement(this.db, this.sql, { raw: on, pluck: false })
  }

  pluck(on = true): PgStatement {
    return new PgStatement(this.db, this.sql, { raw: false, pluck: on })
  }

  private values(args: unknown[]): unknown[] {
    const list = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args
    if (!this.sql.names) return list.map((v) => v ?? null)
    const bag = (list[0] ?? {}) as Record<string, unknown>
    return this.sql.names.map((name) => {
      if (!(name in bag)) throw new RangeError(`missing named parameter "${name}"`)
      return bag[name] ?? null
    })
  }

  private query(mode: RowMode, args: unknown[]): unknown {
    return this.db.bridge.call({ op: 'query', sql: this.sql.text, params: this.values(args), mode })
  }

  private rowMode(): RowMode {
    return this.mode.pluck ? 'pluck' : this.mode.raw ? 'raw' : 'all'
  }

  get(...args: unknown[]): unknown {
    const rows = this.query(this.rowMode(), args) as unknown[]
    return rows[0]
  }

  all(...args: unknown[]): unknown[] {
    return this.query(this.rowMode(), args) as unknown[]
  }

  run(...args: unknown[]): RunResult {
    return this.query('run', args) as RunResult
  }

  *iterate(...args: unknown[]): IterableIterator<unknown> {
    const bridge = this.db.bridge
    const cursor = bridge.call<number>({
      op: 'cursor',
      sql: this.sql.text,
      params: this.values(args),
      raw: this.mode.raw || this.mode.pluck,
    })
    try {
      for (;;) {
        const rows = bridge.call<unknown[]>({ op: 'fetch', cursor, count: ITERATE_CHUNK })
        for (const row of rows) yield this.mode.pluck ? (row as unknown[])[0] : row
        if (rows.length < ITERATE_CHUNK) return
      }
    } finally {
      bridge.call({ op: 'closeCursor', cursor })
    }
  }
}

export class PgSyncDb {
  readonly bridge: SyncBridge
  private depth = 0
  private readonly prepared = new Map<string, Translated>()

  constructor(
    /** The URL without its password (better-sqlite3's `name`). */
    readonly name: string,
    url: string,
    options: BridgeOptions,
  ) {
    this.bridge = new SyncBridge(url, { where: name, ...options })
    // The first call opens the pool and brings the schema to this version's.
    this.bridge.call({ op: 'query', sql: 'SELECT 1', params: [], mode: 'all' })
  }

  get inTransaction(): boolean {
    return this.depth > 0
  }

  get open(): boolean {
    return !this.closed
  }

  private closed = false

  prepare(sql: string): PgStatement {
    let t = this.prepared.get(sql)
    if (!t) {
      t = translateParams(sql)
      this.prepared.set(sql, t)
    }
    return new PgStatement(this, t)
  }

  exec(sql: string): this {
    this.bridge.call({ op: 'query', sql, params: [], mode: 'run' })
    return this
  }

  /** better-sqlite3's transaction(): nested calls become savepoints. */
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      const level = this.depth
      this.exec(level === 0 ? 'BEGIN' : `SAVEPOINT earshot_${level}`)
      this.depth++
      try {
        const result = fn(...args)
        this.exec(level === 0 ? 'COMMIT' : `RELEASE SAVEPOINT earshot_${level}`)
        return result
      } catch (err) {
        try {
          this.exec(level === 0 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT earshot_${level}`)
        } catch {
          // The connection is gone: PostgreSQL rolled the transaction back itself.
        }
        throw err
      } finally {
        this.depth = level
      }
    }
  }

  /** Runs a PostgreSQL-side procedure (procedures.ts) on the worker's pool. */
  proc<T>(name: string, ...args: unknown[]): T {
    return this.bridge.call<T>({ op: 'proc', name, args })
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.bridge.close()
  }
}

/** A PostgreSQL archive as the repositories' connection (the one cast between the two interfaces). */
export function openPgDb(url: string, redacted: string, options: BridgeOptions): Db {
  return new PgSyncDb(redacted, url, options) as unknown as Db
}

export const isPostgres = (db: Db): boolean => (db as unknown) instanceof PgSyncDb

export function pgOf(db: Db): PgSyncDb {
  if (!isPostgres(db)) throw new Error('not a PostgreSQL archive')
  return db as unknown as PgSyncDb
}
