// Kill -9 of the capture host during ingest at 2,000 mentions/s on a
// PostgreSQL archive: every mention committed before the kill is there with
// its column hits; the restarted capture goes on and records the time it was
// down as a gap, closed once it streams again.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { ALIVE_STALE_MS, UNCLEAN_STOP } from '../../src/main/core/sources/heartbeat'
import { openStore } from '../../src/main/core/store'
import { DEFAULT_X } from '../../src/shared/sources/x'
import { FakeXApi } from '../fakes/x-api'
import { freshDatabase, type TestDatabase } from './database'

const CLI = resolve(__dirname, '..', '..', 'out', 'main', 'cli.js')
const BEARER = 'durability-bearer-7c2e'
const RATE = 2_000
const TICK_MS = 50

let database: TestDatabase | undefined
let fake: FakeXApi | undefined
const children: ChildProcess[] = []
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
  await fake?.close()
  await database?.drop()
})

function capture(url: string, base: string) {
  const child = spawn(process.execPath, [CLI, 'capture', '--db', url], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EARSHOT_X_BEARER_TOKEN: BEARER, EARSHOT_X_API_BASE: base },
  })
  children.push(child)
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<NodeJS.Signals | number | null>((done) =>
    child.once('exit', (code, signal) => done(signal ?? code)),
  )
  return { child, exited, output: () => out }
}

/** Streams posts matching the Comcast column at RATE a second until stopped. */
function pump(x: FakeXApi, tag: string, prefix: string): () => number {
  let n = 0
  const timer = setInterval(() => {
    for (let i = 0; i < (RATE * TICK_MS) / 1000; i++, n++) {
      const id = `${prefix}${String(n).padStart(8, '0')}`
      x.streamPost(
        {
          id,
          text: `@ComcastCares outage report ${prefix}-${n}`,
          author_id: '42',
          created_at: new Date().toISOString(),
          lang: 'en',
          edit_history_tweet_ids: [id],
        },
        [{ id: '42', username: 'reporter', name: 'Reporter', public_metrics: { followers_count: 10 } }],
        [tag],
      )
    }
  }, TICK_MS)
  return () => {
    clearInterval(timer)
    return n
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, output: () => string): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const v = await probe()
    if (v !== undefined) return v
    await sleep(100)
  }
  throw new Error(`timed out waiting for ${what}\n${output()}`)
}

type Row = { id: string; source: string; external_id: string }

describe('durability on PostgreSQL', () => {
  it('keeps every committed mention when the capture host is killed mid-ingest, and records the gap', async () => {
    expect(existsSync(CLI), 'build the app first (npm run build)').toBe(true)
    database = await freshDatabase()
    const url = database.url
    fake = new FakeXApi({ bearerToken: BEARER })
    await fake.start()
    const store = openStore(url)
    store.write.saveSourceConfig('x', { ...DEFAULT_X, enabled: true, mode: 'stream' }, Date.now())
    store.close()

    const first = capture(url, fake.url)
    ;(await fake.nextStream(true)).keepAlive()
    const tag = fake.rules.find((r) => r.value.toLowerCase().includes('comcast'))?.tag?.split(',')[0]
    expect(tag, `the capture host's rules: ${JSON.stringify(fake.rules)}`).toBeDefined()
    const stop = pump(fake, tag!, '19')

    const db = new pg.Client({ connectionString: url })
    await db.connect()
    try {
      const rows = () =>
        db.query<Row>('SELECT id::text, source, external_id FROM mentions ORDER BY mentions.id').then((r) => r.rows)
      const seen = await waitFor(
        'ingest to be well under way',
        async () => {
          const r = await rows()
          return r.length >= 4_000 ? r : undefined
        },
        first.output,
      )
      first.child.kill('SIGKILL')
      const killedAt = Date.now()
      expect(await first.exited).toBe('SIGKILL')
      const sent = stop()
      expect(sent).toBeGreaterThan(seen.length)

      // Everything seen committed is there, each mention with its column hits (one transaction).
      const after = await rows()
      const maxSeen = BigInt(seen.at(-1)!.id)
      expect(after.filter((r) => BigInt(r.id) <= maxSeen)).toEqual(seen)
      const unrouted = await db.query(
        'SELECT count(*)::int AS n FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM column_hits h WHERE h.mention_id = m.id)',
      )
      expect(unrouted.rows[0]).toEqual({ n: 0 })
      const orphans = await db.query(
        'SELECT count(*)::int AS n FROM column_hits h LEFT JOIN mentions m ON m.id = h.mention_id WHERE m.id IS NULL',
      )
      expect(orphans.rows[0]).toEqual({ n: 0 })
      const gapsBefore = await db.query('SELECT count(*)::int AS n FROM gaps')
      expect(gapsBefore.rows[0]).toEqual({ n: 0 })

      // The killed host's last sign of life goes stale; a restart records the gap from it and streams on.
      await sleep(ALIVE_STALE_MS + 500)
      const second = capture(url, fake.url)
      ;(await fake.nextStream()).keepAlive()
      const stopAgain = pump(fake, tag!, '29')
      await waitFor(
        'the restarted capture to store new mentions',
        async () => {
          const r = await db.query("SELECT count(*)::int AS n FROM mentions WHERE external_id LIKE '29%'")
          return (r.rows[0] as { n: number }).n > 0 ? true : undefined
        },
        second.output,
      )
      stopAgain()
      const gap = await waitFor(
        'the gap to close',
        async () => {
          const r = await db.query<{ started_at: string; ended_at: string | null; reason: string }>(
            "SELECT started_at::text, ended_at::text, reason FROM gaps WHERE source = 'x'",
          )
          return r.rows.length === 1 && r.rows[0]!.ended_at !== null ? r.rows[0]! : undefined
        },
        second.output,
      )
      expect(gap.reason).toBe(UNCLEAN_STOP)
      // The gap spans the kill: it starts at the last sign of life before it, ends after the restart.
      expect(Number(gap.started_at)).toBeLessThanOrEqual(killedAt)
      expect(Number(gap.ended_at)).toBeGreaterThan(killedAt)
      second.child.kill('SIGTERM')
      expect(await second.exited).toBe(0)
    } finally {
      await db.end()
    }
  }, 120_000)
})
