// A parallel export's worker thread (see export-parallel.ts): on a read-only
// connection of its own, it reads each slice it is handed, formats it and
// posts the text back with the slice's index.
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
}

export interface ExportWorkerTask {
  index: number
  slice: ExportSlice
}

export interface ExportWorkerResult {
  index: number
  text: string
  rows: number
}

const data = workerData as ExportWorkerData
// The head (BOM, header line) is the writer's: a slice is rows only.
const format = formatter(data.format, data.fields, false)
const reader = openReader(data.archivePath)

parentPort!.on('message', ({ index, slice }: ExportWorkerTask) => {
  const rows: ExportRow[] = [...iterateRows(reader, data.fields, data.query, slice)]
  parentPort!.postMessage({ index, text: format.rows(rows), rows: rows.length } satisfies ExportWorkerResult)
})
