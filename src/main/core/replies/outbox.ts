// The reply outbox: queues replies under their idempotency keys, sends them one
// at a time through each source's ReplyChannel, and records every state change
// in the archive before acting on it, so a crash never leads to a double post.
// On an archive shared by several consoles, only the holder of a source's
// sender lease sends that source's replies (team/lease.ts); a new holder
// first checks at the source whether what the last one left mid-send went out.
import type { OutboxItem, ReplyMode, ReplyPolicy } from '../../../shared/contracts/replies'
import { SOURCE_IDS, type Mention, type SourceId } from '../../../shared/domain'
import { badRequest, CommandFailure, notFound } from '../errors'
import type { EventHub } from '../events'
import type { OutboxUpdate, Store } from '../store'
import { ReplyError, type OutgoingReply, type ReplyChannel } from './channel'
import { LEASE_TTL_MS, Leases } from '../team/lease'
import { canTake, nextState, type OutboxEvent } from './state'

export interface OutboxOptions {
  store: Pick<Store, 'read' | 'write'>
  hub: EventHub
  now: () => number
  /** The reply channel of a source, when it has one configured. */
  channel: (source: SourceId) => ReplyChannel | undefined
  /** This process's leases on the archive (shared with alert detection); default: its own. */
  leases?: Leases
}

export interface SendRequest {
  key: string
  mentionId: number
  mode: ReplyMode
  text: string
  /** Send even though the mention was answered within ANSWERED_WINDOW_MS. */
  again?: boolean
}

/** A second reply to a mention within this long of the first needs `again` (two operators, one mention). */
export const ANSWERED_WINDOW_MS = 10 * 60_000

const NO_CHANNEL: Partial<Record<SourceId, string>> = {
  x: 'Replies on X need user credentials (OAuth 1.0a user tokens): add them in Sources.',
  bluesky: 'Replies on Bluesky need your handle and an app password: add them in Sources.',
  mastodon: 'Replies on Mastodon need an access token: add it in Sources.',
  rss: 'Feed items cannot be answered from Earshot.',
  import: 'Imported mentions cannot be answered from Earshot.',
  replay: 'Replayed mentions cannot be answered from Earshot.',
}

export class Outbox {
  private pumping: Promise<void> | null = null
  private closed = false
  private timer: ReturnType<typeof setInterval> | undefined
  readonly lease: Leases

  constructor(private readonly o: OutboxOptions) {
    this.lease = o.leases ?? new Leases(o.store, o.now)
  }

  policy(mentionId: number): ReplyPolicy {
    const mention = this.mention(mentionId)
    const channel = this.o.channel(mention.source)
    if (!channel) {
      return {
        source: mention.source,
        counting: 'graphemes',
        limit: 500,
        reply: { allowed: false, reason: NO_CHANNEL[mention.source] ?? 'This source takes no replies.' },
        quote: false,
        openUrl: mention.url,
        account: null,
      }
    }
    return { source: mention.source, ...channel.policy(mention) }
  }

  /** Queues a reply (or returns the one already queued under this key) and starts sending. */
  send(request: SendRequest): OutboxItem {
    const mention = this.mention(request.mentionId)
    const policy = this.policy(request.mentionId)
    const allowed = request.mode === 'reply' ? policy.reply.allowed : policy.quote
    if (!allowed) {
      throw new CommandFailure(
        'conflict',
        request.mode === 'reply'
          ? (policy.reply.reason ?? 'A reply is not possible here.')
          : 'A quote is not possible here.',
      )
    }
    // The draft that held the key goes with the enqueue, so a spent key is never offered again.
    const now = this.o.now()
    const { item, created, answered } = this.o.store.write.enqueueDraftReply({
      key: request.key,
      source: mention.source,
      mentionId: mention.id,
      targetId: mention.externalId,
      mode: request.mode,
      text: request.text,
      now,
      ...(request.again ? {} : { answeredSince: now - ANSWERED_WINDOW_MS }),
    })
    if (answered) {
      const ago = Math.max(1, Math.round((now - answered.createdAt) / 1000))
      throw new CommandFailure(
        'conflict',
        `already answered ${ago < 60 ? `${ago} s` : `${Math.round(ago / 60)} min`} ago ` +
          `(${answered.state === 'sent' ? 'sent' : 'on its way'}): "${answered.text.slice(0, 80)}". ` +
          'Send again to reply as well.',
      )
    }
    if (!created && (item.mentionId !== mention.id || item.text !== request.text)) {
      throw new CommandFailure('conflict', `idempotency key ${request.key} was already used for another reply`)
    }
    if (created) this.o.hub.emit('reply.changed', item)
    this.kick()
    return item
  }

  retry(id: number): OutboxItem {
    const item = this.o.store.read.getOutboxItem(id)
    if (!item) throw notFound(`reply ${id}`)
    if (!canTake(item.state, 'retry'))
      throw badRequest(`reply ${id} is ${item.state}; only a failed reply can be retried`)
    const updated = this.move(item, 'retry', { error: null })
    this.kick()
    return updated
  }

  list(mentionId: number | undefined, limit: number): OutboxItem[] {
    return this.o.store.read.listOutbox(mentionId, limit)
  }

  /**
   * The post these replies answer is gone (its author deleted it): each reply
   * still queued fails with this reason instead of going out. One already on
   * its way is left to finish; a sent one stays, as our record.
   */
  withdraw(mentionId: number, reason: string): void {
    for (const item of this.o.store.read.listOutbox(mentionId, 500))
      if (canTake(item.state, 'withdraw')) this.move(item, 'withdraw', { error: reason })
  }

  /**
   * At start, and then every few seconds: sends what is queued for the
   * sources whose lease this process holds or can take, and renews it.
   */
  resume(): void {
    this.kick()
    this.timer ??= setInterval(() => {
      if (this.pumping) this.lease.renew()
      else this.kick()
    }, LEASE_TTL_MS / 3)
    this.timer.unref?.()
  }

  /** Another console queued or changed a reply: send it if this process holds its source's lease. */
  wake(): void {
    this.kick()
  }

  /** Waits for the reply being sent, then stops sending and gives the leases up. */
  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearInterval(this.timer)
    await this.pumping
    try {
      this.lease.release()
    } catch (err) {
      // It expires on its own.
      console.error(`earshot: could not give up the reply sender's lease: ${message(err)}`)
    }
  }

  /** Resolves when nothing is left to send (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pumping) await this.pumping
  }

  private kick(): void {
    if (this.pumping || this.closed) return
    this.pumping = this.pump().finally(() => {
      this.pumping = null
    })
  }

  private async pump(): Promise<void> {
    for (;;) {
      if (this.closed) return
      const next = this.nextMine()
      if (!next) return
      await this.process(next)
    }
  }

  /**
   * The oldest reply this process is to deal with: its source's lease is held
   * here (or nobody can send it). Every source this process can reply on
   * competes for its lease, so the sender is known before work arrives; taking
   * one settles what the last holder left mid-send.
   */
  private nextMine(): OutboxItem | undefined {
    const read = this.o.store.read
    const mine = new Map<SourceId, boolean>()
    for (const source of SOURCE_IDS) if (this.o.channel(source)) mine.set(source, this.take(source))
    for (const { source } of read.outboxInStates(['sending', 'unknown', 'queued']))
      if (!mine.has(source)) mine.set(source, !this.lease.heldElsewhere(senderLease(source)))
    return read.outboxInStates(['unknown', 'queued']).find((item) => mine.get(item.source) === true)
  }

  /**
   * Takes `source`'s lease. Newly taken, a reply the last holder left mid-send
   * (it died, or this process restarted) may have gone out: it is checked at
   * the source before anything is resent.
   */
  private take(source: SourceId): boolean {
    const { held, fresh } = this.lease.hold(senderLease(source))
    if (fresh)
      for (const item of this.o.store.read.outboxInStates(['sending']))
        if (item.source === source) this.move(item, 'lost', { error: 'interrupted' })
    return held
  }

  private async process(item: OutboxItem): Promise<void> {
    const mention = item.mentionId === null ? undefined : this.o.store.read.getMention(item.mentionId)
    const channel = this.o.channel(item.source)
    if (!mention || !channel) {
      const reason = !mention
        ? 'the mention is no longer in the archive'
        : (NO_CHANNEL[item.source] ?? 'no reply channel')
      if (item.state === 'queued') this.move(this.move(item, 'send'), 'rejected', { error: reason })
      else this.move(item, 'rejected', { error: reason })
      return
    }
    const request: OutgoingReply = {
      key: item.key,
      mode: item.mode,
      text: item.text,
      mention,
      firstAttemptAt: item.createdAt,
    }
    if (item.state === 'unknown') {
      try {
        const found = await channel.find(request)
        if (found) this.move(item, 'found', { remoteId: found.remoteId, remoteUrl: found.url, error: null })
        else this.move(item, 'absent', { error: null })
      } catch (err) {
        // Cannot tell yet: leave it unknown and stop this round rather than risk a double post.
        this.move(item, err instanceof ReplyError && err.kind === 'rejected' ? 'rejected' : 'lost', {
          error: `could not check whether the reply went out: ${message(err)}`,
        })
        if (!this.closed) await delay(RECHECK_MS)
      }
      return
    }
    const sending = this.move(item, 'send', { attempts: item.attempts + 1, error: null })
    try {
      const sent = await channel.send(request)
      this.move(sending, 'ok', { remoteId: sent.remoteId, remoteUrl: sent.url })
    } catch (err) {
      const kind = err instanceof ReplyError ? err.kind : 'lost'
      this.move(sending, kind, { error: message(err) })
    }
  }

  private move(item: OutboxItem, event: OutboxEvent, fields: Omit<OutboxUpdate, 'state'> = {}): OutboxItem {
    const updated = this.o.store.write.updateOutboxItem(
      item.id,
      { ...fields, state: nextState(item.state, event) },
      this.o.now(),
    )
    this.o.hub.emit('reply.changed', updated)
    return updated
  }

  private mention(id: number): Mention {
    const mention = this.o.store.read.getMention(id)
    if (!mention) throw notFound(`mention ${id}`)
    return mention
  }
}

/** The lease of the process that sends `source`'s replies. */
export const senderLease = (source: SourceId): string => `outbox:${source}`

const RECHECK_MS = 5_000
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const message = (err: unknown) => (err instanceof Error ? err.message : String(err))
