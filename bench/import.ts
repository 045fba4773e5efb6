// Import benchmark: 1,000,000 twarc2 lines (BENCH_IMPORT=N), each an X API
// v2 filtered-stream response with its author in `includes`, read from a file
// through the same importer and ingest pipeline the CLI uses (sentiment in the
// worker thread, FTS5, routing to four columns). Peak RSS shows that the file
// is streamed, not loaded. Beside it, in the same run, the live ingest rate of
// the same posts pushed straight into the pipeline (no file, no parsing): the
// import's target is that rate, and at least 10,000 posts/s.
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDemoGenerator, type DemoGenerator } from '../src/main/core/connectors/demo'
import { normalizePage } from '../src/main/core/connectors/x/normalize'
import { openHeadlessIngest } from '../src/main/core/archive/headless-ingest'
import { ImportReport, runImport } from '../src/main/core/archive/import/importer'
import { insertColumn, listColumns } from '../src/main/core/store/columns'
import { openArchive } from '../src/main/core/store/db'
import { openReader } from '../src/main/core/store/db'
import { countMentions } from '../src/main/core/store/mentions'
import type { MentionInput } from '../src/shared/domain'
import { ms, RESULTS, rssSampler } from './archive'

const N = Number(process.env.BENCH_IMPORT ?? 1_000_000)
const COLUMNS = ['comcast OR xfinity', 'jetblue', '"whole foods"', 'ford']

const START = Date.UTC(2026, 0, 1)

/** Line i of the capture: an X API v2 filtered-stream response with its author in `includes`. */
function twarcPage(gen: DemoGenerator, i: number): unknown {
  const m = gen.next(START + i * 100)
  const userId = String(1_000_000 + (i % 50_000))
  return {
    data: {
      id: String(1_600_000_000_000_000_000n + BigInt(i)),
      text: m.text,
      author_id: userId,
      created_at: new Date(m.createdAt).toISOString(),
      lang: m.lang ?? 'en',
      edit_history_tweet_ids: [String(i)],
    },
    includes: {
      users: [
        {
          id: userId,
          username: m.author.handle,
          name: m.author.name,
          public_metrics: { followers_count: m.author.followers },
        },
      ],
    },
    matching_rules: [{ id: '1', tag: 'brands' }],
  }
}

async function writeTwarc(file: string): Promise<void> {
  const gen = createDemoGenerator({ seed: 5, runId: 'twarc' })
  const out = createWriteStream(file)
  for (let i = 0; i < N; i++) {
    if (!out.write(`${JSON.stringify(twarcPage(gen, i))}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

function makeArchive(path: string): void {
  const setup = openArchive(path)
  if (listColumns(setup).length === 0) for (const q of COLUMNS) insertColumn(setup, { title: q, query: q }, Date.now())
  setup.close()
}

/**
 * The same posts as the file, already normalized (outside the timing), pushed
 * into the pipeline as a connector does, 500 at a time: the live ingest rate
 * the import is measured against.
 */
async function liveRate(archive: string): Promise<number> {
  makeArchive(archive)
  const gen = createDemoGenerator({ seed: 5, runId: 'twarc' })
  const posts: MentionInput[] = []
  for (let i = 0; i < N; i++) posts.push(...normalizePage(twarcPage(gen, i)).mentions)
  const pipeline = openHeadlessIngest(archive, { sentimentWorker: join(__dirname, 'sentiment-worker.js') })
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < posts.length; i += 500) {
    await pipeline.sink(posts.slice(i, i + 500))
    await new Promise<void>((r) => setImmediate(r))
  }
  await pipeline.ingest.close()
  const seconds = ms(t0) / 1000
  await pipeline.close()
  return Math.round(posts.length / seconds)
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-import-'))
  try {
    const file = join(dir, 'capture.jsonl')
    const w0 = process.hrtime.bigint()
    await writeTwarc(file)
    const megabytes = Math.round(statSync(file).size / 2 ** 20)
    console.log(`wrote ${N.toLocaleString()} twarc lines (${megabytes} MB) in ${(ms(w0) / 1000).toFixed(1)} s`)

    const archive = join(dir, 'archive.sqlite')
    makeArchive(archive)

    const rssBefore = Math.round(process.memoryUsage().rss / 2 ** 20)
    const rss = rssSampler()
    const t0 = process.hrtime.bigint()
    const pipeline = openHeadlessIngest(archive, { sentimentWorker: join(__dirname, 'sentiment-worker.js') })
    const report = new ImportReport()
    await runImport(createReadStream(file, { encoding: 'utf8' }), { format: 'twarc' }, pipeline.sink, report)
    await pipeline.ingest.close()
    await pipeline.close()
    const check = openReader(archive)
    const stored = countMentions(check)
    const hits = (check.prepare('SELECT count(*) AS n FROM column_hits').get() as { n: number }).n
    check.close()
    const seconds = ms(t0) / 1000
    const memory = rss.stop()
    const live = await liveRate(join(dir, 'live.sqlite'))
    const result = {
      lines: N,
      megabytes,
      stored,
      bad: report.badCount,
      columnHits: hits,
      seconds: Number(seconds.toFixed(1)),
      linesPerSecond: Math.round(N / seconds),
      liveIngestPerSecond: live,
      ratioToLive: Number((N / seconds / live).toFixed(3)),
      rssBeforeMB: rssBefore,
      peakRssMB: memory.peakMB,
      node: process.version,
    }
    console.log(
      `import twarc: ${N.toLocaleString()} lines -> ${stored.toLocaleString()} mentions (${hits.toLocaleString()} column hits, ${report.badCount} bad) ` +
        `in ${seconds.toFixed(1)} s (${result.linesPerSecond.toLocaleString()} lines/s); RSS ${rssBefore} MB before, peak ${memory.peakMB} MB`,
    )
    console.log(
      `  live ingest of the same posts, same run: ${live.toLocaleString()} mentions/s; import at ${(result.ratioToLive * 100).toFixed(0)}% of it`,
    )
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(join(RESULTS, 'import.json'), JSON.stringify(result, null, 2))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
