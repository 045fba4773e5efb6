// The ingest pipeline: dedupe -> sentiment -> one batched transaction that
// stores mentions and their column hits together -> stats and live events
// after commit. A mention is either committed with its hits or not at all.
import type { MentionInput } from '../../../shared/domain'
import type { StoredMention, NewMention, StoreWriter } from '../store'
import type { Router } from './router'
import type { StatsTracker } from './stats'
import { RecentKeys, mentionKey } from './dedupe'
import type { SentimentLabel } from '../../../shared/domain'
import { IMPORTED_SCORER, SCORER, STARS_SCORER, starsSentiment } from '../sentiment/scorer'
import { inline, type AsyncScorer, type ScoredBatch } from './sentiment-pool'

/** A committed mention with the columns it was routed to. */
export type Committed = StoredMention

/** Where ingest hands each committed batch (the live feed), after the stats have counted it. */
export interface CommitSink {
  committed(batch: readonly Committed[]): void
}

/** A mention that may come with its sentiment already scored (an import of our own export). */
export type ScoredInput = MentionInput & {
  sentiment?: number | undefined
  sentimentLabel?: SentimentLabel | undefined
  sentimentScorer?: string | undefined
}

/** Whether a mention came with its own score and label (an import of an export), so it is not scored again. */
function ownScore(m: ScoredInput): m is ScoredInput & { sentiment: number; sentimentLabel: SentimentLabel } {
  return m.sentiment !== undefined && m.sentimentLabel !== undefined
}

/** A review without its own score is scored by its stars. */
function withStars(m: ScoredInput): ScoredInput {
  if (typeof m.rating !== 'number' || ownScore(m)) return m
  const { score, label } = starsSentiment(m.rating)
  return { ...m, sentiment: score, sentimentLabel: label, sentimentScorer: STARS_SCORER }
}

export interface IngestOptions {
  now: () => number
  /** Takes each commit's mentions (duplicates excluded). */
  sink: CommitSink
  /** Called when a commit fails (disk full, I/O error); the batch is kept and retried. */
  onError?: (err: unknown) => void
  flushMs?: number
  maxBatch?: number
  /** Above this many queued mentions the oldest are shed (counted in `dropped`). */
  maxQueued?: number
  /** Score in a worker thread; without one, sentiment is scored inline. */
  scorer?: AsyncScorer
}

export class Ingest {
  private queue: NewMention[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly recent = new RecentKeys()
  private readonly flushMs: number
  private readonly maxBatch: number
  private readonly maxQueued: number
  private retryMs = 0
  /** Batches being scored, enqueued in arrival order. */
  private scoring: Promise<void> = Promise.resolve()
  private inFlight = 0
  dropped = 0
  committed = 0

  constructor(
    private readonly writer: Pick<StoreWriter, 'commitMentions'>,
    private readonly router: Router,
    private readonly stats: StatsTracker,
    private readonly options: IngestOptions,
  ) {
    this.flushMs = options.flushMs ?? 25
    this.maxBatch = options.maxBatch ?? 2_000
    this.maxQueued = options.maxQueued ?? 500_000
  }

  push(inputs: readonly ScoredInput[]): void {
    const receivedAt = this.options.now()
    const fresh = inputs.filter((m) => this.recent.admit(mentionKey(m.source, m.externalId))).map(withStars)
    if (fresh.length === 0) return
    const { scorer } = this.options
    const toScore = fresh.filter((m) => !ownScore(m))
    const items = toScore.map((m) => ({ text: m.text, lang: m.lang }))
    if (!scorer || toScore.length === 0) {
      this.enqueue(fresh, receivedAt, inline(items))
      return
    }
    this.inFlight += fresh.length
    const scores = scorer.score(items)
    this.scoring = this.scoring.then(async () => {
      const scored = await scores
      this.inFlight -= fresh.length
      this.enqueue(fresh, receivedAt, scored)
    })
  }

  /** Queues a batch with its scores: `scored` holds, in order, those of the mentions that came without their own. */
  private enqueue(fresh: readonly ScoredInput[], receivedAt: number, scored: ScoredBatch): void {
    let next = 0
    for (const m of fresh) {
      if (ownScore(m)) {
        this.queue.push({ ...m, receivedAt, sentimentScorer: m.sentimentScorer ?? IMPORTED_SCORER })
        continue
      }
      const raw = scored.scores[next] ?? 0
      const sentimentLabel = scored.labels[next++] ?? 'unscored'
      const sentiment = Number.isFinite(raw) ? Math.max(-1, Math.min(1, raw)) : 0
      this.queue.push({ ...m, receivedAt, sentiment, sentimentLabel, sentimentScorer: SCORER })
    }
    if (this.queue.length > this.maxQueued) {
      const excess = this.queue.length - this.maxQueued
      this.queue.splice(0, excess)
      this.dropped += excess
    }
    if (this.queue.length >= this.maxBatch && this.retryMs === 0) this.flush()
    else this.schedule()
  }

  /** Whether this post was accepted lately (it may still be on its way to the archive). */
  accepted(source: string, externalId: string): boolean {
    return this.recent.has(mentionKey(source, externalId))
  }

  /**
   * Runs `fn` once everything accepted before now is committed (scored
   * batches included): an edit must find the post it edits.
   */
  afterCommitted(fn: () => void): void {
    this.scoring = this.scoring.then(() => this.whenCommitted(fn))
  }

  private whenCommitted(fn: () => void): void {
    this.flush()
    // The commit failed (a full disk, a locked file) and is retried: so is `fn`, after it, or a
    // delete would find nothing yet and the post would be stored for good by the retry.
    if (this.queue.length > 0) {
      setTimeout(() => this.whenCommitted(fn), Math.max(this.retryMs, 50)).unref?.()
      return
    }
    try {
      fn()
    } catch (err) {
      // The chain carries every later batch: one failure must not stop them.
      this.options.onError?.(err)
    }
  }

  /** Mentions accepted but not yet committed (being scored or queued). */
  get pending(): number {
    return this.queue.length + this.inFlight
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.flush()
    }, this.retryMs || this.flushMs)
  }

  /** Commits everything queued now. Safe to call at any time. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatch)
      let committed: Committed[]
      try {
        committed = this.commit(batch)
      } catch (err) {
        // Keep the batch: a full disk or a locked file must not lose mentions.
        this.retryMs = Math.min(Math.max(this.retryMs * 2, 500), 10_000)
        this.options.onError?.(err)
        this.schedule()
        return
      }
      this.retryMs = 0
      this.queue.splice(0, batch.length)
      this.committed += committed.length
      for (const c of committed) {
        for (const columnId of c.columns) {
          this.stats.add(columnId, c.mention.createdAt, c.mention.sentimentLabel, c.mention.sentiment)
        }
      }
      if (committed.length > 0) this.options.sink.committed(committed)
    }
  }

  private commit(batch: readonly NewMention[]): Committed[] {
    return this.writer.commitMentions(batch, (input) => this.router.route(input))
  }

  /** Waits for batches being scored, then commits everything. */
  async close(): Promise<void> {
    await this.scoring
    this.flush()
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }
}
