// One slice of a parallel export (see export-parallel.ts), in a worker thread:
// reads its rows on a read-only connection of its own, formats them a batch at
// a time and posts the text. It runs at most `credit` batches ahead of the
// writer (a shared counter it waits on), so memory stays flat however slow the
// destination is.
import { parentPort, workerData } from 'node:worker_threads'
import type { ExportField, ExportFormat } from '../../../shared/contracts/archive'
import { openReader } from './export'
import { formatter } from './export-format'
import { iterateRows, type ExportQuery, type ExportRow, type ExportSlice } from './export-rows'

export interface ExportWorkerData {
  archivePath: string
  format: ExportFormat
  fields: ExportField[]
  query: ExportQuery
  slice: ExportSlice
  batchRows: number
  /** Int32 batches this worker may still post; the writer adds one for each batch it takes. */
  credit: SharedArrayBuffer
}

export type ExportWorkerMessage = { text: string; rows: number } | { done: true }

function run(data: ExportWorkerData): void {
  const credit = new Int32Array(data.credit)
  const post = (message: ExportWorkerMessage) => {
    for (;;) {
      const left = Atomics.load(credit, 0)
      if (left > 0) break
      Atomics.wait(credit, 0, left)
    }
    Atomics.sub(credit, 0, 1)
    parentPort!.postMessage(message)
  }
  // The head (BOM, header line) is the writer's: a slice is rows only.
  const format = formatter(data.format, data.fields, false)
  const reader = openReader(data.archivePath)
  try {
    let batch: ExportRow[] = []
    for (const row of iterateRows(reader, data.fields, data.query, data.slice)) {
      batch.push(row)
      if (batch.length === data.batchRows) {
        post({ text: format.rows(batch), rows: batch.length })
        batch = []
      }
    }
    if (batch.length > 0) post({ text: format.rows(batch), rows: batch.length })
  } finally {
    reader.close()
  }
  parentPort!.postMessage({ done: true } satisfies ExportWorkerMessage)
}

run(workerData as ExportWorkerData)
