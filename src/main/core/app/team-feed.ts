// Live across consoles on a PostgreSQL archive, both ways. What this core
// changes in the shared archive (triage, columns, canned replies, the outbox,
// alerts and their settings, its operators' presence) is announced on the change feed as the UI events
// announce it to this core's own windows; what other writers announce reaches
// this core through the feed (store/pg/changes.ts) and is handed on as if it
// had happened here: new mentions to the live feed (cards in matching
// columns), alert detection and the sparklines' counts; other changes are read
// from the archive and emitted to this core's windows. This core's own batches
// are recognised by their ids, its own announcements by its identity.
import { randomUUID } from 'node:crypto'
import type { EventName, EventPayload } from '../../../shared/contract'
import { sharedOf } from '../../../shared/contracts/triage'
import type { Emitter } from '../lifetime'
import type { ColumnService } from '../columns/service'
import type { EventHub } from '../events'
import type { Committed } from '../pipeline/ingest'
import type { LiveFeed } from '../pipeline/live-feed'
import type { StatsTracker } from '../pipeline/stats'
import { ChangeFeed, type Change, type Store } from '../store'
import type { PresenceBoard } from '../team/presence'
import type { AlertService } from '../alerts/service'

/** Own ids remembered to tell own notifications from others' (a few minutes of capture). */
const OWN_IDS_KEPT = 200_000
/** Mention ids in one notification: well inside NOTIFY's 8,000 bytes. */
const IDS_PER_NOTICE = 400

export interface TeamFeedDeps {
  url: string
  store: Store
  live: LiveFeed
  committed: Emitter<readonly Committed[]>
  columns: ColumnService
  stats: StatsTracker
  hub: EventHub
  presence: () => PresenceBoard
  /** Alert detection (the detecting process reads edited settings again). */
  alerts: () => Pick<AlertService, 'reload'>
  /** The outbox has work another console queued (the sender's lease holder sends it). */
  outboxChanged: () => void
}

export class TeamFeed {
  /** This core among the archive's writers: its announcements carry it. */
  readonly id = randomUUID()
  private feed: ChangeFeed | undefined
  private readonly own = new Set<number>()
  private closed = false
  /** Emitting what another console changed: not announced back. */
  private relaying = false

  constructor(private readonly d: TeamFeedDeps) {
    d.hub.subscribe((name, payload) => {
      if (!this.relaying) this.announceEvent(name, payload)
    })
  }

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

  /** Tells the other consoles that this core's operator is (or is no longer) replying to a mention. */
  announcePresence(operator: string, mentionId: number | null): void {
    this.announce({ kind: 'presence', operator, mentionId })
  }

  async start(): Promise<void> {
    const feed = await ChangeFeed.open(this.d.url, {
      onChange: (change) => {
        if (change.by === this.id) return
        // Others' mentions are handed on as this core's own: what this core makes of them (an alert
        // it detects) is its own news and is announced; what it merely repeats from others is not.
        if (change.kind === 'mentions') return this.othersCommitted(change.from, change.to)
        try {
          this.relaying = true
          this.othersChanged(change)
        } catch (err) {
          console.error(`earshot: could not follow a change another console made (${change.kind}): ${String(err)}`)
        } finally {
          this.relaying = false
        }
      },
      // Notifications sent while the connection was down are lost: the sparklines and columns are read again.
      onResync: () => {
        this.relaying = true
        try {
          this.d.columns.reload()
        } finally {
          this.relaying = false
        }
      },
    })
    if (this.closed) await feed.close()
    else this.feed = feed
  }

  async close(): Promise<void> {
    this.closed = true
    await this.feed?.close()
  }

  private announce(change: Change): void {
    try {
      this.d.store.write.announce({ ...change, by: this.id })
    } catch (err) {
      // The change itself is in the archive: others see it on their next read.
      console.error(`earshot: could not tell the other consoles about a change (${change.kind}): ${String(err)}`)
    }
  }

  /** The UI events that stand for a change to the shared archive, announced to the other consoles. */
  private announceEvent<K extends EventName>(name: K, payload: EventPayload<K>): void {
    const p = payload as EventPayload<EventName>
    switch (name) {
      case 'triage.changed': {
        const ids = (p as EventPayload<'triage.changed'>).items.map((t) => t.mentionId)
        // A NOTIFY payload holds at most 8,000 bytes: a large change goes as several.
        for (let i = 0; i < ids.length; i += IDS_PER_NOTICE)
          this.announce({ kind: 'table', table: 'triage', ids: ids.slice(i, i + IDS_PER_NOTICE) })
        return
      }
      case 'triage.read.changed': {
        const { reader, items } = p as EventPayload<'triage.read.changed'>
        for (let i = 0; i < items.length; i += IDS_PER_NOTICE)
          this.announce({
            kind: 'table',
            table: 'mention_reads',
            keys: [reader],
            ids: items.slice(i, i + IDS_PER_NOTICE).map((t) => t.mentionId),
          })
        return
      }
      case 'triage.column.changed':
        return this.announce({
          kind: 'table',
          table: 'column_triage',
          keys: [(p as EventPayload<'triage.column.changed'>).columnId],
        })
      case 'triage.mark.changed': {
        const { reader, columnId } = p as EventPayload<'triage.mark.changed'>
        return this.announce({ kind: 'table', table: 'read_marks', keys: [reader, columnId] })
      }
      case 'columns.changed':
        return this.announce({ kind: 'table', table: 'columns' })
      case 'canned.changed':
        return this.announce({ kind: 'table', table: 'canned' })
      case 'alert.fired':
        return this.announce({ kind: 'table', table: 'alerts', ids: [(p as EventPayload<'alert.fired'>).id] })
      case 'alerts.read':
        return this.announce({ kind: 'table', table: 'alerts_read' })
      case 'alerts.settings.changed':
        return this.announce({ kind: 'table', table: 'alert_settings' })
      case 'reply.changed':
        return this.announce({ kind: 'table', table: 'outbox', ids: [(p as EventPayload<'reply.changed'>).id] })
    }
  }

  private othersChanged(change: Exclude<Change, { kind: 'mentions' }>): void {
    const { store, hub } = this.d
    switch (change.kind) {
      case 'deleted':
        this.d.live.forget(change.ids)
        this.d.columns.reloadStats()
        return hub.emit('mentions.removed', { ids: change.ids })
      case 'presence':
        return this.d.presence().apply(change.operator, change.mentionId)
      case 'table':
        switch (change.table) {
          case 'triage':
            return hub.emit('triage.changed', { items: store.read.getTriage('', change.ids ?? []).map(sharedOf) })
          case 'mention_reads': {
            // An operator's read state, from their console on another machine: to their windows here.
            const [reader = ''] = change.keys ?? []
            const ids = change.ids ?? []
            const read = store.read.getReads(reader, ids)
            return hub.emit('triage.read.changed', {
              reader,
              items: ids.map((mentionId) => ({ mentionId, read: read.has(mentionId) })),
            })
          }
          case 'column_triage':
            for (const columnId of change.keys ?? []) {
              const { filters, mutes } = store.read.getColumnTriage('', columnId)
              hub.emit('triage.column.changed', { columnId, filters, mutes })
            }
            return
          case 'read_marks': {
            const [reader = '', columnId = ''] = change.keys ?? []
            return hub.emit('triage.mark.changed', {
              reader,
              columnId,
              watermark: store.read.getReadMark(reader, columnId),
            })
          }
          case 'columns':
            this.d.columns.reload()
            return
          case 'alerts':
            // Detected by the process holding the detection lease: shown (and notified) everywhere.
            for (const alert of store.read.getAlerts(change.ids ?? [])) hub.emit('alert.fired', alert)
            return
          case 'alerts_read':
            return hub.emit('alerts.read', { unread: store.read.unreadAlerts() })
          case 'alert_settings':
            return this.d.alerts().reload()
          case 'canned':
            return hub.emit('canned.changed', store.read.listCanned())
          case 'outbox':
            for (const id of change.ids ?? []) {
              const item = store.read.getOutboxItem(id)
              if (item) hub.emit('reply.changed', item)
            }
            return this.d.outboxChanged()
        }
    }
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
}
