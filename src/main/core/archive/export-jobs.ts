// Export jobs: `export.start` checks the request and counts the rows, then the
// file is streamed once, to an HTTP download (browser mode) or a file the user
// chose (desktop). Progress goes out as `export.progress` events, a few per
// second; cancelling aborts the stream and closes its statement.
import { randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import type { Writable } from 'node:stream'
import type { ExportJob, ExportProgress, ExportRequest } from '../../../shared/contracts/archive'
import { badRequest, CommandFailure, notFound } from '../errors'
import type { EventHub } from '../events'
import { planParallel, writeExport } from './export'
import { formatter } from './export-format'
import type { ExportQuery, Store } from '../store'

/** A prepared export that nobody fetched is forgotten after this long. */
const UNCLAIMED_MS = 10 * 60_000
const PROGRESS_EVERY_MS = 200

interface Job {
  request: ExportRequest
  query: ExportQuery
  info: ExportJob
  progress: ExportProgress
  abort: AbortController
  expiry: ReturnType<typeof setTimeout>
}

export interface ExportJobsOptions {
  store: Pick<Store, 'read' | 'openReader'>
  archivePath: string
  hub: EventHub
  now: () => number
  /** The built export worker script: large exports are read and formatted in worker threads. */
  exportWorker?: string | undefined
  /** Desktop: asks where to save (null when the user cancels). */
  saveDialog?: ((suggestedName: string) => Promise<string | null>) | undefined
}

export function exportFilename(label: string, extension: string, at: number): string {
  const slug =
    label
      .normalize('NFKD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .toLowerCase() || 'export'
  const stamp = new Date(at).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  return `earshot-${slug}-${stamp}.${extension}`
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>()

  constructor(private readonly o: ExportJobsOptions) {}

  /** Starts an export; "read" in it is `reader`'s. */
  start(request: ExportRequest, reader: string): ExportJob {
    if (request.since != null && request.until != null && request.until <= request.since)
      throw badRequest('the time range ends before it starts', ['until: must be after since'])
    // Everything accepted so far belongs in the file: the store's reads see it.
    const query = this.o.store.read.exportQuery(request, reader)
    const id = randomUUID()
    const total = this.o.store.read.countExportRows(query)
    const info: ExportJob = {
      id,
      filename: exportFilename(
        query.label,
        formatter(request.format, request.fields, request.bom).extension,
        this.o.now(),
      ),
      total,
      downloadPath: `/export/${id}`,
    }
    const job: Job = {
      request,
      query,
      info,
      progress: { id, state: 'ready', rows: 0, total, path: null, error: null },
      abort: new AbortController(),
      expiry: setTimeout(() => this.jobs.delete(id), UNCLAIMED_MS),
    }
    job.expiry.unref?.()
    this.jobs.set(id, job)
    return info
  }

  /** The job's file headers for an HTTP download. */
  describe(id: string): { filename: string; contentType: string } | undefined {
    const job = this.jobs.get(id)
    if (!job || job.progress.state !== 'ready') return undefined
    const f = formatter(job.request.format, job.request.fields, job.request.bom)
    return { filename: job.info.filename, contentType: f.contentType }
  }

  /** Streams a ready job into `out` (once). Resolves with its final progress; never rejects. */
  async run(id: string, out: Writable, path: string | null = null): Promise<ExportProgress> {
    const job = this.jobs.get(id)
    if (!job) throw notFound(`export ${id}`)
    if (job.progress.state !== 'ready') throw new CommandFailure('conflict', `export ${id} has already run`)
    clearTimeout(job.expiry)
    const update = (patch: Partial<ExportProgress>) => {
      job.progress = { ...job.progress, ...patch }
      this.o.hub.emit('export.progress', job.progress)
    }
    update({ state: 'running', path })
    let last = 0
    let reader: ReturnType<Store['openReader']> | undefined
    try {
      reader = this.o.store.openReader()
      const worker = this.o.exportWorker && { script: this.o.exportWorker, archivePath: this.o.archivePath }
      const rows = await writeExport(reader.read, job.request, job.query, out, {
        signal: job.abort.signal,
        parallel: planParallel(job.progress.total, job.query, worker || undefined),
        onRows: (n) => {
          job.progress.rows = n
          const t = Date.now()
          if (t - last >= PROGRESS_EVERY_MS) {
            last = t
            update({})
          }
        },
      })
      update({ state: 'done', rows })
    } catch (err) {
      if (job.abort.signal.aborted) update({ state: 'cancelled' })
      else update({ state: 'failed', error: err instanceof Error ? err.message : String(err) })
      if (!out.destroyed) out.destroy()
    } finally {
      reader?.close()
      this.jobs.delete(id)
    }
    return job.progress
  }

  /** Desktop: asks where to save, then writes the file there. */
  async save(id: string): Promise<ExportProgress> {
    const job = this.jobs.get(id)
    if (!job) throw notFound(`export ${id}`)
    if (!this.o.saveDialog)
      throw badRequest('saving to a file needs the desktop app; in a browser, download the export')
    const path = await this.o.saveDialog(job.info.filename)
    if (path === null) return this.cancel(id)
    const progress = await this.run(id, createWriteStream(path), path)
    // A cancelled or failed export leaves no half-written file behind.
    if (progress.state !== 'done') await rm(path, { force: true })
    return progress
  }

  cancel(id: string): ExportProgress {
    const job = this.jobs.get(id)
    if (!job) throw notFound(`export ${id}`)
    if (job.progress.state === 'ready') {
      clearTimeout(job.expiry)
      this.jobs.delete(id)
      job.progress = { ...job.progress, state: 'cancelled' }
      this.o.hub.emit('export.progress', job.progress)
    } else {
      job.abort.abort()
    }
    return job.progress
  }

  /** Stops every running export (the core is stopping). */
  close(): void {
    for (const job of this.jobs.values()) {
      clearTimeout(job.expiry)
      job.abort.abort()
    }
  }
}
