// Shared test fixtures: temporary archive paths, mention inputs, and what core tests need.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS } from '../src/main/core/store/migrations'
import { migrate } from '../src/main/core/store/migrations/migration'
import type { Db } from '../src/main/core/store/db-types'
import type { Reply } from '../src/shared/contract'
import type { MentionInput } from '../src/shared/domain'

export function tempDir(prefix = 'earshot-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function tempArchive(): string {
  return join(tempDir(), 'archive.sqlite')
}

/** A raw archive file as an Earshot at this schema level left it (steps up to it run). */
export function archiveAt(version: number): Db {
  const db = new Database(tempArchive())
  migrateTo(db, version)
  return db
}

/** Runs the steps after `from` up to `to` (not later ones another feature may add); returns their names. */
export function migrateTo(db: Db, to: number): string[] {
  return migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= to),
  )
}

let counter = 0
export function mentionInput(overrides: Partial<MentionInput> = {}): MentionInput {
  counter++
  return {
    source: 'demo',
    externalId: `t-${counter}`,
    url: null,
    createdAt: 1_700_000_000_000 + counter,
    author: { handle: `user${counter}`, name: `User ${counter}`, followers: 10, avatarUrl: null, verified: false },
    text: 'hello world',
    lang: 'en',
    kind: 'post',
    refId: null,
    hasMedia: false,
    ...overrides,
  }
}

/** Options of a core under test: browser mode, no demo source (add archivePath). */
export const TEST_CORE = { mode: 'browser', version: 'test', demo: { enabled: false } } as const

/** The result of a command that must succeed. */
export function ok<T>(reply: Reply): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`)
  return reply.result as T
}

/** Waits (up to ~4 s) until `check` gives something truthy, and returns it; fails naming what it waited for. */
export async function until<T>(check: () => T | undefined | null | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = check()
    if (value) return value
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`timed out waiting for ${what}`)
}
