// A parallel export's worker thread (see export-parallel.ts): on a read-only
// connection of its own, it reads each slice it is handed, formats it and
// posts the text back, encoded, with the slice's index.
import { parentPort, workerData } from 'node:worker_threads'
import type { ExportField, ExportFormat } from '../../../shared/contracts/archive'
import { formatter } from './export-format'
import type { ExportQuery, ExportSlice } from '../store'
import { openStoreReader } from '../store'

export interface ExportWorkerData {
  archivePath: string
  format: ExportFormat
  fields: ExportField[]
  query: ExportQuery
}

export interface ExportWorkerTask {
  index: number
  slice: ExportSlice
}

export interface ExportWorkerResult {
  index: number
  /** The slice's text as UTF-8, moved (not copied) to the writer. */
  bytes: Uint8Array
  rows: number
}

const data = workerData as ExportWorkerData
// The head (BOM, header line) is the writer's: a slice is rows only.
const format = formatter(data.format, data.fields, false)
const reader = openStoreReader(data.archivePath).read
const encoder = new TextEncoder()

parentPort!.on('message', ({ index, slice }: ExportWorkerTask) => {
  const rows = reader.readExportSlice(data.fields, data.query, slice)
  // Encoded here, so the writer's thread neither copies nor encodes the text.
  const bytes = encoder.encode(format.rows(rows))
  parentPort!.postMessage({ index, bytes, rows: rows.length } satisfies ExportWorkerResult, [bytes.buffer])
})
