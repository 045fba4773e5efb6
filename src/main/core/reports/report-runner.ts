// Where reports are built. With the built report worker (report-worker.ts) a
// report runs on a thread of its own with its own read-only connection, so a
// month of four busy columns (seconds of SQLite) no longer stalls ingest, the
// live feed and every other command; without one (tests, callers that pass
// none) it runs on this thread, exactly as before, through the same reads.
// The worker builds one report at a time, from a queue held here, so that:
// - an identical report already waiting or running is shared, not run twice;
// - a report asked for by a view (the Reports view while the user changes the
//   range or the columns) replaces that view's older one: a waiting one leaves
//   the queue, a running one is abandoned at its next step (see checkpoint in
//   store/reports.ts), and its caller gets a 'conflict' error it no longer awaits.
import { Worker } from 'node:worker_threads'
import type { Report, ReportRequest } from '../../../shared/contracts/reports'
import { CommandFailure } from '../errors'
import type { Store } from '../store'
import type { ReportOutcome, ReportTask, ReportWorkerData } from './report-worker'

/** The archive a report reads (ReviewSession.target()). */
export interface ReportTarget {
  store: Pick<Store, 'read' | 'settle'>
  path: string
  review: boolean
}

interface Waiter {
  view: string | undefined
  resolve: (report: Report) => void
  reject: (err: Error) => void
}

interface Job {
  key: string
  task: ReportTask
  waiters: Waiter[]
  /** Running, but nobody waits for it any more: never shared with a new caller. */
  abandoned?: boolean
}

const replacedError = () =>
  new CommandFailure('conflict', 'a newer report from the same view replaced this one before it was done')

export class ReportRunner {
  private worker: Worker | undefined
  private readonly abandon = new Int32Array(new SharedArrayBuffer(4))
  private readonly queue: Job[] = []
  private running: Job | null = null
  private nextId = 1
  private closed = false

  constructor(private readonly options: { script?: string | undefined; livePath: string }) {}

  /** The report of `target` for `r`; `view` names the asking view, whose older report this one replaces. */
  async report(target: ReportTarget, r: ReportRequest, view?: string): Promise<Report> {
    const archive = { path: target.path, review: target.review }
    if (!this.options.script) return target.store.read.readReport(archive, r)
    // The worker reads the file on a connection of its own: what ingest accepted is committed first.
    target.store.settle()
    if (this.closed) throw new CommandFailure('unavailable', 'Earshot is stopping')
    const key = JSON.stringify([archive, r.columnIds, r.since, r.until, r.top])
    return new Promise<Report>((resolve, reject) => {
      const waiter: Waiter = { view, resolve, reject }
      let job = this.jobs().find((j) => j.key === key && !j.abandoned)
      if (job) job.waiters.push(waiter)
      else {
        job = { key, task: { id: this.nextId++, archive, request: r }, waiters: [waiter] }
        this.queue.push(job)
      }
      if (view !== undefined) this.replace(view, job)
      this.pump()
    })
  }

  /** Rejects every report still waiting or running, and stops the worker. */
  async close(): Promise<void> {
    this.closed = true
    const jobs = this.jobs()
    this.queue.length = 0
    this.running = null
    for (const job of jobs) this.settle(job, { error: new CommandFailure('unavailable', 'Earshot is stopping') })
    const worker = this.worker
    this.worker = undefined
    await worker?.terminate()
  }

  /** Drops `view`'s waiters from every job but `keep`; a job nobody waits for is dropped or abandoned. */
  private replace(view: string, keep: Job): void {
    for (const job of this.jobs()) {
      if (job === keep) continue
      const replaced = job.waiters.filter((w) => w.view === view)
      if (replaced.length === 0) continue
      job.waiters = job.waiters.filter((w) => w.view !== view)
      for (const w of replaced) w.reject(replacedError())
      if (job.waiters.length > 0) continue
      if (job === this.running) {
        job.abandoned = true
        Atomics.store(this.abandon, 0, job.task.id)
      } else this.queue.splice(this.queue.indexOf(job), 1)
    }
  }

  /** The running job, then the waiting ones in order. */
  private jobs(): Job[] {
    return [...(this.running ? [this.running] : []), ...this.queue]
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return
    const job = this.queue.shift()!
    this.running = job
    const worker = this.worker ?? this.start()
    // Held open only while a report is on its way, so an idle worker never keeps the process alive.
    worker.ref()
    worker.postMessage(job.task satisfies ReportTask)
  }

  private start(): Worker {
    const data: ReportWorkerData = { livePath: this.options.livePath, abandon: this.abandon }
    const worker = new Worker(this.options.script!, { workerData: data })
    worker.on('message', (outcome: ReportOutcome) => {
      const job = this.running
      if (!job || job.task.id !== outcome.id) return
      this.finish(job, outcome)
    })
    const stopped = (why: string) => {
      if (this.worker !== worker) return
      this.worker = undefined
      const job = this.running
      if (job) this.finish(job, { error: new Error(`the report worker stopped: ${why}`) })
    }
    worker.on('error', (err) => stopped(err.message))
    worker.on('exit', (code) => stopped(`exit code ${code}`))
    this.worker = worker
    return worker
  }

  private finish(job: Job, outcome: ReportOutcome | { error: Error }): void {
    this.running = null
    this.worker?.unref()
    this.settle(job, outcome)
    // The next report starts (a worker that stopped is started again).
    this.pump()
  }

  private settle(job: Job, outcome: ReportOutcome | { error: Error }): void {
    if ('report' in outcome) for (const w of job.waiters) w.resolve(outcome.report)
    else if ('error' in outcome) {
      const e = outcome.error
      // A CommandFailure in the worker is the same one here; anything else is an internal error, as in-thread.
      const err =
        e instanceof Error ? e : e.code ? new CommandFailure(e.code, e.message, e.issues) : new Error(e.message)
      for (const w of job.waiters) w.reject(err)
    } else for (const w of job.waiters) w.reject(replacedError())
  }
}
