// Reports benchmark: a report (volume and sentiment series, share of voice,
// top hashtags / authors / terms, gaps) over the 1,000,000-mention archive
// that bench/query.ts builds in bench/results/. The first run gives that
// archive the four demo columns and back-fills their hits (kept in the file);
// then each range is timed for one column and for all four (p50/p95).
// Then the heaviest case again through the ReportRunner, on the core's thread
// and in the report worker: the latency each way, and how long the thread's
// event loop waits meanwhile (perf_hooks.monitorEventLoopDelay: ingest, the
// live feed and every command wait that long). Last, a view that asks for a
// new window every 100 ms (a brush being dragged): how long until its last
// report arrives, when each replaces the one before and when they queue.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import defaultWorkspace from '../resources/default-workspace.json'
import { buildReport, hitBounds } from '../src/main/core/store/reports'
import { ReportRunner } from '../src/main/core/reports/report-runner'
import { toSqlWhere } from '../src/main/core/store/query-sql'
import { backfillColumn, insertColumn, listColumns } from '../src/main/core/store/columns'
import { openArchive } from '../src/main/core/store/db'
import { ReportRequestSchema } from '../src/shared/contracts/reports'
import { compileColumnQuery } from '../src/shared/query/column-query'
import { storeOf } from '../src/main/core/store/store'

const ARCHIVE_SIZE = Number(process.env.BENCH_ARCHIVE ?? 1_000_000)
const RUNS = Number(process.env.BENCH_RUNS ?? 12)
const out = join(__dirname, '..', '..', 'bench', 'results')
const archivePath = join(out, `archive-${ARCHIVE_SIZE}.sqlite`)
if (!existsSync(archivePath)) {
  console.error(`${archivePath} does not exist: run bench/query.ts first (npm run bench), which builds it`)
  process.exit(1)
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

const db = openArchive(archivePath)
let columns = listColumns(db)
if (columns.length === 0) {
  const b0 = process.hrtime.bigint()
  for (const draft of defaultWorkspace.columns) {
    const column = insertColumn(db, draft, Date.now())
    const compiled = compileColumnQuery(draft.query)
    if (!compiled.ok) throw new Error(compiled.error.message)
    const n = backfillColumn(db, column.id, toSqlWhere(compiled.ast))
    console.log(`back-filled ${draft.title}: ${n.toLocaleString()} hits`)
  }
  db.exec('ANALYZE')
  columns = listColumns(db)
  console.log(`columns added in ${(ms(b0) / 1000).toFixed(1)} s`)
}
const stored = (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n
const hits = (db.prepare('SELECT count(*) AS n FROM column_hits').get() as { n: number }).n
const { last } = hitBounds(
  db,
  columns.map((c) => c.id),
)
const until = (last ?? Date.now()) + 1
const DAY = 86_400_000
const RANGES = { '24 hours': DAY, '7 days': 7 * DAY, '30 days': 30 * DAY }
const SETS = { 'one column': columns.slice(0, 1), 'four columns': columns.slice(0, 4) }

const results: Record<string, { mentions: number; buckets: number; p50ms: number; p95ms: number }> = {}
const all: number[] = []
for (const [rangeName, span] of Object.entries(RANGES)) {
  for (const [setName, set] of Object.entries(SETS)) {
    const request = ReportRequestSchema.parse({ columnIds: set.map((c) => c.id), since: until - span, until })
    const runs: number[] = []
    let report
    for (let r = 0; r < RUNS; r++) {
      const t0 = process.hrtime.bigint()
      report = buildReport(db, set, request, { path: archivePath, review: false })
      runs.push(ms(t0))
    }
    runs.sort((a, b) => a - b)
    all.push(...runs)
    const key = `${rangeName}, ${setName}`
    results[key] = {
      mentions: report!.total,
      buckets: report!.buckets.length,
      p50ms: Number(percentile(runs, 50).toFixed(1)),
      p95ms: Number(percentile(runs, 95).toFixed(1)),
    }
  }
}

const HEAVY = ReportRequestSchema.parse({
  columnIds: columns.slice(0, 4).map((c) => c.id),
  since: until - 30 * DAY,
  until,
})
const target = { store: storeOf(db), path: archivePath, review: false }
const round = (n: number) => Number(n.toFixed(1))

/** The event loop's sampling interval: an idle loop reads this much, so it is taken off. */
const RESOLUTION_MS = 10

/**
 * RUNS reports of the heaviest case by each runner, taking turns (the machine's
 * other load then weighs on both alike). The event loop is watched during each
 * report by a monitor of its own (one re-enabled would count the other
 * runner's turn as a stall); between two reports the loop turns, as between
 * two commands from the renderer, else a blocked loop would never be sampled.
 * A report's stall is the longest its loop waited beyond the sampling interval.
 */
async function watched(runners: Record<string, ReportRunner>) {
  const each = Object.entries(runners).map(([name, runner]) => ({
    name,
    runner,
    runs: [] as number[],
    stalls: [] as number[],
  }))
  const late = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS)
  for (const e of each) await e.runner.report(target, HEAVY) // warms the worker's connection
  for (let r = 0; r < RUNS; r++) {
    for (const e of each) {
      const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
      loop.enable()
      // The monitor's first tick only starts its clock: let it tick before the report.
      await sleep(2 * RESOLUTION_MS)
      const t0 = process.hrtime.bigint()
      await e.runner.report(target, HEAVY)
      e.runs.push(ms(t0))
      await sleep(2 * RESOLUTION_MS)
      loop.disable()
      e.stalls.push(late(loop.max))
    }
  }
  return Object.fromEntries(
    each.map(({ name, runs, stalls }) => {
      runs.sort((a, b) => a - b)
      stalls.sort((a, b) => a - b)
      return [
        name,
        {
          p50ms: round(percentile(runs, 50)),
          p95ms: round(percentile(runs, 95)),
          loopStallP50ms: round(percentile(stalls, 50)),
          loopStallMaxMs: round(stalls.at(-1)!),
        },
      ]
    }),
  )
}

/** A view asks for a window shifted a minute every 100 ms, five times; ms until the last report is in. */
async function dragged(runner: ReportRunner, view: string | undefined) {
  await runner.report(target, HEAVY)
  const t0 = process.hrtime.bigint()
  const asked: Promise<unknown>[] = []
  for (let i = 1; i <= 5; i++) {
    const r = { ...HEAVY, since: HEAVY.since - i * 60_000 }
    asked.push(runner.report(target, r, view).catch(() => 'replaced'))
    if (i < 5) await sleep(100)
  }
  const answers = await Promise.all(asked)
  return { lastReportMs: round(ms(t0)), replaced: answers.filter((a) => a === 'replaced').length }
}

async function main(): Promise<void> {
  const inThread = new ReportRunner({ livePath: archivePath })
  const inWorker = new ReportRunner({ script: join(__dirname, 'report-worker.js'), livePath: archivePath })
  const threads = await watched({ 'core thread': inThread, 'report worker': inWorker })
  const drag = {
    'each replaces the last': await dragged(inWorker, 'bench-view'),
    queued: await dragged(inWorker, undefined),
  }
  await inWorker.close()
  db.close()
  all.sort((a, b) => a - b)
  const result = {
    archiveSize: stored,
    columnHits: hits,
    runsPerCase: RUNS,
    p50ms: Number(percentile(all, 50).toFixed(1)),
    p95ms: Number(percentile(all, 95).toFixed(1)),
    cases: results,
    '30 days, four columns, where': threads,
    '30 days, four columns, brush dragged (worker)': drag,
  }
  console.log(
    `reports over ${stored.toLocaleString()} mentions (${hits.toLocaleString()} column hits): p50 ${result.p50ms} ms, p95 ${result.p95ms} ms over all cases`,
  )
  for (const [k, v] of Object.entries(results))
    console.log(
      `  ${k.padEnd(28)} ${v.mentions.toLocaleString().padStart(9)} mentions ${String(v.buckets).padStart(4)} buckets  p50 ${v.p50ms} ms  p95 ${v.p95ms} ms`,
    )
  console.log('30 days, four columns, by where the report is built:')
  for (const [k, v] of Object.entries(threads))
    console.log(
      `  ${k.padEnd(14)} p50 ${v.p50ms} ms  p95 ${v.p95ms} ms   longest event-loop stall per report: p50 ${v.loopStallP50ms} ms  max ${v.loopStallMaxMs} ms`,
    )
  console.log('30 days, four columns, a window asked for every 100 ms five times (worker), until the last report:')
  for (const [k, v] of Object.entries(drag))
    console.log(`  ${k.padEnd(24)} ${v.lastReportMs} ms (${v.replaced} replaced)`)
  writeFileSync(join(out, 'reports.json'), JSON.stringify(result, null, 2))
}

void main()
