// The report worker thread (see report-runner.ts): builds each report it is
// handed on a read-only connection of its own to the archive the task names
// (the live one, or the one under review), so the core's thread goes on with
// ingest, the live feed and every other command meanwhile. Between a report's
// steps it looks at a flag the runner shares with it, and abandons a report
// nobody waits for any more.
import { statSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import type { ErrorCode } from '../../../shared/contract'
import type { Report, ReportRequest } from '../../../shared/contracts/reports'
import { CommandFailure } from '../errors'
import { openStoreReader, type StoreReader } from '../store'

export interface ReportWorkerData {
  livePath: string
  /** [0] holds the id of the task to abandon (ids only grow, so an old value never matches). */
  abandon: Int32Array
}

export interface ReportTask {
  id: number
  archive: Report['archive']
  request: ReportRequest
}

export type ReportOutcome =
  | { id: number; report: Report }
  | { id: number; error: { code?: ErrorCode; message: string; issues?: string[] } }
  | { id: number; abandoned: true }

class Abandoned extends Error {}

const data = workerData as ReportWorkerData
const readers = new Map<string, { reader: ReturnType<typeof openStoreReader>; file: string }>()

/** Which file a path names now: a review file closed and another opened at its path is another file. */
const fileAt = (path: string): string => {
  const st = statSync(path)
  return `${st.dev}:${st.ino}`
}

/** The task's archive; a review archive's connection is closed once reports move to another file. */
function readerFor(path: string): StoreReader {
  const file = fileAt(path)
  for (const [open, reader] of readers) {
    if ((open !== path && open !== data.livePath) || (open === path && reader.file !== file)) {
      reader.reader.close()
      readers.delete(open)
    }
  }
  let reader = readers.get(path)
  if (!reader) {
    reader = { reader: openStoreReader(path), file }
    readers.set(path, reader)
  }
  return reader.reader.read
}

function run({ id, archive, request }: ReportTask): ReportOutcome {
  try {
    const checkpoint = () => {
      if (Atomics.load(data.abandon, 0) === id) throw new Abandoned()
    }
    return { id, report: readerFor(archive.path).readReport(archive, request, { checkpoint }) }
  } catch (err) {
    if (err instanceof Abandoned) return { id, abandoned: true }
    if (err instanceof CommandFailure)
      return { id, error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } }
    return { id, error: { message: err instanceof Error ? err.message : String(err) } }
  }
}

parentPort!.on('message', (task: ReportTask) => parentPort!.postMessage(run(task) satisfies ReportOutcome))
