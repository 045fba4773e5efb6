// Query benchmark: live-matcher throughput with 50 column queries, and archive
// search latency (first page, p50/p95) over a 1,000,000-mention archive. The
// archive is built once and kept in bench/results/ for later runs.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createDemoGenerator } from '../src/main/core/connectors/demo'
import { sentimentLabel } from '../src/main/core/sentiment/vader'
import { toSqlWhere } from '../src/main/core/store/query-sql'
import { searchMentions } from '../src/main/core/store/search'
import { compileColumnQuery } from '../src/shared/query/column-query'
import { toMatchInput } from '../src/shared/query/match-input'
import { COLUMN_QUERIES, ms, openBenchArchive, percentile, RESULTS, SEARCHES } from './archive'

const out = RESULTS

// 1. Matcher throughput.
const gen = createDemoGenerator({ seed: 3, runId: 'q' })
const start = Date.now()
const sample = Array.from({ length: 50_000 }, (_, i) => {
  const m = gen.next(start + i * 50)
  return toMatchInput({ ...m, sentimentLabel: sentimentLabel(((i * 7919) % 200) / 100 - 1) })
})
const matchers = COLUMN_QUERIES.map((q) => {
  const c = compileColumnQuery(q)
  if (!c.ok) throw new Error(`${q}: ${c.error.message}`)
  return c.matches
})
let hits = 0
const t0 = process.hrtime.bigint()
for (const input of sample) for (const match of matchers) if (match(input)) hits++
const matchMs = ms(t0)
const evaluationsPerSecond = Math.round((sample.length * matchers.length) / (matchMs / 1000))

// 2. Archive search at ARCHIVE_SIZE.
const { db, builtInSeconds } = openBenchArchive(start)
const fresh = builtInSeconds !== null
const buildSeconds = builtInSeconds ?? 0
const stored = (db.prepare('SELECT count(*) AS n FROM mentions').get() as { n: number }).n
const timings: number[] = []
const followerTimings: number[] = []
const perQuery: Record<string, number> = {}
for (const q of SEARCHES) {
  const c = compileColumnQuery(q)
  if (!c.ok) throw new Error(`${q}: ${c.error.message}`)
  const where = toSqlWhere(c.ast)
  const runs: number[] = []
  for (let r = 0; r < 15; r++) {
    const s0 = process.hrtime.bigint()
    searchMentions(db, where, { order: 'newest', limit: 50 })
    runs.push(ms(s0))
  }
  for (let r = 0; r < 3; r++) {
    const s0 = process.hrtime.bigint()
    searchMentions(db, where, { order: 'followers', limit: 50 })
    followerTimings.push(ms(s0))
  }
  runs.sort((a, b) => a - b)
  perQuery[q] = Number(percentile(runs, 50).toFixed(2))
  timings.push(...runs)
}
db.close()
timings.sort((a, b) => a - b)
followerTimings.sort((a, b) => a - b)

const result = {
  matcher: { columns: matchers.length, mentions: sample.length, hits, evaluationsPerSecond },
  search: {
    archiveSize: stored,
    builtInSeconds: fresh ? Number(buildSeconds.toFixed(1)) : null,
    runs: timings.length,
    p50ms: Number(percentile(timings, 50).toFixed(2)),
    p95ms: Number(percentile(timings, 95).toFixed(2)),
    p50msByQuery: perQuery,
    mostFollowedP50ms: Number(percentile(followerTimings, 50).toFixed(2)),
    mostFollowedP95ms: Number(percentile(followerTimings, 95).toFixed(2)),
  },
}
console.log(
  `matcher: ${matchers.length} column queries x ${sample.length.toLocaleString()} mentions: ${evaluationsPerSecond.toLocaleString()} evaluations/s (${Math.round(evaluationsPerSecond / matchers.length).toLocaleString()} mentions/s routed to 50 columns)`,
)
console.log(
  `archive search over ${stored.toLocaleString()} mentions (first page of 50, newest first): p50 ${result.search.p50ms} ms, p95 ${result.search.p95ms} ms (target p95 < 50 ms)`,
)
console.log(
  `  most followed first: p50 ${result.search.mostFollowedP50ms} ms, p95 ${result.search.mostFollowedP95ms} ms`,
)
for (const [q, t] of Object.entries(perQuery)) console.log(`  ${t.toFixed(2).padStart(8)} ms  ${q}`)
writeFileSync(join(out, 'query.json'), JSON.stringify(result, null, 2))
