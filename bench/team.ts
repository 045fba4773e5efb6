// Team mode's benchmark, PostgreSQL beside SQLite in one run:
// (1) ingest: the same 100,000 scored demo mentions routed to 50 columns and
//     committed in batches of 2,000 into each engine (mentions/s, the ratio);
// (2) archive search at 1,000,000 mentions (the shared bench archive, moved
//     into PostgreSQL with earshot migrate's copy, itself timed): first pages
//     of twelve searches, p50/p95 on each engine;
// (3) cross-console latency: a capture process commits 500 mentions/s for 20 s
//     while 4 consoles follow the change feed and read each new batch; the
//     time from commit start to the row read in each console, p50/p95.
// PostgreSQL: $EARSHOT_BENCH_PG_URL, else a throwaway cluster (test/pg/cluster.ts).
// Results go to bench/results/team.json.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { createDemoGenerator } from '../src/main/core/connectors/demo'
import { openAnyArchive, type Archive } from '../src/main/core/store/archive'
import type { NewMention } from '../src/main/core/store/mentions'
import { ChangeFeed } from '../src/main/core/store/pg/changes'
import { transferArchive } from '../src/main/core/store/transfer'
import { sentimentLabel } from '../src/main/core/sentiment/vader'
import { compileColumnQuery } from '../src/shared/query/column-query'
import { tempArchive } from '../test/helpers'
import { startCluster } from '../test/pg/cluster'
import { ARCHIVE_SIZE, COLUMN_QUERIES, ms, openBenchArchive, percentile, RESULTS, SEARCHES } from './archive'

const INGEST = Number(process.env.BENCH_TEAM_MENTIONS ?? 100_000)
const CONSOLES = 4
const RATE = 500
const SECONDS = Number(process.env.BENCH_TEAM_SECONDS ?? 20)

async function database(server: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const u = new URL(server)
  u.pathname = `/${name}`
  return u.toString()
}

function demoMentions(n: number, seed: number): NewMention[] {
  const g = createDemoGenerator({ seed, runId: `team-${seed}` })
  const start = Date.now() - n * 10
  return Array.from({ length: n }, (_, i) => {
    const m = g.next(start + i * 10)
    const score = (((i * 7919) % 200) / 100 - 1) * 0.6
    return {
      ...m,
      receivedAt: m.createdAt,
      sentiment: score,
      sentimentLabel: sentimentLabel(score),
      sentimentScorer: 'bench',
    }
  })
}

const matchers = COLUMN_QUERIES.map((q, i) => {
  const c = compileColumnQuery(q)
  if (!c.ok) throw new Error(`${q}: ${c.error.message}`)
  return { id: `col-${i}`, matches: c.matches }
})
const route = (input: Parameters<(typeof matchers)[number]['matches']>[0]) =>
  matchers.filter((m) => m.matches(input)).map((m) => m.id)

async function ingestRate(archive: Archive, mentions: readonly NewMention[]): Promise<number> {
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < mentions.length; i += 2_000) await archive.commitMentions(mentions.slice(i, i + 2_000), route)
  return Math.round(mentions.length / (ms(t0) / 1000))
}

async function searchTimes(archive: Archive): Promise<{ p50: number; p95: number; perQuery: Record<string, number> }> {
  const all: number[] = []
  const perQuery: Record<string, number> = {}
  for (const q of SEARCHES) {
    const c = compileColumnQuery(q)
    if (!c.ok) throw new Error(c.error.message)
    const times: number[] = []
    await archive.searchMentions(c.ast, { order: 'newest', limit: 50 }) // warm
    for (let i = 0; i < 15; i++) {
      const t0 = process.hrtime.bigint()
      await archive.searchMentions(c.ast, { order: 'newest', limit: 50 })
      times.push(ms(t0))
    }
    times.sort((a, b) => a - b)
    perQuery[q] = Math.round(percentile(times, 50) * 10) / 10
    all.push(...times)
  }
  all.sort((a, b) => a - b)
  return { p50: Math.round(percentile(all, 50) * 10) / 10, p95: Math.round(percentile(all, 95) * 10) / 10, perQuery }
}

async function crossConsole(url: string): Promise<{ p50: number; p95: number; samples: number }> {
  const capture = await openAnyArchive(url)
  const latencies: number[] = []
  const feeds: ChangeFeed[] = []
  const readers: pg.Pool[] = []
  for (let c = 0; c < CONSOLES; c++) {
    const reader = new pg.Pool({ connectionString: url, max: 2 })
    readers.push(reader)
    feeds.push(
      await ChangeFeed.open(url, {
        onChange: (change) => {
          if (change.kind !== 'mentions') return
          void reader
            .query<{ received_at: string }>('SELECT received_at FROM mentions WHERE id BETWEEN $1 AND $2', [
              change.from,
              change.to,
            ])
            .then((r) => {
              const at = Date.now()
              for (const row of r.rows) latencies.push(at - Number(row.received_at))
            })
        },
        onResync: () => {},
      }),
    )
  }
  const batch = RATE / 20
  const source = demoMentions(RATE * SECONDS, 77)
  const t0 = Date.now()
  for (let i = 0; i < source.length; i += batch) {
    const due = t0 + (i / RATE) * 1000
    const wait = due - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    const now = Date.now()
    await capture.commitMentions(
      source.slice(i, i + batch).map((m) => ({ ...m, receivedAt: now })),
      route,
    )
  }
  await new Promise((r) => setTimeout(r, 1_000))
  for (const f of feeds) await f.close()
  for (const r of readers) await r.end()
  await capture.close()
  latencies.sort((a, b) => a - b)
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), samples: latencies.length }
}

async function main(): Promise<void> {
  const cluster = process.env.EARSHOT_BENCH_PG_URL ? undefined : await startCluster()
  const server = process.env.EARSHOT_BENCH_PG_URL ?? cluster!.url
  try {
    // 1. Ingest, each engine twice, alternating.
    const mentions = demoMentions(INGEST, 5)
    const rates: { sqlite: number[]; postgres: number[] } = { sqlite: [], postgres: [] }
    for (let round = 0; round < 2; round++) {
      const lite = await openAnyArchive(tempArchive())
      rates.sqlite.push(await ingestRate(lite, mentions))
      await lite.close()
      const pgArchive = await openAnyArchive(await database(server, `bench_ingest_${round}`))
      rates.postgres.push(await ingestRate(pgArchive, mentions))
      await pgArchive.close()
    }
    const ingest = {
      mentions: INGEST,
      columns: matchers.length,
      sqlitePerSecond: rates.sqlite,
      postgresPerSecond: rates.postgres,
      ratio: rates.postgres.map((p, i) => Math.round((p / rates.sqlite[i]!) * 100) / 100),
    }
    console.log('ingest', ingest)

    // 2. Search at ARCHIVE_SIZE.
    const { path, db } = openBenchArchive()
    db.close()
    const searchUrl = await database(server, 'bench_search')
    const t0 = process.hrtime.bigint()
    await transferArchive(path, searchUrl, { chunk: 5_000 })
    const migrateSeconds = Math.round(ms(t0) / 100) / 10
    const admin = new pg.Client({ connectionString: searchUrl })
    await admin.connect()
    await admin.query('ANALYZE')
    await admin.end()
    const onPg = await openAnyArchive(searchUrl)
    const onLite = await openAnyArchive(path)
    const search = {
      mentions: ARCHIVE_SIZE,
      migrateSeconds,
      migrateRowsPerSecond: Math.round(ARCHIVE_SIZE / migrateSeconds),
      postgres: await searchTimes(onPg),
      sqlite: await searchTimes(onLite),
    }
    await onPg.close()
    await onLite.close()
    console.log('search', JSON.stringify(search, null, 1))

    // 3. Cross-console latency.
    const latency = {
      rate: RATE,
      seconds: SECONDS,
      consoles: CONSOLES,
      ...(await crossConsole(await database(server, 'bench_live'))),
    }
    console.log('cross-console', latency)
    writeFileSync(join(RESULTS, 'team.json'), JSON.stringify({ ingest, search, latency }, null, 2))
  } finally {
    cluster?.stop()
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
