// Import benchmark: 1,000,000 twarc2 lines (BENCH_IMPORT=N), each an X API
// v2 filtered-stream response with its author in `includes`, read from a file
// through the same importer and ingest pipeline the CLI uses (sentiment in the
// worker thread, FTS5, routing to four columns). Peak RSS shows that the file
// is streamed, not loaded. Beside it, in the same run, the live ingest rate of
// the same posts pushed straight into the pipeline (no file, no parsing): the
// import's target is that rate, and at least 10,000 posts/s. Then the archive
// is exported as Earshot CSV and JSONL and each is imported into a fresh
// archive, and a tenth of the posts go through one X API v2 JSON document
// (pages of 100, as the API returns them; that format is read whole).
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { fork } from 'node:child_process'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDemoGenerator, type DemoGenerator } from '../src/main/core/connectors/demo'
import { normalizePage } from '../src/main/core/connectors/x/normalize'
import { openHeadlessIngest } from '../src/main/core/archive/headless-ingest'
import { ImportReport, runImport } from '../src/main/core/archive/import/importer'
import { writeExport } from '../src/main/core/archive/export'
import { EXPORT_FIELDS, type ImportFormat } from '../src/shared/contracts/archive'
import { exportQuery } from '../src/main/core/store/export-rows'
import { storeOf } from '../src/main/core/store/store'
import { insertColumn, listColumns } from '../src/main/core/store/columns'
import { openArchive, openReader } from '../src/main/core/store/db'
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

interface FormatRun {
  format: ImportFormat
  posts: number
  stored: number
  bad: number
  seconds: number
  postsPerSecond: number
  peakRssMB: number
}

/**
 * Imports one file into a fresh archive with the four columns, through the CLI's pipeline, in a
 * process of its own (as `earshot import` is), so its peak RSS is the import's alone.
 */
async function importFile(file: string, format: ImportFormat, archive: string): Promise<FormatRun & { hits: number }> {
  makeArchive(archive)
  const child = fork(__filename, [IMPORT_ONE, file, format, archive])
  let result: (FormatRun & { hits: number }) | undefined
  child.once('message', (m) => (result = m as FormatRun & { hits: number }))
  // 'close' comes after the IPC channel is drained: the result, if any, has arrived.
  const [code] = (await once(child, 'close')) as [number | null]
  if (!result) throw new Error(`the ${format} import of ${file} ended (exit code ${code}) without a result`)
  return result
}

async function importHere(file: string, format: ImportFormat, archive: string): Promise<FormatRun & { hits: number }> {
  const rss = rssSampler()
  const t0 = process.hrtime.bigint()
  const pipeline = openHeadlessIngest(archive, { sentimentWorker: join(__dirname, 'sentiment-worker.js') })
  const report = new ImportReport()
  await runImport(createReadStream(file, { encoding: 'utf8' }), { format }, pipeline.sink, report)
  await pipeline.ingest.close()
  await pipeline.close()
  const seconds = ms(t0) / 1000
  const memory = rss.stop()
  const check = openReader(archive)
  const stored = countMentions(check)
  const hits = (check.prepare('SELECT count(*) AS n FROM column_hits').get() as { n: number }).n
  check.close()
  return {
    format,
    posts: report.rows,
    stored,
    hits,
    bad: report.badCount,
    seconds: Number(seconds.toFixed(1)),
    postsPerSecond: Math.round(report.rows / seconds),
    peakRssMB: memory.peakMB,
  }
}

/** The archive as an Earshot export file (every field), for the CSV and JSONL imports. */
async function exportTo(archive: string, format: 'csv' | 'jsonl', file: string): Promise<void> {
  const reader = openReader(archive)
  try {
    const fields = [...EXPORT_FIELDS]
    const query = exportQuery(reader, { scope: { kind: 'query', query: '' }, fields }, '')
    const out = createWriteStream(file)
    await writeExport(storeOf(reader).read, { format, fields, bom: true }, query, out)
  } finally {
    reader.close()
  }
}

/** A tenth of the capture as one X API v2 JSON document: an array of search pages of 100 posts. */
function writeXJson(file: string, posts: number): void {
  const gen = createDemoGenerator({ seed: 5, runId: 'twarc' })
  const pages: unknown[] = []
  for (let i = 0; i < posts; i += 100) {
    const lines = Array.from({ length: Math.min(100, posts - i) }, (_, k) => twarcPage(gen, i + k) as XPage)
    pages.push({
      data: lines.map((l) => l.data),
      includes: { users: lines.map((l) => l.includes.users[0]) },
      meta: { result_count: lines.length },
    })
  }
  writeFileSync(file, JSON.stringify(pages))
}

interface XPage {
  data: unknown
  includes: { users: unknown[] }
}

function line(run: FormatRun & { hits: number }): string {
  return (
    `import ${run.format}: ${run.posts.toLocaleString()} posts -> ${run.stored.toLocaleString()} mentions ` +
    `(${run.hits.toLocaleString()} column hits, ${run.bad} bad) in ${run.seconds} s ` +
    `(${run.postsPerSecond.toLocaleString()} posts/s); peak RSS ${run.peakRssMB} MB`
  )
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
    const twarc = await importFile(file, 'twarc', archive)
    console.log(line(twarc))
    const live = await liveRate(join(dir, 'live.sqlite'))
    console.log(
      `  live ingest of the same posts, same run: ${live.toLocaleString()} mentions/s; ` +
        `the twarc import at ${((twarc.postsPerSecond / live) * 100).toFixed(0)}% of it`,
    )
    rmSync(file)
    const runs = [twarc]
    for (const format of ['csv', 'jsonl'] as const) {
      const exported = join(dir, `export.${format}`)
      await exportTo(archive, format, exported)
      const run = await importFile(exported, format, join(dir, `${format}.sqlite`))
      console.log(line(run))
      runs.push(run)
      rmSync(exported)
    }
    const xjson = join(dir, 'search.json')
    writeXJson(xjson, Math.ceil(N / 10))
    const x = await importFile(xjson, 'xjson', join(dir, 'xjson.sqlite'))
    console.log(line(x))
    runs.push(x)
    const result = {
      lines: N,
      megabytes,
      liveIngestPerSecond: live,
      ratioToLive: Number((twarc.postsPerSecond / live).toFixed(3)),
      formats: runs,
      node: process.version,
    }
    mkdirSync(RESULTS, { recursive: true })
    writeFileSync(join(RESULTS, 'import.json'), JSON.stringify(result, null, 2))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const IMPORT_ONE = '--import-one'

if (process.argv[2] === IMPORT_ONE) {
  const [file, format, archive] = process.argv.slice(3) as [string, ImportFormat, string]
  importHere(file, format, archive).then(
    (result) => process.send!(result, () => process.exit(0)),
    (err: unknown) => {
      console.error(err)
      process.exit(1)
    },
  )
} else {
  main().catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
}
