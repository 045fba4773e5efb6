// Opening an archive: refuse files from a newer Earshot before touching them,
// then WAL, pragmas and migrations. One connection per archive per process.
import Database from 'better-sqlite3'
import type { Db } from './db-types'
import { MIGRATIONS } from './migrations'
import { assertNotTooNew, migrate } from './migrations/migration'

export interface OpenOptions {
  readonly?: boolean
}

export function openArchive(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false })
  try {
    db.pragma('busy_timeout = 5000')
    assertNotTooNew(db, MIGRATIONS)
    if (options.readonly) return db
    db.pragma('journal_mode = WAL')
    // NORMAL in WAL mode: a committed transaction survives a killed process;
    // only a power cut can lose the last few.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('temp_store = MEMORY')
    db.pragma('cache_size = -32000')
    migrate(db, MIGRATIONS)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

/**
 * A read-only connection of its own beside the writer's (an export, a worker
 * thread): WAL lets it read a consistent snapshot while capture goes on. It
 * never migrates; the writer's connection has done that.
 */
export function openReader(path: string): Db {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  return db
}

/** Prepare each statement once per connection. */
const cache = new WeakMap<Db, Map<string, Database.Statement>>()
export function stmt<P extends unknown[] | object = unknown[], R = unknown>(
  db: Db,
  sql: string,
): Database.Statement<P, R> {
  let perDb = cache.get(db)
  if (!perDb) {
    perDb = new Map()
    cache.set(db, perDb)
  }
  let s = perDb.get(sql)
  if (!s) {
    s = db.prepare(sql)
    perDb.set(sql, s)
  }
  return s as unknown as Database.Statement<P, R>
}
