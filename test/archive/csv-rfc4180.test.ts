// Every CSV Earshot writes reads back exactly in readers that are not ours:
// csv-parse set up as strictly as Excel (any line break outside quotes ends a
// record, the Unicode ones too) and Python's csv module. Mentions with random
// nasty text (every line-break form, quotes, delimiters, formula leaders,
// emoji) go into a real archive; each export path (the export job on this
// thread, the worker threads; whole archive, time range, column, search) and
// the reports' series must give one record per row and every cell exactly,
// a formula cell with the one documented leading '. Earshot's own import of
// the export restores the original text. Uses the built export worker: needs
// `npm run build` first.
import { execFileSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app/core'
import { planParallel, writeExport } from '../../src/main/core/archive/export'
import { openReader } from '../../src/main/core/store/db'
import { exportQuery } from '../../src/main/core/store/export-rows'
import { storeOf } from '../../src/main/core/store/store'
import type { ExportField, ExportJob, ExportRequest, ImportProgress } from '../../src/shared/contracts/archive'
import type { Report } from '../../src/shared/contracts/reports'
import type { Column } from '../../src/shared/domain'
import { mentionInput, ok, tempArchive, tempDir, TEST_CORE } from '../helpers'

const WORKER = join(__dirname, '../../out/main/export-worker.js')

const LINE_BREAKS = ['\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085']
const FORMULA_LEADERS = ['=', '+', '-', '@', '\t', '\r']
const PARTS = [...LINE_BREAKS, ...FORMULA_LEADERS, '"', '""', ',', ';', "'", ' ', 'é', '😀', '👩🏽‍💻', 'שלום']
/** A word no generated text holds: the search scope's query leaves it out. */
const ABSENT = 'qzxv'

function nasty(maxParts: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...PARTS) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      ),
      { minLength: 1, maxLength: maxParts },
    )
    .map((parts) => parts.join(''))
    .filter((s) => s.trim() !== '' && s.length <= maxLength && !s.includes('\0') && !s.includes(ABSENT))
}

/** The documented guard (README): a cell a spreadsheet would run gets one leading '. */
const guarded = (text: string): string => (/^'*[=+\-@\t\r]/.test(text) ? `'${text}` : text)

/** csv-parse as strict as the strictest consumer: any line break outside quotes ends a record. */
function strictParse(csv: string): string[][] {
  return parse(csv, {
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r', '\u2028', '\u2029', '\u0085'],
  }) as string[][]
}

/** Python's csv module reading the file as its documentation says (newline=''). */
function pythonParse(csv: string): string[][] {
  const file = join(tempDir('earshot-csv-py-'), 'export.csv')
  writeFileSync(file, csv)
  const script = [
    'import csv, json, sys',
    "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:",
    '    print(json.dumps(list(csv.reader(f))))',
  ].join('\n')
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as string[][]
}

const FIELDS: ExportField[] = ['id', 'created_at', 'author_handle', 'author_name', 'text', 'sentiment']
const T0 = Date.UTC(2026, 2, 1)
const HOUR = 3_600_000

interface Post {
  text: string
  name: string
}

type Scope = 'archive' | 'range' | 'column' | 'search'

let cores: Core[] = []
function start(archivePath = tempArchive()): Core {
  const core = createCore({ archivePath, ...TEST_CORE })
  core.start()
  cores.push(core)
  return core
}
afterEach(async () => {
  await Promise.all(cores.map((c) => c.stop()))
  cores = []
})

/** An archive holding the posts (ids p0…, a minute apart), a column matching all of them, and one older post. */
async function archiveOf(posts: readonly Post[]): Promise<{ core: Core; column: Column; path: string }> {
  const path = tempArchive()
  const core = start(path)
  const column = ok<Column>(await core.call('columns.create', { title: 'All', query: 'lang:en' }))
  core.ingest.push([
    // Outside the time range, and in no column: only the whole-archive export holds it.
    mentionInput({
      externalId: 'old',
      createdAt: T0 - 48 * HOUR,
      text: 'older',
      lang: 'de',
      author: { handle: 'old-author', name: 'Old', followers: 1, avatarUrl: null, verified: false },
    }),
    ...posts.map((p, i) =>
      mentionInput({
        externalId: `p${i}`,
        createdAt: T0 + i * 60_000,
        text: p.text,
        author: { handle: `h${i}`, name: p.name, followers: 1, avatarUrl: null, verified: false },
      }),
    ),
  ])
  core.ingest.flush()
  return { core, column, path }
}

function requestFor(scope: Scope, column: Column): ExportRequest {
  const base = { format: 'csv' as const, fields: FIELDS, bom: true }
  switch (scope) {
    case 'archive':
      return { ...base, scope: { kind: 'query', query: '' } }
    case 'range':
      return { ...base, scope: { kind: 'query', query: '' }, since: T0, until: T0 + 24 * HOUR }
    case 'column':
      return { ...base, scope: { kind: 'column', columnId: column.id } }
    case 'search':
      return { ...base, scope: { kind: 'query', query: `lang:en -${ABSENT}` } }
  }
}

/** The export job as the console runs it (this thread: a small export). */
async function exportByJob(core: Core, request: ExportRequest): Promise<string> {
  const job = ok<ExportJob>(await core.call('export.start', request))
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (d: Buffer) => parts.push(d))
  const progress = await core.archive.exports.run(job.id, out)
  expect(progress.state).toBe('done')
  return Buffer.concat(parts).toString('utf8')
}

/** The same export read and formatted by worker threads (tiny slices, so many of them). */
async function exportByWorkers(archivePath: string, request: ExportRequest): Promise<string | null> {
  const reader = openReader(archivePath)
  try {
    const query = exportQuery(reader, request, '')
    const plan = planParallel(1_000_000, query, { script: WORKER, archivePath }, 2)
    // A search is never sliced: it always runs on one thread.
    if (!plan) return null
    const out = new PassThrough()
    const parts: Buffer[] = []
    out.on('data', (d: Buffer) => parts.push(d))
    await writeExport(storeOf(reader).read, request, query, out, { parallel: { ...plan, sliceRows: 3 } })
    return Buffer.concat(parts).toString('utf8')
  } finally {
    reader.close()
  }
}

/** The records a reader got back are the header, then one record per post, every cell exact. */
function expectExact(records: string[][], posts: readonly Post[], scope: Scope): void {
  expect(records[0]).toEqual(FIELDS)
  const rows = records.slice(1)
  const expected = posts.map((p, i) => [
    `p${i}`,
    new Date(T0 + i * 60_000).toISOString(),
    `h${i}`,
    guarded(p.name),
    guarded(p.text),
  ])
  if (scope === 'archive') expected.push(['old', new Date(T0 - 48 * HOUR).toISOString(), 'old-author', 'Old', 'older'])
  // One record per mention, whatever order the scope sorts them in.
  const byId = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : 1)
  expect(rows.map((r) => r.slice(0, 5)).sort(byId)).toEqual(expected.sort(byId))
  for (const r of rows) {
    expect(r).toHaveLength(FIELDS.length)
    expect(Number.isFinite(Number(r[5]))).toBe(true)
  }
}

/** Earshot's own import, fed in chunks as the console sends a file. */
async function importBack(csv: string, chunk: number, extra: object = {}): Promise<Map<string, Post>> {
  const core = start()
  const { id } = ok<ImportProgress>(await core.call('import.start', { format: 'csv', ...extra }))
  let progress: ImportProgress | undefined
  for (let i = 0; ; i += chunk) {
    const last = i + chunk >= csv.length
    progress = ok<ImportProgress>(await core.call('import.chunk', { id, text: csv.slice(i, i + chunk), last }))
    if (last) break
  }
  expect(progress).toMatchObject({ state: 'done', badCount: 0 })
  const rows = core.db.prepare('SELECT external_id, text, author_name FROM mentions').all() as Array<{
    external_id: string
    text: string
    author_name: string
  }>
  return new Map(rows.map((r) => [r.external_id, { text: r.text, name: r.author_name }]))
}

function expectRestored(back: Map<string, Post>, posts: readonly Post[]): void {
  posts.forEach((p, i) => expect(back.get(`p${i}`)).toEqual(p))
}

const postArb = fc.record({ text: nasty(10, 2_000), name: nasty(5, 200) })
const SCOPES: Scope[] = ['archive', 'range', 'column', 'search']

describe('CSV that every reader reads back exactly', () => {
  beforeAll(() => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first`)
  })

  it('exports, on this thread and in workers, in every scope, parse back cell for cell; the import restores the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(postArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...SCOPES),
        fc.integer({ min: 1, max: 200 }),
        async (posts, scope, chunk) => {
          try {
            const { core, column, path } = await archiveOf(posts)
            const request = requestFor(scope, column)
            const csv = await exportByJob(core, request)
            expectExact(strictParse(csv), posts, scope)
            const byWorkers = await exportByWorkers(path, request)
            if (byWorkers !== null) {
              expectExact(strictParse(byWorkers), posts, scope)
              expect(byWorkers).toBe(csv)
            }
            expectRestored(await importBack(csv, chunk), posts)
          } finally {
            await Promise.all(cores.map((c) => c.stop()))
            cores = []
          }
        },
      ),
      { numRuns: 40 },
    )
  }, 120_000)

  it('the reports’ CSV quotes and guards column titles the same way', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(nasty(4, 80), { minLength: 1, maxLength: 3 }), async (titles) => {
        try {
          const core = start()
          const columns: Column[] = []
          for (const title of titles) columns.push(ok<Column>(await core.call('columns.create', { title, query: 'x' })))
          const r = { columnIds: columns.map((c) => c.id), since: T0, until: T0 + 6 * HOUR }
          const report = ok<Report>(await core.call('reports.get', r))
          const { csv } = ok<{ csv: string }>(await core.call('reports.csv', r))
          const records = strictParse(csv)
          expect(records).toHaveLength(1 + report.buckets.length * titles.length)
          for (const record of records.slice(1)) expect(record).toHaveLength(records[0]!.length)
          expect(records.slice(1).map((rec) => rec[2])).toEqual(report.buckets.flatMap(() => titles.map(guarded)))
        } finally {
          await Promise.all(cores.map((c) => c.stop()))
          cores = []
        }
      }),
      { numRuns: 25 },
    )
  }, 60_000)

  const HANDFUL: Post[] = [
    { text: 'one\ntwo', name: 'lf' },
    { text: 'one\rtwo', name: 'cr' },
    { text: 'one\r\ntwo\n\rthree\r', name: 'crlf\r\n' },
    { text: 'line\u2028sep\u2029para\u0085nel', name: 'u\u2028' },
    { text: '=HYPERLINK("http://x","click"), ok', name: '@admin' },
    { text: '+1 -1 @you', name: '-5' },
    { text: '\tTAB first', name: '\rCR first' },
    { text: "'=already guarded?", name: "'" },
    { text: 'say ""hi"", ok; 😀👩🏽‍💻', name: '"' },
  ]

  it('Python’s csv module reads the same cells back, from this thread, the workers and the reports', async () => {
    const { core, column, path } = await archiveOf(HANDFUL)
    for (const scope of SCOPES) {
      const request = requestFor(scope, column)
      expectExact(pythonParse(await exportByJob(core, request)), HANDFUL, scope)
      const byWorkers = await exportByWorkers(path, request)
      if (byWorkers !== null) expectExact(pythonParse(byWorkers), HANDFUL, scope)
    }
    const titles = ['=cmd', 'a\nb', 'c\rd', 'e\u2028f']
    const ids: string[] = []
    for (const title of titles) ids.push(ok<Column>(await core.call('columns.create', { title, query: 'x' })).id)
    const r = { columnIds: ids, since: T0, until: T0 + 2 * HOUR }
    const report = ok<Report>(await core.call('reports.get', r))
    const records = pythonParse(ok<{ csv: string }>(await core.call('reports.csv', r)).csv)
    expect(records).toHaveLength(1 + report.buckets.length * titles.length)
    expect(records.slice(1).map((rec) => rec[2])).toEqual(report.buckets.flatMap(() => titles.map(guarded)))
  })

  it('the import restores the text of an Earshot export mapped column by column, too', async () => {
    const { core } = await archiveOf(HANDFUL)
    const csv = await exportByJob(core, requestFor('range', {} as Column))
    const mapping = Object.fromEntries(['id', 'created_at', 'author_handle', 'author_name', 'text'].map((f) => [f, f]))
    expectRestored(await importBack(csv, 64, { mapping }), HANDFUL)
    // Any other CSV is taken as it is: its apostrophes are its own.
    const other = "body,when\r\n'=1,2026-03-01T00:00:00Z\r\n"
    const back = await importBack(other, 64, { mapping: { text: 'body', created_at: 'when' } })
    expect([...back.values()].map((p) => p.text)).toEqual(["'=1"])
  })
})
