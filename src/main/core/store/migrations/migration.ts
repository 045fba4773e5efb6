// The migration runner. Steps are numbered (10, 20, ... leaving room), run in
// order inside one transaction, and PRAGMA user_version records the level. An
// archive written by a newer Earshot is refused before anything touches it.
import type { Db } from '../db-types'

export interface Migration {
  version: number
  name: string
  up(db: Db): void
}

export class ArchiveTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This archive was written by a newer version of Earshot (schema ${found}; this version reads up to ${supported}). ` +
        'Update Earshot to open it; the file was left untouched.',
    )
    this.name = 'ArchiveTooNewError'
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function checkOrder(migrations: readonly Migration[]): void {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) {
      throw new Error(`migrations out of order: ${migrations[i - 1]!.name} then ${migrations[i]!.name}`)
    }
  }
}

/** Throws ArchiveTooNewError without writing when the file is from the future. */
export function assertNotTooNew(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0
  const found = schemaVersion(db)
  if (found > latest) throw new ArchiveTooNewError(found, latest)
}

/** Runs the pending steps; returns the names of those it ran. */
export function migrate(db: Db, migrations: readonly Migration[]): string[] {
  checkOrder(migrations)
  assertNotTooNew(db, migrations)
  const current = schemaVersion(db)
  const pending = migrations.filter((m) => m.version > current)
  if (pending.length === 0) return []
  db.transaction(() => {
    for (const m of pending) {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  })()
  return pending.map((m) => m.name)
}
