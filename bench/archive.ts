// The benchmarks' 1,000,000-mention archive (BENCH_ARCHIVE=N for another
// size): demo mentions over 30 days, built once and kept in bench/results/.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createDemoGenerator } from '../src/main/core/connectors/demo'
import { sentimentLabel } from '../src/main/core/sentiment/vader'
import { openArchive } from '../src/main/core/store/db'
import type { Db } from '../src/main/core/store/db-types'
import { insertMention } from '../src/main/core/store/mentions'
import { toMatchInput } from '../src/shared/query/match-input'

export const ARCHIVE_SIZE = Number(process.env.BENCH_ARCHIVE ?? 1_000_000)
// Next to the entry script (out/main/bench-*.js): this module may be bundled into a shared chunk.
export const RESULTS = join(dirname(process.argv[1]!), '..', '..', 'bench', 'results')

export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6

/** Opens the archive, building it first when missing; `builtInSeconds` is null when it already existed. */
export function openBenchArchive(start = Date.now()): { db: Db; path: string; builtInSeconds: number | null } {
  mkdirSync(RESULTS, { recursive: true })
  const path = join(RESULTS, `archive-${ARCHIVE_SIZE}.sqlite`)
  const fresh = !existsSync(path)
  const db = openArchive(path)
  if (!fresh) return { db, path, builtInSeconds: null }
  const b0 = process.hrtime.bigint()
  const g = createDemoGenerator({ seed: 11, runId: 'archive' })
  const span = 30 * 24 * 3600_000
  const insertBatch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const m = g.next(start - span + Math.floor((i / ARCHIVE_SIZE) * span))
      const label = sentimentLabel((((i * 7919) % 200) / 100 - 1) * 0.6)
      insertMention(
        db,
        { ...m, receivedAt: m.createdAt, sentiment: 0, sentimentLabel: label },
        toMatchInput({ ...m, sentimentLabel: label }),
      )
    }
  })
  for (let i = 0; i < ARCHIVE_SIZE; i += 10_000) insertBatch(i, Math.min(ARCHIVE_SIZE, i + 10_000))
  db.exec('ANALYZE')
  return { db, path, builtInSeconds: ms(b0) / 1000 }
}

/** Samples the resident set size; `peak` is the highest seen (and the OS's own peak). */
export function rssSampler(everyMs = 25): { stop(): { peakMB: number; maxRssMB: number } } {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), everyMs)
  return {
    stop() {
      clearInterval(timer)
      peak = Math.max(peak, process.memoryUsage().rss)
      return { peakMB: Math.round(peak / 2 ** 20), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) }
    },
  }
}

const BRANDS = ['comcast', 'xfinity', 'jetblue', '"whole foods"', 'ford', 'zappos', 'oreo']
const MODIFIERS = [
  '',
  ' sentiment:negative',
  ' -is:repost',
  ' has:links',
  ' lang:es',
  ' min_followers:1000',
  ' (outage OR down)',
]
/** Column queries as an operator writes them: brands with the usual modifiers. */
export const COLUMN_QUERIES = Array.from(
  { length: 50 },
  (_, i) => `${BRANDS[i % BRANDS.length]}${MODIFIERS[i % MODIFIERS.length]}`,
)
/** Archive searches of the query and team benchmarks. */
export const SEARCHES = [
  'comcast',
  'comcast sentiment:negative',
  '(comcast OR xfinity) "internet down"',
  'jetblue -is:repost',
  '"whole foods" prime',
  'ford (recall OR dealership)',
  '#oreo',
  '@comcastcares',
  'zappos lang:es',
  'has:links min_followers:100000',
  'sentiment:positive -jetblue',
  'outage OR delay OR cancelled',
]

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}
