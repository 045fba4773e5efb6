// Streams one export into a writable stream (an HTTP response, a file,
// stdout). Rows are read with .iterate() on a read-only connection of their
// own: the export sees one consistent snapshot, and a slow reader (a download
// over the network, a pipe into another program) never holds the writer's
// connection, so capture goes on meanwhile. The stream pulls the next batch
// only when the destination has room: memory stays flat whatever the size.
// A large export is read and formatted by worker threads, slice by slice
// (export-parallel.ts): this thread walks the keys and writes, and the console
// stays responsive. The slices are cut from the keys present when the export
// started; each worker reads its slices on a connection of its own.
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { availableParallelism } from 'node:os'
import type { ExportRequest } from '../../../shared/contracts/archive'
import { formatter } from './export-format'
import { startParallel, type ParallelExport } from './export-parallel'
import type { ExportQuery, ExportRow, StoreReader } from '../store'

const BATCH_ROWS = 1_000

export interface ExportRunOptions {
  signal?: AbortSignal
  /** Called after each batch with the rows written so far. */
  onRows?: (rows: number) => void
  /** Read and format in worker threads, one per slice (export-parallel.ts); otherwise on this thread. */
  parallel?: ParallelExport | undefined
}

/** Worker threads pay off from this many rows on; below it one thread is quicker. */
const PARALLEL_MIN_ROWS = 20_000

/**
 * Whether and how an export of `total` rows uses worker threads: one per core (at least two, at most
 * four), or none without a worker script, for a small export, or for one that searches words
 * (each slice would search the whole archive again).
 */
export function planParallel(
  total: number,
  query: Pick<ExportQuery, 'sliceable'>,
  worker: { script: string; archivePath: string } | undefined,
  workers = Math.min(4, Math.max(2, availableParallelism())),
): ParallelExport | undefined {
  if (!worker || total < PARALLEL_MIN_ROWS || !query.sliceable) return undefined
  return { ...worker, workers }
}

/** Writes the export to `out` and resolves with the number of rows once `out` has taken them all. */
export async function writeExport(
  reader: Pick<StoreReader, 'iterateExportRows' | 'cutExportAfter' | 'lastExportKey'>,
  req: Pick<ExportRequest, 'format' | 'fields' | 'bom'>,
  query: ExportQuery,
  out: Writable,
  options: ExportRunOptions = {},
): Promise<number> {
  const format = formatter(req.format, req.fields, req.bom)
  let rows = 0
  function* inThread(): Generator<{ text: string; rows: number }> {
    let batch: ExportRow[] = []
    // Leaving the loop early (cancel, a closed download) closes the statement.
    for (const row of reader.iterateExportRows(req.fields, query)) {
      batch.push(row)
      if (batch.length === BATCH_ROWS) {
        yield { text: format.rows(batch), rows: batch.length }
        batch = []
      }
    }
    if (batch.length > 0) yield { text: format.rows(batch), rows: batch.length }
  }
  const parallel = options.parallel && startParallel(options.parallel, reader, req, query)
  async function* chunks(): AsyncGenerator<string | Buffer> {
    const head = format.head()
    if (head !== '') yield head
    for await (const batch of parallel ? parallel.batches : inThread()) {
      yield batch.text
      rows += batch.rows
      options.onRows?.(rows)
    }
  }
  try {
    await pipeline(Readable.from(chunks(), { highWaterMark: 4 }), out, {
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } finally {
    await parallel?.close()
  }
  return rows
}
