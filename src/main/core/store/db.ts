// Opening an archive: refuse files from a newer Earshot before touching them,
// then WAL, pragmas and migrations. One connection per archive per process.
import Database from 'better-sqlite3'
import type { Db } from './db-types'
import { MIGRATIONS } from './migrations'
import { assertNotTooNew, migrate, schemaVersion } from './migrations/migration'
import { nativeBinding } from './native-binding'

export interface OpenOptions {
  readonly?: boolean
}

export function openArchive(path: string, options: OpenOptions = {}): Db {
  const db = connect(path, options.readonly ?? false)
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
    // Checkpoint the WAL into the file every ~40 MB instead of SQLite's ~4 MB: a page
    // written by many commits in between is copied back once (imports measured
    // 9,175/8,769 -> 10,351/10,288 lines/s, paired runs), and the file is cut
    // back to 64 MB after a checkpoint so the WAL stays bounded.
    db.pragma('wal_autocheckpoint = 10000')
    db.pragma('journal_size_limit = 67108864')
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
  const db = connect(path, true)
  db.pragma('busy_timeout = 5000')
  // As the writer's connection has them: DISTINCT's temporary B-tree in memory, a warm cache.
  db.pragma('temp_store = MEMORY')
  db.pragma('cache_size = -32000')
  return db
}

/** A connection through the addon built for this process's ABI (see native-binding.ts). */
function connect(path: string, readonly: boolean): Db {
  const binding = nativeBinding()
  return new Database(path, { readonly, fileMustExist: readonly, ...(binding ? { nativeBinding: binding } : {}) })
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

/** Throws unless `db` is an Earshot archive at this version's schema (see Store.assertCurrent). */
export function assertCurrentSchema(db: Db, path: string): void {
  const latest = MIGRATIONS.at(-1)!.version
  let version: number
  try {
    version = schemaVersion(db)
    db.prepare('SELECT 1 FROM mentions LIMIT 1').get()
  } catch (err) {
    throw new Error(`${path} is not an Earshot archive (${err instanceof Error ? err.message : String(err)})`, {
      cause: err,
    })
  }
  if (version < latest) {
    throw new Error(
      `${path} was written by an older Earshot (schema ${version}, this version uses ${latest}); ` +
        'open it with changes allowed to upgrade it, or open a copy',
    )
  }
}
