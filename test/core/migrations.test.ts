import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../src/main/core/store/db'
import { MIGRATIONS } from '../../src/main/core/store/migrations'
import {
  ArchiveTooNewError,
  migrate,
  schemaVersion,
  type Migration,
} from '../../src/main/core/store/migrations/migration'
import { tempArchive } from '../helpers'

const latest = MIGRATIONS.at(-1)!.version

describe('migrations', () => {
  it('creates a fresh archive at the latest level, in WAL mode, with STRICT tables', () => {
    const db = openArchive(tempArchive())
    expect(schemaVersion(db)).toBe(latest)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as {
      name: string
      sql: string
    }[]
    const names = tables.map((t) => t.name)
    expect(names).toEqual(expect.arrayContaining(['mentions', 'mentions_fts', 'columns', 'column_hits', 'workspaces']))
    for (const t of tables.filter((t) => ['mentions', 'columns', 'column_hits', 'workspaces'].includes(t.name))) {
      expect(t.sql).toMatch(/STRICT/)
    }
    db.close()
  })

  it('reopening an up-to-date archive runs nothing', () => {
    const path = tempArchive()
    openArchive(path).close()
    const db = new Database(path)
    expect(migrate(db, MIGRATIONS)).toEqual([])
    db.close()
  })

  it('upgrades an older archive by running only the pending steps, keeping data', () => {
    const db = new Database(tempArchive())
    expect(migrate(db, MIGRATIONS)).toEqual(MIGRATIONS.map((m) => m.name))
    db.prepare(
      "INSERT INTO columns (id, title, query, position, width, created_at) VALUES ('c1', 'Old', 'q', 0, 340, 1)",
    ).run()
    const next: Migration = {
      version: latest + 10,
      name: 'add-note',
      up: (d) => d.exec('ALTER TABLE columns ADD COLUMN note TEXT'),
    }
    expect(migrate(db, [...MIGRATIONS, next])).toEqual(['add-note'])
    expect(schemaVersion(db)).toBe(latest + 10)
    expect(db.prepare('SELECT title, note FROM columns').get()).toEqual({ title: 'Old', note: null })
    db.close()
  })

  it('upgrades a level-10 archive to the query fields, deriving them from stored mentions', () => {
    const db = new Database(tempArchive())
    migrate(db, MIGRATIONS.slice(0, 1))
    db.prepare(
      `INSERT INTO mentions (source, external_id, url, created_at, received_at, author_handle, author_name, author_followers,
        author_avatar, author_verified, text, lang, kind, ref_id, has_media, sentiment, sentiment_label)
       VALUES ('demo', 'a', NULL, 1, 1, 'José', 'J', 1, NULL, 0, 'Hi @ComcastCares #Outage https://x.com/A', 'pt_BR', 'post', NULL, 0, 0, 'neutral')`,
    ).run()
    migrate(db, MIGRATIONS)
    expect(db.prepare('SELECT author_key, lang_key, entities, links FROM mentions').get()).toEqual({
      author_key: 'jose',
      lang_key: 'pt-br',
      entities: ' #outage @comcastcares ',
      links: 'https://x.com/a',
    })
    db.close()
  })

  it('rolls a failing step back completely', () => {
    const db = new Database(tempArchive())
    migrate(db, MIGRATIONS)
    const broken: Migration[] = [
      { version: latest + 10, name: 'ok', up: (d) => d.exec('CREATE TABLE extra (x INTEGER) STRICT') },
      { version: latest + 20, name: 'broken', up: (d) => d.exec('THIS IS NOT SQL') },
    ]
    expect(() => migrate(db, [...MIGRATIONS, ...broken])).toThrow()
    expect(schemaVersion(db)).toBe(latest)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra'").get()).toEqual({ n: 0 })
    db.close()
  })

  it('refuses steps listed out of order', () => {
    const db = new Database(':memory:')
    const a: Migration = { version: 20, name: 'a', up: () => {} }
    const b: Migration = { version: 10, name: 'b', up: () => {} }
    expect(() => migrate(db, [a, b])).toThrow(/out of order/)
  })

  it('refuses an archive from a newer version with a clear message and leaves it untouched', () => {
    const path = tempArchive()
    const raw = new Database(path)
    raw.exec('CREATE TABLE future (x)')
    raw.pragma(`user_version = ${latest + 1000}`)
    raw.close()
    const before = createHash('sha256').update(readFileSync(path)).digest('hex')
    expect(() => openArchive(path)).toThrow(ArchiveTooNewError)
    expect(() => openArchive(path)).toThrow(/newer version of Earshot/)
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
  })
})
