// Import jobs fed over the contract: `import.start`, then the file's text in
// chunks (`import.chunk`, each answered once it is parsed and handed to the
// pipeline), the last one marked. Progress goes out as `import.progress`.
import { randomUUID } from 'node:crypto'
import type { ImportFormat, ImportMapping, ImportProgress } from '../../../shared/contracts/archive'
import { badRequest, notFound } from '../errors'
import type { EventHub } from '../events'
import type { Ingest, ScoredInput } from '../pipeline/ingest'
import { ChunkQueue } from './chunk-queue'
import { ImportError, ImportReport, runImport, type ImportSink } from './import/importer'

/** Above this many mentions waiting in the pipeline, an import waits for it to catch up. */
const HIGH_WATER = 20_000

/** Hands batches to the ingest pipeline without outrunning it (it sheds load past its queue limit). */
export function ingestSink(
  ingest: Pick<Ingest, 'push' | 'flush' | 'pending'>,
  /** Why the archive cannot be written, when it cannot (the import stops instead of waiting forever). */
  failure: () => unknown = () => undefined,
): ImportSink {
  return async (batch: ScoredInput[]) => {
    ingest.push(batch)
    while (ingest.pending > HIGH_WATER) {
      const err = failure()
      if (err !== undefined) throw err
      ingest.flush()
      await new Promise((r) => setTimeout(r, 5))
    }
  }
}

interface Job {
  queue: ChunkQueue
  report: ImportReport
  abort: AbortController
  progress: () => ImportProgress
  done: Promise<void>
  state: ImportProgress['state']
  error: string | null
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>()

  constructor(
    private readonly hub: EventHub,
    private readonly ingest: Pick<Ingest, 'push' | 'flush' | 'pending'>,
  ) {}

  start(format: ImportFormat, mapping: ImportMapping | undefined): ImportProgress {
    if (mapping && format !== 'csv') throw badRequest('a column mapping applies to CSV files only')
    const id = randomUUID()
    const report = new ImportReport()
    const queue = new ChunkQueue()
    const abort = new AbortController()
    const job: Job = {
      queue,
      report,
      abort,
      state: 'running',
      error: null,
      done: Promise.resolve(),
      progress: () => ({
        id,
        state: job.state,
        rows: report.rows,
        accepted: report.accepted,
        badCount: report.badCount,
        bad: [...report.bad],
        consumed: report.consumed,
        error: job.error,
      }),
    }
    let last = 0
    const emit = () => this.hub.emit('import.progress', job.progress())
    job.done = runImport(
      queue,
      {
        format,
        mapping,
        signal: abort.signal,
        onProgress: () => {
          const t = Date.now()
          if (t - last >= 200) {
            last = t
            emit()
          }
        },
      },
      ingestSink(this.ingest),
      report,
    ).then(
      () => {
        this.ingest.flush()
        job.state = 'done'
      },
      (err: unknown) => {
        job.state = abort.signal.aborted ? 'cancelled' : 'failed'
        job.error = abort.signal.aborted
          ? null
          : err instanceof ImportError
            ? err.message
            : `import failed: ${String(err)}`
        queue.fail(new Error(job.error ?? 'cancelled'))
      },
    )
    void job.done.finally(() => {
      emit()
      // Keep the finished job a little for a late chunk's answer.
      setTimeout(() => this.jobs.delete(id), 60_000).unref?.()
    })
    this.jobs.set(id, job)
    return job.progress()
  }

  async chunk(id: string, text: string, last: boolean): Promise<ImportProgress> {
    const job = this.get(id)
    if (job.state === 'running') {
      try {
        await job.queue.push(text)
      } catch {
        // The run ended (failed or cancelled): its progress says why.
      }
      if (last) {
        job.queue.end()
        await job.done
      }
    }
    return job.progress()
  }

  async cancel(id: string): Promise<ImportProgress> {
    const job = this.get(id)
    if (job.state === 'running') {
      job.abort.abort()
      job.queue.fail(new Error('cancelled'))
      await job.done
    }
    return job.progress()
  }

  close(): void {
    for (const job of this.jobs.values()) {
      job.abort.abort()
      job.queue.fail(new Error('cancelled'))
    }
  }

  private get(id: string): Job {
    const job = this.jobs.get(id)
    if (!job) throw notFound(`import ${id}`)
    return job
  }
}
