// Live across consoles on a PostgreSQL archive: what other writers (the
// capture host, other consoles) commit reaches this core through the change
// feed (store/pg/changes.ts), and is handed on as if this core's own ingest
// had committed it: to the live feed (cards in matching columns), to alert
// detection, and the sparklines' counts (as ingest counts its own). This core's own batches are
// recognised by their ids and not handed on twice.
import type { Emitter } from '../lifetime'
import type { ColumnService } from '../columns/service'
import type { EventHub } from '../events'
import type { Committed } from '../pipeline/ingest'
import type { LiveFeed } from '../pipeline/live-feed'
import type { StatsTracker } from '../pipeline/stats'
import { ChangeFeed, type Store } from '../store'

/** Own ids remembered to tell own notifications from others' (a few minutes of capture). */
const OWN_IDS_KEPT = 200_000

export interface TeamFeedDeps {
  url: string
  store: Store
  live: LiveFeed
  committed: Emitter<readonly Committed[]>
  columns: ColumnService
  stats: StatsTracker
  hub: EventHub
}

export class TeamFeed {
  private feed: ChangeFeed | undefined
  private readonly own = new Set<number>()
  private closed = false

  constructor(private readonly d: TeamFeedDeps) {}

  /** What this core's ingest committed itself (handed on already). */
  ownCommitted(batch: readonly Committed[]): void {
    for (const c of batch) this.own.add(c.mention.id)
    if (this.own.size > OWN_IDS_KEPT) {
      const drop = this.own.size - OWN_IDS_KEPT
      let n = 0
      for (const id of this.own) {
        if (n++ >= drop) break
        this.own.delete(id)
      }
    }
  }

  async start(): Promise<void> {
    const feed = await ChangeFeed.open(this.d.url, {
      onChange: (change) => {
        if (change.kind === 'mentions') this.othersCommitted(change.from, change.to)
        else if (change.kind === 'deleted') {
          this.d.live.forget(change.ids)
          this.d.columns.reloadStats()
          this.d.hub.emit('mentions.removed', { ids: change.ids })
        }
      },
      // Notifications sent while the connection was down are lost: the sparklines read the archive again.
      onResync: () => this.d.columns.reloadStats(),
    })
    if (this.closed) await feed.close()
    else this.feed = feed
  }

  private othersCommitted(from: number, to: number): void {
    let batch: Committed[]
    try {
      batch = this.d.store.read.storedInRange(from, to).filter((c) => !this.own.has(c.mention.id))
    } catch (err) {
      console.error(`earshot: could not read mentions ${from}-${to} another writer stored: ${String(err)}`)
      return
    }
    if (batch.length === 0) return
    // Counted into the sparklines hit by hit, as ingest counts its own batches (no re-read of the archive).
    for (const c of batch)
      for (const columnId of c.columns)
        this.d.stats.add(columnId, c.mention.createdAt, c.mention.sentimentLabel, c.mention.sentiment)
    this.d.live.committed(batch)
    this.d.committed.fire(batch)
  }

  async close(): Promise<void> {
    this.closed = true
    await this.feed?.close()
  }
}
