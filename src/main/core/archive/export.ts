// Streams one export into a writable stream (an HTTP response, a file,
// stdout). Rows are read with .iterate() on a read-only connection of their
// own: the export sees one consistent snapshot, and a slow reader (a download
// over the network, a pipe into another program) never holds the writer's
// connection, so capture goes on meanwhile. The stream pulls the next batch
// only when the destination has room: memory stays flat whatever the size.
import Database from 'better-sqlite3'
import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ExportRequest } from '../../../shared/contracts/archive'
import type { Db } from '../store/db-types'
import { formatter } from './export-format'
import { iterateRows, type ExportQuery, type ExportRow } from './export-rows'

const BATCH_ROWS = 1_000

export interface ExportRunOptions {
  signal?: AbortSignal
  /** Called after each batch with the rows written so far. */
  onRows?: (rows: number) => void
}

/** A read-only connection for one export; close it when done. */
export function openReader(archivePath: string): Db {
  const db = new Database(archivePath, { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  return db
}

/** Writes the export to `out` and resolves with the number of rows once `out` has taken them all. */
export async function writeExport(
  reader: Db,
  req: Pick<ExportRequest, 'format' | 'fields' | 'bom'>,
  query: ExportQuery,
  out: Writable,
  options: ExportRunOptions = {},
): Promise<number> {
  const format = formatter(req.format, req.fields, req.bom)
  let rows = 0
  function* chunks(): Generator<string> {
    const head = format.head()
    if (head !== '') yield head
    let batch: ExportRow[] = []
    // Leaving the loop early (cancel, a closed download) closes the statement.
    for (const row of iterateRows(reader, req.fields, query)) {
      batch.push(row)
      if (batch.length === BATCH_ROWS) {
        yield format.rows(batch)
        rows += batch.length
        options.onRows?.(rows)
        batch = []
      }
    }
    if (batch.length > 0) {
      yield format.rows(batch)
      rows += batch.length
      options.onRows?.(rows)
    }
  }
  await pipeline(Readable.from(chunks(), { highWaterMark: 4 }), out, {
    ...(options.signal ? { signal: options.signal } : {}),
  })
  return rows
}
