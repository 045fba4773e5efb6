// Reports benchmark: a report (volume and sentiment series, share of voice,
// top hashtags / authors / terms, gaps) over the 1,000,000-mention archive
// that bench/query.ts builds in bench/results/. The first run gives that
// archive the four demo columns and back-fills their hits (kept in the file);
// then each range is timed for one column and for all four (p50/p95).
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import defaultWorkspace from '../resources/default-workspace.json'
import { buildReport, hitBounds } from '../src/main/core/reports/queries'
import { toSqlWhere } from '../src/main/core/query/sql'
import { backfillColumn, insertColumn, listColumns } from '../src/main/core/store/columns'
import { openArchive } from '../src/main/core/store/db'
import { ReportRequestSchema } from '../src/shared/contracts/reports'
import { compileColumnQuery } from '../src/shared/query/column-query'

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
db.close()
all.sort((a, b) => a - b)
const result = {
  archiveSize: stored,
  columnHits: hits,
  runsPerCase: RUNS,
  p50ms: Number(percentile(all, 50).toFixed(1)),
  p95ms: Number(percentile(all, 95).toFixed(1)),
  cases: results,
}
console.log(
  `reports over ${stored.toLocaleString()} mentions (${hits.toLocaleString()} column hits): p50 ${result.p50ms} ms, p95 ${result.p95ms} ms over all cases`,
)
for (const [k, v] of Object.entries(results))
  console.log(
    `  ${k.padEnd(28)} ${v.mentions.toLocaleString().padStart(9)} mentions ${String(v.buckets).padStart(4)} buckets  p50 ${v.p50ms} ms  p95 ${v.p95ms} ms`,
  )
writeFileSync(join(out, 'reports.json'), JSON.stringify(result, null, 2))
