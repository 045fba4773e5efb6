// Reading an import file as it arrives, chunk by chunk: numbered lines, and
// CSV records with the line each starts on. A record ends at a line break
// outside quotes; one whose quote never closes within MAX_RECORD_LINES lines
// (or by the end of the file) is reported bad at its first line and reading
// resumes on the next line, so one stray quote cannot swallow the rest of the
// file. Fields are parsed by csv-parse, a batch of records at a time.
import { parse } from 'csv-parse/sync'

export interface Line {
  /** 1-based. */
  no: number
  text: string
  /** The line end it had ('\r\n', '\n', or '' for the last line): a quoted CSV field keeps it. */
  eol: string
}

export interface Progress {
  /** Characters consumed so far. */
  consumed: number
}

/**
 * The file's lines (without their line ends), a leading BOM dropped. Only each
 * new chunk is searched for line ends; a line longer than a chunk (an X API JSON
 * document is one line) is kept as its pieces and joined once, so reading it
 * costs its length, not its length squared.
 */
export async function* readLines(chunks: AsyncIterable<string>, progress: Progress): AsyncGenerator<Line> {
  let pieces: string[] = []
  let no = 0
  let first = true
  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      if (chunk.startsWith('\ufeff')) chunk = chunk.slice(1)
      first = false
    }
    progress.consumed += chunk.length
    let start = 0
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      const piece = chunk.slice(start, nl)
      const text = pieces.length === 0 ? piece : pieces.join('') + piece
      pieces = []
      const crlf = text.charCodeAt(text.length - 1) === 13
      yield { no: ++no, text: crlf ? text.slice(0, -1) : text, eol: crlf ? '\r\n' : '\n' }
      start = nl + 1
    }
    if (start < chunk.length) pieces.push(start === 0 ? chunk : chunk.slice(start))
  }
  if (pieces.length > 0) {
    const rest = pieces.join('')
    yield { no: no + 1, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, eol: '' }
  }
}

export const MAX_RECORD_LINES = 500

export type CsvItem = { line: number; fields: string[] } | { line: number; error: string }

function quotes(text: string): number {
  let n = 0
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++
  return n
}

function parseOne(text: string): string[] {
  return (parse(text, { relax_column_count: true }) as string[][])[0] ?? ['']
}

/** Splits the lines into records and parses their fields; empty lines are skipped. */
export async function* readCsv(lines: AsyncIterable<Line>, batchSize = 500): AsyncGenerator<CsvItem> {
  let open: Line[] = []
  let openQuotes = 0
  let batch: Array<{ line: number; text: string }> = []

  function* flushBatch(): Generator<CsvItem> {
    if (batch.length === 0) return
    let rows: string[][] | null
    try {
      rows = parse(batch.map((r) => r.text).join('\n'), { relax_column_count: true }) as string[][]
      if (rows.length !== batch.length) rows = null
    } catch {
      rows = null
    }
    for (let i = 0; i < batch.length; i++) {
      const r = batch[i]!
      if (rows) {
        yield { line: r.line, fields: rows[i]! }
        continue
      }
      // The batch failed: parse its records one by one to find the bad ones.
      try {
        yield { line: r.line, fields: parseOne(r.text) }
      } catch (err) {
        yield { line: r.line, error: csvMessage(err) }
      }
    }
    batch = []
  }

  /** Feeds one line; returns the items it completes. */
  function* feed(line: Line): Generator<CsvItem> {
    if (open.length === 0 && line.text === '') return
    open.push(line)
    openQuotes += quotes(line.text)
    if (openQuotes % 2 === 0) {
      const last = open.length - 1
      batch.push({ line: open[0]!.no, text: open.map((l, i) => (i < last ? l.text + l.eol : l.text)).join('') })
      open = []
      openQuotes = 0
      if (batch.length >= batchSize) yield* flushBatch()
    } else if (open.length >= MAX_RECORD_LINES) {
      yield* unclosed()
    }
  }

  /** The open record never closed: report its first line, re-read the lines after it. */
  function* unclosed(): Generator<CsvItem> {
    const [head, ...again] = open
    open = []
    openQuotes = 0
    yield* flushBatch()
    yield { line: head!.no, error: 'a quoted field is not closed' }
    for (const l of again) yield* feed(l)
  }

  for await (const line of lines) yield* feed(line)
  while (open.length > 0) yield* unclosed()
  yield* flushBatch()
}

function csvMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  // csv-parse counts lines within the one record it was given: drop its position.
  return message.replace(/\s*(at|on) line \d+.*$/i, '').replace(/^Invalid/, 'invalid') || 'not valid CSV'
}
