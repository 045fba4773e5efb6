// Parallel export: the rows are cut into contiguous slices (export-rows.ts
// sliceRows) and each slice is read and formatted by its own worker thread
// (export-worker.ts) while this thread only writes. Slices come out strictly
// in order: the writer drains slice 1, then 2, ...; a later worker works ahead
// by at most AHEAD batches and then waits, so memory stays flat.
import { Worker } from 'node:worker_threads'
import type { ExportField, ExportFormat } from '../../../shared/contracts/archive'
import type { ExportQuery, ExportSlice } from './export-rows'
import type { ExportWorkerData, ExportWorkerMessage } from './export-worker'

/** How many formatted batches a worker may hold ready before the writer takes them. */
const AHEAD = 8

export interface ParallelExport {
  /** The built export-worker.js. */
  script: string
  archivePath: string
  slices: ExportSlice[]
}

/** One slice's worker, with its posted batches queued until the writer takes them. */
class SliceWorker {
  private readonly worker: Worker
  private readonly credit = new Int32Array(new SharedArrayBuffer(4))
  private readonly queue: ExportWorkerMessage[] = []
  private failure: Error | null = null
  private wake: (() => void) | null = null

  constructor(script: string, data: Omit<ExportWorkerData, 'credit'>) {
    Atomics.store(this.credit, 0, AHEAD)
    this.worker = new Worker(script, { workerData: { ...data, credit: this.credit.buffer } })
    this.worker.on('message', (m: ExportWorkerMessage) => this.push(m))
    this.worker.on('error', (err) => this.fail(err))
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`export worker stopped (exit code ${code})`))
    })
  }

  private push(m: ExportWorkerMessage): void {
    this.queue.push(m)
    this.wake?.()
  }

  private fail(err: Error): void {
    this.failure ??= err
    this.wake?.()
  }

  /** The slice's batches in order; ends when the worker says it is done. */
  async *batches(): AsyncGenerator<{ text: string; rows: number }> {
    for (;;) {
      while (this.queue.length === 0) {
        if (this.failure) throw this.failure
        await new Promise<void>((resolve) => (this.wake = resolve))
        this.wake = null
      }
      const m = this.queue.shift()!
      if ('done' in m) return
      // One taken, one more may be made.
      Atomics.add(this.credit, 0, 1)
      Atomics.notify(this.credit, 0)
      yield m
    }
  }

  async stop(): Promise<void> {
    // A worker waiting for credit must be able to run to its end (or be stopped there).
    Atomics.store(this.credit, 0, 1 << 30)
    Atomics.notify(this.credit, 0)
    await this.worker.terminate()
  }
}

/** The export's rows as formatted text, slice after slice; stops every worker when left early. */
export async function* parallelBatches(
  plan: ParallelExport,
  req: { format: ExportFormat; fields: readonly ExportField[] },
  query: ExportQuery,
  batchRows: number,
): AsyncGenerator<{ text: string; rows: number }> {
  const workers = plan.slices.map(
    (slice) =>
      new SliceWorker(plan.script, {
        archivePath: plan.archivePath,
        format: req.format,
        fields: [...req.fields],
        query,
        slice,
        batchRows,
      }),
  )
  try {
    for (const w of workers) yield* w.batches()
  } finally {
    await Promise.all(workers.map((w) => w.stop()))
  }
}
