// One import run: reads the file as it arrives, turns each row into a mention
// (X API v2 pages, our own CSV/JSONL exports, or any CSV through a mapping),
// validates it against the domain schema, and hands batches to a sink that
// stores them through the ingest pipeline. A bad row is recorded with its
// line and skipped; the rest imports.
import type { BadRow, ImportFormat, ImportMapping, ImportField } from '../../../../shared/contracts/archive'
import { MentionInputSchema } from '../../../../shared/domain'
import type { ScoredInput } from '../../pipeline/ingest'
import { unneutralize } from '../../csv/neutralize'
import { readCsv, readLines, type Line, type Progress } from './readers'
import { OWN_MAPPING, isEarshotHeader, mappingProblem, rowToMention, type RowValue } from './records'
import { normalizePage } from '../../connectors/x/normalize'

/** Where imported mentions go; resolves when the sink can take more. */
export type ImportSink = (batch: ScoredInput[]) => Promise<void>

/** The whole file is unusable (wrong format, a mapping that does not fit): nothing more is read. */
export class ImportError extends Error {}

export const MAX_REPORTED_BAD_ROWS = 200
const BATCH = 500

export class ImportReport implements Progress {
  rows = 0
  accepted = 0
  badCount = 0
  consumed = 0
  readonly bad: BadRow[] = []

  addBad(line: number, message: string): void {
    this.rows++
    this.badCount++
    if (this.bad.length < MAX_REPORTED_BAD_ROWS) this.bad.push({ line, message })
  }
}

export interface ImportOptions {
  format: ImportFormat
  /** CSV only: which header fills which field; without it the file must be an Earshot CSV export. */
  mapping?: ImportMapping | undefined
  signal?: AbortSignal | undefined
  /** Called after each batch is stored. */
  onProgress?: (() => void) | undefined
}

export async function runImport(
  chunks: AsyncIterable<string>,
  options: ImportOptions,
  sink: ImportSink,
  report: ImportReport,
): Promise<void> {
  let batch: ScoredInput[] = []
  const add = async (line: number, candidate: ScoredInput | string) => {
    if (typeof candidate === 'string') return report.addBad(line, candidate)
    const checked = MentionInputSchema.safeParse(candidate)
    if (!checked.success) {
      const issue = checked.error.issues[0]
      return report.addBad(line, `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}`)
    }
    report.rows++
    report.accepted++
    // The parsed copy is the import's own: give it the score without copying it again.
    const mention: ScoredInput = checked.data
    if (candidate.sentiment !== undefined) {
      mention.sentiment = candidate.sentiment
      mention.sentimentLabel = candidate.sentimentLabel
      mention.sentimentScorer = candidate.sentimentScorer
    }
    batch.push(mention)
    if (batch.length >= BATCH) await flush()
  }
  const flush = async () => {
    options.signal?.throwIfAborted()
    if (batch.length > 0) await sink(batch)
    batch = []
    options.onProgress?.()
  }

  const lines = readLines(chunks, report)
  switch (options.format) {
    case 'twarc':
    case 'jsonl':
      for await (const line of lines) {
        if (line.text.trim() === '') continue
        let value: unknown
        try {
          value = JSON.parse(line.text)
        } catch (err) {
          report.addBad(line.no, `not JSON: ${(err as Error).message}`)
          continue
        }
        if (options.format === 'jsonl') {
          await add(line.no, objectRow(value))
          continue
        }
        let page
        try {
          page = normalizePage(value)
        } catch (err) {
          report.addBad(line.no, (err as Error).message)
          continue
        }
        for (const m of page.mentions) await add(line.no, m)
        for (const p of page.problems) report.addBad(line.no, p.message)
      }
      break
    case 'xjson':
      await importXJson(lines, add, report)
      break
    case 'csv':
      await importCsv(lines, options.mapping, add)
      break
  }
  await flush()
}

function objectRow(value: unknown): ScoredInput | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object'
  const row = value as Record<string, RowValue>
  return rowToMention((f) => row[f])
}

async function importXJson(
  lines: AsyncIterable<Line>,
  add: (line: number, m: ScoredInput | string) => Promise<void>,
  report: ImportReport,
): Promise<void> {
  // One JSON document: it has to be read whole. Items are numbered by their position.
  const parts: string[] = []
  for await (const line of lines) parts.push(line.text)
  let doc: unknown
  try {
    doc = JSON.parse(parts.join('\n'))
  } catch (err) {
    throw new ImportError(`not an X API v2 JSON file: ${(err as Error).message}`)
  }
  const pages = Array.isArray(doc) ? doc : [doc]
  let position = 0
  for (const value of pages) {
    let page
    try {
      page = normalizePage(value)
    } catch (err) {
      throw new ImportError(`not an X API v2 JSON file: ${(err as Error).message}`)
    }
    const count = page.mentions.length + page.problems.length
    const bad = new Map(page.problems.map((p) => [p.index, p.message]))
    let m = 0
    for (let i = 0; i < count; i++) {
      const message = bad.get(i)
      if (message !== undefined) report.addBad(position + i + 1, message)
      else await add(position + i + 1, page.mentions[m++]!)
    }
    position += count
  }
}

async function importCsv(
  lines: AsyncIterable<Line>,
  mapping: ImportMapping | undefined,
  add: (line: number, m: ScoredInput | string) => Promise<void>,
): Promise<void> {
  let headers: string[] | null = null
  let index: Partial<Record<ImportField, number>> = {}
  const own = mapping === undefined
  // Without a mapping the file must be our export; with one, its header line tells.
  let earshot = own
  for await (const item of readCsv(lines)) {
    if (headers === null) {
      if ('error' in item) throw new ImportError(`the header line ${item.line} is not valid CSV: ${item.error}`)
      headers = item.fields
      earshot ||= isEarshotHeader(headers)
      const wanted = own ? ownMapping(headers) : mapping
      const problem = mappingProblem(wanted, headers)
      if (problem) {
        throw new ImportError(
          own ? `this CSV is not an Earshot export (${problem}); import it with a column mapping` : problem,
        )
      }
      index = Object.fromEntries(Object.entries(wanted).map(([field, header]) => [field, headers!.indexOf(header)]))
      continue
    }
    if ('error' in item) {
      await add(item.line, item.error)
      continue
    }
    const { fields } = item
    if (fields.length !== headers.length) {
      await add(item.line, `expected ${headers.length} fields, found ${fields.length}`)
      continue
    }
    await add(
      item.line,
      rowToMention((f) => {
        const i = index[f]
        if (i === undefined) return undefined
        return earshot ? unneutralize(fields[i]!) : fields[i]
      }),
    )
  }
  if (headers === null) throw new ImportError('the file is empty')
}

/** An Earshot export holds only some fields: map those it has. */
function ownMapping(headers: readonly string[]): ImportMapping {
  return Object.fromEntries(Object.entries(OWN_MAPPING).filter(([, h]) => headers.includes(h)))
}
