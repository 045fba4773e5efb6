// A parallel export's worker thread (see export-parallel.ts): on a read-only
// connection of its own, it reads each slice it is handed, formats it and
// posts the text back, encoded, with the slice's index.
import { parentPort, workerData } from 'node:worker_threads'
import type { ExportField, ExportFormat } from '../../../shared/contracts/archive'
import { openReader } from '../store/db'
import { formatter } from './export-format'
import { readSlice, type ExportQuery, type ExportSlice } from '../store/export-rows'

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
const reader = openReader(data.archivePath)
const encoder = new TextEncoder()

parentPort!.on('message', ({ index, slice }: ExportWorkerTask) => {
  const rows = readSlice(reader, data.fields, data.query, slice)
  // Encoded here, so the writer's thread neither copies nor encodes the text.
  const bytes = encoder.encode(format.rows(rows))
  parentPort!.postMessage({ index, bytes, rows: rows.length } satisfies ExportWorkerResult, [bytes.buffer])
})
