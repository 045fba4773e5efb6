// `earshot import`: reads a capture file into an archive through the ingest
// pipeline (dedupe, sentiment, routing to the stored columns). Bad rows are
// listed on stderr with their line numbers and skipped; the exit code tells a
// script whether any were (3).
import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { parseArgs } from 'node:util'
import {
  IMPORT_FIELDS,
  ImportFieldSchema,
  ImportFormatSchema,
  type ImportMapping,
} from '../../shared/contracts/archive'
import { openHeadlessIngest } from '../core/archive/headless-ingest'
import { ImportError, ImportReport, MAX_REPORTED_BAD_ROWS, runImport } from '../core/archive/import/importer'
import { archiveOption, makeArchiveFolder, UsageError } from './args'
import { ProgressPrinter } from './progress'

/** Exit code of an import that stored the good rows and skipped some bad ones. */
export const EXIT_BAD_ROWS = 3

export const IMPORT_USAGE = `  earshot import [--db PATH] --format twarc|xjson|csv|jsonl [--map field=header,...] FILE
      Import FILE ("-" for stdin) into the archive; rows already stored are kept once.
      twarc   twarc2 JSONL: one X API v2 response page (or flattened post) per line
      xjson   one X API v2 response (or an array of them) as a JSON document
      csv     an Earshot CSV export; with --map, any CSV: --map text=body,created_at=date,author_handle=user
              (fields: ${IMPORT_FIELDS.join(', ')}; text and created_at are needed)
      jsonl   an Earshot JSONL export
      Prints a summary to stderr, then each bad row as "line N: why". Exit 3 when some rows were bad.`

export function mappingOption(value: string | undefined): ImportMapping | undefined {
  if (value === undefined) return undefined
  const mapping: ImportMapping = {}
  for (const pair of value.split(',')) {
    const eq = pair.indexOf('=')
    const field = pair.slice(0, eq).trim()
    const header = pair.slice(eq + 1).trim()
    if (eq < 1 || header === '') throw new UsageError(`--map wants field=header pairs (got "${pair}")`)
    const parsed = ImportFieldSchema.safeParse(field)
    if (!parsed.success) throw new UsageError(`unknown field "${field}" in --map; fields: ${IMPORT_FIELDS.join(', ')}`)
    mapping[parsed.data] = header
  }
  return mapping
}

export async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { db: { type: 'string' }, format: { type: 'string' }, map: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  })
  const format = ImportFormatSchema.safeParse(values.format)
  if (!format.success) throw new UsageError('--format must be twarc, xjson, csv or jsonl')
  const mapping = mappingOption(values.map)
  if (mapping && format.data !== 'csv') throw new UsageError('--map applies to --format csv only')
  if (positionals.length !== 1) throw new UsageError('import needs exactly one FILE (or - for stdin)')
  const file = positionals[0]!
  if (file !== '-' && !existsSync(file)) throw new UsageError(`no such file: ${file}`)
  const archivePath = archiveOption(values.db)
  makeArchiveFolder(archivePath)

  const total = file === '-' ? null : statSync(file).size
  const input = countedText(file === '-' ? process.stdin : createReadStream(file))
  const progress = new ProgressPrinter(process.stderr, {
    label: `importing ${file === '-' ? 'stdin' : basename(file)}`,
  })
  const pipeline = openHeadlessIngest(archivePath, {
    sentimentWorker: join(__dirname, 'sentiment-worker.js'),
    log: (line) => progress.note(line),
  })
  const report = new ImportReport()
  const before = pipeline.store.read.countMentions()
  let stored: number
  try {
    const onProgress = () => progress.update(report.rows, total ? input.bytes / total : null)
    await runImport(input.text, { format: format.data, mapping, onProgress }, pipeline.sink, report)
  } catch (err) {
    if (err instanceof ImportError) throw new Error(`cannot import ${file}: ${err.message}`, { cause: err })
    throw err
  } finally {
    progress.end()
    // Commit what was accepted, then count what was new.
    try {
      await pipeline.ingest.close()
      stored = pipeline.store.read.countMentions() - before
    } finally {
      await pipeline.close()
    }
  }
  const known = report.accepted - stored
  process.stderr.write(
    `earshot: read ${report.rows} rows from ${file}: ${stored} new, ${known} already in the archive, ${report.badCount} bad\n`,
  )
  for (const bad of report.bad) process.stderr.write(`line ${bad.line}: ${bad.message}\n`)
  if (report.badCount > MAX_REPORTED_BAD_ROWS)
    process.stderr.write(`... and ${report.badCount - MAX_REPORTED_BAD_ROWS} more bad rows\n`)
  if (report.badCount > 0) process.exitCode = EXIT_BAD_ROWS
}

/** The input's text as it arrives, and how many bytes of it were read (the progress bar's share). */
function countedText(stream: AsyncIterable<Buffer>): { text: AsyncIterable<string>; bytes: number } {
  const counted = { bytes: 0, text: decode() }
  async function* decode(): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8')
    for await (const chunk of stream) {
      counted.bytes += chunk.length
      yield decoder.write(chunk)
    }
    const rest = decoder.end()
    if (rest) yield rest
  }
  return counted
}
