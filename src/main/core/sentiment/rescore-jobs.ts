// The console's re-score job: on the live archive or the one under review,
// one at a time, with progress as `rescore.progress` events. The work itself
// is rescoreArchive (shared with `earshot rescore`); this owns choosing the
// archive, refusing what cannot be done (a read-only review file, a second
// job), cancelling, and telling the live deck when its columns changed.
import { randomUUID } from 'node:crypto'
import type { RescoreProgress, RescoreStatus, RescoreTarget } from '../../../shared/contracts/sentiment'
import { CommandFailure, badRequest, notFound } from '../errors'
import type { EventHub } from '../events'
import type { AsyncScorer } from '../pipeline/sentiment-pool'
import type { ReviewSession } from '../review/session'
import type { Store } from '../store'
import { rescoreArchive } from './rescore'
import { CURRENT_SCORERS, SCORER } from './scorer'

/** At most this often a running job reports progress. */
const PROGRESS_MS = 200

export const READ_ONLY_REVIEW =
  'The archive under review is open read-only: open it again with "Allow changes" ticked to re-score it.'

export interface RescoreJobsOptions {
  hub: EventHub
  live: { store: Pick<Store, 'read' | 'write'>; path: string }
  review: Pick<ReviewSession, 'target'>
  /** The worker-thread scorer ingest uses; without one, pages are scored on the core's thread. */
  scorer?: AsyncScorer | undefined
  /** The live archive was re-scored (some of it): its statistics and its sentiment columns' hits changed. */
  onLiveRescored: () => void
}

interface Archive {
  store: Pick<Store, 'read' | 'write'>
  path: string
  blocked: string | null
}

interface Job {
  progress: RescoreProgress
  abort: AbortController
  done: Promise<void>
}

export class RescoreJobs {
  private job: Job | null = null

  constructor(private readonly o: RescoreJobsOptions) {}

  status(target: RescoreTarget): RescoreStatus {
    const archive = this.archive(target)
    const scorers = archive.store.read.scorerCounts()
    const job = this.job && this.job.progress.path === archive.path ? this.job.progress : null
    return {
      target,
      path: archive.path,
      current: SCORER,
      kept: [...CURRENT_SCORERS],
      scorers,
      stale: scorers.reduce((n, s) => (CURRENT_SCORERS.includes(s.scorer) ? n : n + s.count), 0),
      blocked: archive.blocked,
      job,
    }
  }

  start(target: RescoreTarget): RescoreProgress {
    if (this.job?.progress.state === 'running')
      throw new CommandFailure('conflict', `a re-score of ${this.job.progress.path} is already running`)
    const archive = this.archive(target)
    if (archive.blocked) throw badRequest(archive.blocked)
    const abort = new AbortController()
    const progress: RescoreProgress = {
      id: randomUUID(),
      target,
      path: archive.path,
      state: 'running',
      done: 0,
      total: 0,
      refilled: 0,
      error: null,
    }
    let last = 0
    const emit = () => this.o.hub.emit('rescore.progress', { ...progress })
    const run = rescoreArchive(archive.store, {
      ...(this.o.scorer ? { scorer: this.o.scorer } : {}),
      signal: abort.signal,
      onProgress: (done, total) => {
        progress.done = done
        progress.total = total
        const t = Date.now()
        if (t - last >= PROGRESS_MS) {
          last = t
          emit()
        }
      },
    })
    const job: Job = {
      progress,
      abort,
      done: run.then(
        ({ refilled }) => {
          progress.state = 'done'
          progress.refilled = refilled.length
          if (target === 'live') this.o.onLiveRescored()
        },
        (err: unknown) => {
          progress.state = abort.signal.aborted ? 'cancelled' : 'failed'
          progress.error = abort.signal.aborted ? null : this.failure(archive, err)
          // What was committed before the stop is re-scored: the deck shows it.
          if (target === 'live' && progress.done > 0) this.o.onLiveRescored()
        },
      ),
    }
    void job.done.finally(emit)
    this.job = job
    return { ...progress }
  }

  async cancel(id: string): Promise<RescoreProgress> {
    const job = this.job
    if (!job || job.progress.id !== id) throw notFound(`re-score ${id}`)
    if (job.progress.state === 'running') {
      job.abort.abort()
      await job.done
    }
    return { ...job.progress }
  }

  /** Stops a running job (the core is stopping); what it committed stays. */
  async close(): Promise<void> {
    this.job?.abort.abort()
    await this.job?.done
  }

  private archive(target: RescoreTarget): Archive {
    if (target === 'live') return { ...this.o.live, blocked: null }
    const t = this.o.review.target()
    if (!t.review) throw notFound('an archive under review')
    return { store: t.store, path: t.path, blocked: t.readOnly ? READ_ONLY_REVIEW : null }
  }

  private failure(archive: Archive, err: unknown): string {
    const t = this.o.review.target()
    if (archive.path !== this.o.live.path && (!t.review || t.path !== archive.path))
      return 'the archive under review was closed before the re-score finished; what was done is kept'
    return `re-score failed: ${err instanceof Error ? err.message : String(err)}`
  }
}
