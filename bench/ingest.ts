// Ingest benchmark: demo generation -> sentiment -> store (with FTS5) ->
// routing to 12 columns -> live-event coalescing, in mentions per second,
// beside the raw better-sqlite3 + FTS5 insert rate of the same rows measured
// in the same run. Run with `npm run bench`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDemoGenerator } from '../src/main/core/connectors/demo'
import { LiveFeed } from '../src/main/core/pipeline/live-feed'
import { Ingest } from '../src/main/core/pipeline/ingest'
import { WorkerScorer } from '../src/main/core/pipeline/sentiment-pool'
import { Router } from '../src/main/core/pipeline/router'
import { StatsTracker } from '../src/main/core/pipeline/stats'
import { insertColumn, listColumns } from '../src/main/core/store/columns'
import { openArchive } from '../src/main/core/store/db'
import { scoreSentiment } from '../src/main/core/sentiment/scorer'
import { insertHit } from '../src/main/core/store/columns'
import { INDEX_MENTION_SQL, INSERT_MENTION_SQL, insertMention, mentionValues } from '../src/main/core/store/mentions'
import type { MentionInput } from '../src/shared/domain'
import { toMatchInput } from '../src/shared/query/match-input'
import { storeOf } from '../src/main/core/store/store'

const N = Number(process.env.BENCH_MENTIONS ?? 200_000)
const CHUNK = 500
const QUERIES = [
  'comcast OR xfinity OR comcastcares',
  'jetblue -is:repost',
  '"whole foods" OR wholefoods',
  'ford (recall OR dealership OR "mach e")',
  'zappos OR #zappos',
  'oreo sentiment:positive',
  'outage OR "internet down"',
  '(delay OR delayed OR cancelled) jetblue',
  'love OR amazing OR thanks',
  '(worst OR terrible OR awful) -from:comcastcares',
  'lang:es OR lang:pt',
  'has:links min_followers:10000',
]

function timeIt(fn: () => void): number {
  const t0 = process.hrtime.bigint()
  fn()
  return Number(process.hrtime.bigint() - t0) / 1e9
}

const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-'))
const start = Date.now()

// End to end.
const db = openArchive(join(dir, 'e2e.sqlite'))
for (const q of QUERIES) insertColumn(db, { title: q, query: q }, start)
const router = new Router()
router.setColumns(listColumns(db))
const stats = new StatsTracker()
for (const c of listColumns(db)) stats.load(storeOf(db).read, c.id, start)
let batches = 0
let hits = 0
const live = new LiveFeed(() => batches++, 100)
// As the app runs it: sentiment in the worker thread, the writer on the main thread.
const scorer = new WorkerScorer(join(__dirname, 'sentiment-worker.js'))
const ingest = new Ingest(storeOf(db).write, router, stats, {
  now: Date.now,
  scorer,
  sink: {
    committed: (b) => {
      for (const c of b) hits += c.columns.length
      live.committed(b)
    },
  },
  maxBatch: 2_000,
})
const generator = createDemoGenerator({ seed: 42, runId: 'bench' })
const inputs: MentionInput[] = []
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r))

async function main() {
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < N; i += CHUNK) {
    const chunk: MentionInput[] = []
    for (let j = 0; j < CHUNK && i + j < N; j++) chunk.push(generator.next(start + i + j))
    inputs.push(...chunk)
    ingest.push(chunk)
    // Let timers, worker replies and commits run, as the event loop does in the app.
    await yieldToLoop()
  }
  await ingest.close()
  const e2eSeconds = Number(process.hrtime.bigint() - t0) / 1e9
  live.flush()
  await scorer.close()
  const stored = (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n
  db.close()

  // Stage by stage, on the same rows, to show where the time goes.
  const stageDb = openArchive(join(dir, 'stages.sqlite'))
  for (const q of QUERIES) insertColumn(stageDb, { title: q, query: q }, start)
  const stageRouter = new Router()
  stageRouter.setColumns(listColumns(stageDb))
  const stageGen = createDemoGenerator({ seed: 42, runId: 'stages' })
  const stages = {
    generate: timeIt(() => {
      for (let i = 0; i < N; i++) stageGen.next(start + i)
    }),
    sentiment: timeIt(() => {
      for (const m of inputs) scoreSentiment(m.text, m.lang)
    }),
    route: timeIt(() => {
      for (const m of inputs) stageRouter.route(toMatchInput({ ...m, sentimentLabel: 'neutral' }))
    }),
    store: 0,
  }
  const matchInputs = inputs.map((m) => toMatchInput({ ...m, sentimentLabel: 'neutral' }))
  const routes = matchInputs.map((input) => stageRouter.route(input))
  const storeMany = stageDb.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const m = inputs[i]!
      const id = insertMention(
        stageDb,
        { ...m, receivedAt: m.createdAt, sentiment: 0, sentimentLabel: 'neutral' },
        matchInputs[i]!,
      )
      if (id !== undefined) for (const c of routes[i]!) insertHit(stageDb, c, m.createdAt, id)
    }
  })
  stages.store = timeIt(() => {
    for (let i = 0; i < N; i += 2_000) storeMany(i, Math.min(N, i + 2_000))
  })
  stageDb.close()

  // Raw: the same rows, one prepared INSERT per row plus its FTS5 row, 2,000 per transaction.
  const raw = openArchive(join(dir, 'raw.sqlite'))
  // Same statements as the store, with the derived fields computed beforehand: only SQLite is timed.
  const insert = raw.prepare(INSERT_MENTION_SQL)
  const index = raw.prepare(INDEX_MENTION_SQL)
  const rawRows = inputs.map((m, i) => {
    const row = mentionValues(
      { ...m, receivedAt: m.createdAt, sentiment: 0, sentimentLabel: 'neutral' },
      matchInputs[i]!,
    )
    return [row, [m.text, m.author.handle, m.author.name]] as const
  })
  const insertMany = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const [row, fts] = rawRows[i]!
      const { lastInsertRowid } = insert.run(...row)
      index.run(lastInsertRowid, ...fts)
    }
  })
  const rawSeconds = timeIt(() => {
    for (let i = 0; i < inputs.length; i += 2_000) insertMany(i, Math.min(inputs.length, i + 2_000))
  })
  raw.close()
  rmSync(dir, { recursive: true, force: true })

  const e2eRate = N / e2eSeconds
  const rawRate = N / rawSeconds
  const result = {
    mentions: N,
    stored,
    columns: QUERIES.length,
    columnHits: hits,
    liveBatches: batches,
    endToEndPerSecond: Math.round(e2eRate),
    rawInsertPerSecond: Math.round(rawRate),
    ratio: Number((e2eRate / rawRate).toFixed(3)),
    stagesPerSecond: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(N / v)])),
    node: process.version,
  }
  console.log(
    `ingest: ${N.toLocaleString()} demo mentions, ${QUERIES.length} columns, ${hits.toLocaleString()} column hits`,
  )
  console.log(
    `  end to end (generate, sentiment, store+FTS5, route, coalesce): ${result.endToEndPerSecond.toLocaleString()} mentions/s`,
  )
  console.log(
    `  raw better-sqlite3 + FTS5 insert, same rows:                  ${result.rawInsertPerSecond.toLocaleString()} mentions/s`,
  )
  console.log(
    `  stages alone (mentions/s): ${Object.entries(result.stagesPerSecond)
      .map(([k, v]) => `${k} ${v.toLocaleString()}`)
      .join(', ')}`,
  )
  console.log(`  ratio: ${(result.ratio * 100).toFixed(1)}% of raw (target >= 25%, and >= 10,000/s)`)
  const out = join(__dirname, '..', '..', 'bench', 'results')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'ingest.json'), JSON.stringify(result, null, 2))
}

void main()
