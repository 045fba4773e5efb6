// What processes sharing one archive tell each other: change notifications (on
// PostgreSQL, delivered to every console's change feed when the writing
// transaction commits; a SQLite archive has one console, which needs none)
// and leases (one holder at a time for work that must happen once).
import { stmt } from './db'
import type { Db } from './db-types'
import { CHANGES_CHANNEL, type Change } from './pg/changes'
import { isPostgres } from './pg/sync-db'

/** Tells the other consoles on the archive what changed (with the transaction it is in, if any). */
export function announce(db: Db, change: Change): void {
  if (!isPostgres(db)) return
  stmt(db, 'SELECT pg_notify(?, ?)').get(CHANGES_CHANNEL, JSON.stringify(change))
}

/**
 * Takes or renews the lease `name` for `holder` until `now + ttlMs`: it is
 * taken when nobody holds it, the holder is this one, the last holder let it
 * expire, or the holder is `replacing` (one known to be dead). One statement,
 * so two takers never both win.
 */
export function takeLease(
  db: Db,
  name: string,
  holder: string,
  now: number,
  ttlMs: number,
  replacing: string | null = null,
): boolean {
  const row = stmt<unknown[], { holder: string }>(
    db,
    `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at < ? OR leases.holder = ?
     RETURNING holder`,
  ).get(name, holder, now + ttlMs, now, replacing)
  return row?.holder === holder
}

/** Gives the lease up (a clean stop), so another process takes over at once. */
export function releaseLease(db: Db, name: string, holder: string): void {
  stmt(db, 'DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder)
}

export function leaseHolder(db: Db, name: string, now: number): string | undefined {
  return stmt<[string, number], { holder: string }>(
    db,
    'SELECT holder FROM leases WHERE name = ? AND expires_at >= ?',
  ).get(name, now)?.holder
}
