// Kill -9 during ingest at 2,000 mentions/s: the archive must reopen cleanly
// with every mention that was committed before the kill.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openArchive } from '../../src/main/core/store/db'
import { tempDir } from '../helpers'

const CLI = resolve(__dirname, '..', '..', 'out', 'main', 'cli.js')

function serve(db: string, rate: number) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', db, '--demo-rate', String(rate)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  const ready = new Promise<void>((ok, fail) => {
    child.stdout.on('data', () => out.includes('Earshot console:') && ok())
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)))
  })
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  )
  return { child, ready, exited, output: () => out }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('durability', () => {
  it('keeps every committed mention when the process is killed mid-ingest', async () => {
    expect(existsSync(CLI), 'build the app first (npm run build)').toBe(true)
    const db = join(tempDir(), 'archive.sqlite')
    const run = serve(db, 2000)
    await run.ready

    // Watch the archive from another connection until ingest is well under way.
    const reader = new Database(db, { readonly: true })
    let seen: { id: number; source: string; external_id: string }[] = []
    for (let i = 0; i < 100 && seen.length < 4000; i++) {
      await sleep(100)
      seen = reader.prepare('SELECT id, source, external_id FROM mentions ORDER BY id').all() as typeof seen
    }
    reader.close()
    expect(seen.length).toBeGreaterThanOrEqual(4000)
    run.child.kill('SIGKILL')
    expect(await run.exited).toBe('SIGKILL')

    const after = openArchive(db)
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
    after.prepare("INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')").run()
    const maxSeen = seen.at(-1)!.id
    const kept = after.prepare('SELECT id, source, external_id FROM mentions WHERE id <= ? ORDER BY id').all(maxSeen)
    expect(kept).toEqual(seen)
    const orphanHits = after
      .prepare('SELECT count(*) AS n FROM column_hits h LEFT JOIN mentions m ON m.id = h.mention_id WHERE m.id IS NULL')
      .get()
    expect(orphanHits).toEqual({ n: 0 })
    const total = (after.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n
    after.close()

    // The same file serves again and keeps growing.
    const again = serve(db, 2000)
    await again.ready
    await sleep(1500)
    again.child.kill('SIGTERM')
    expect(await again.exited).toBe(0)
    const reopened = openArchive(db)
    expect((reopened.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n).toBeGreaterThan(total)
    reopened.close()
  }, 60_000)
})
