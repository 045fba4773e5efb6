// Bluesky through Jetstream: one WebSocket to `/subscribe` for post commits,
// matched here against the column queries so only wanted posts go on. Resumes
// from the last `time_us` (less a small overlap, deduped by at-uri), reconnects
// with backoff, records gaps, and resolves handles and display names before a
// matching post is emitted. Deletes and edits of posts go to the core, which
// knows which posts it stored.
import type { Column, MentionInput } from '../../../../shared/domain'
import { RecentKeys } from '../../pipeline/dedupe'
import type { BackoffOptions } from '../backoff'
import type { Connector, ConnectorContext, EditedMention } from '../connector'
import { queryTerms } from '../query-terms'
import { SocketSession } from '../socket-session'
import {
  JetstreamEventSchema,
  POST_COLLECTION,
  PostRecordSchema,
  postUri,
  toMention,
  uriDid,
  type JetstreamEvent,
  type PostRecord,
} from './events'
import type { Profiles } from './profiles'

export const CURSOR_KEY = 'time_us'
/** Replay this much before the saved cursor: Jetstream's order across shards is only roughly by time. */
export const OVERLAP_US = 2_000_000

export interface JetstreamOptions {
  /** Base URL, ws:// or wss://. */
  url: string
  profiles: Profiles
  backoff?: BackoffOptions
  /** No frame for this long means a dead connection. */
  stallMs?: number
  /** How long matching posts wait to be batched into one profile look-up. */
  resolveMs?: number
}

interface Waiting {
  event: Extract<JetstreamEvent, { kind: 'commit' }>
  record: PostRecord
  receivedAt: number
  /** Set on an edit (an `update` commit): when it was made. */
  editedAt?: number
  /** Its author deleted it while it waited for a profile. */
  deleted?: boolean
}

export class JetstreamConnector implements Connector {
  readonly source = 'bluesky' as const
  private ctx: ConnectorContext | null = null
  private readonly socket: SocketSession
  private retry: NodeJS.Timeout | null = null
  private flushTimer: NodeJS.Timeout | null = null
  private readonly seen = new RecentKeys(50_000)
  private waiting: Waiting[] = []
  /** Posts waiting for a profile, queued or being looked up. */
  private readonly unresolved = new Set<Waiting>()
  private lastTimeUs = 0
  private savedAt = 0
  private malformed = 0
  private stopped = false
  private flushing: Promise<void> = Promise.resolve()

  constructor(private readonly o: JetstreamOptions) {
    this.socket = new SocketSession({
      backoff: o.backoff,
      stallMs: o.stallMs ?? 60_000,
      logPrefix: 'jetstream',
      stopped: () => this.stopped,
    })
  }

  start(ctx: ConnectorContext): void {
    this.ctx = ctx
    this.stopped = false
    const saved = Number(ctx.cursor.get(CURSOR_KEY))
    if (Number.isSafeInteger(saved) && saved > 0) this.lastTimeUs = saved
    this.columnsChanged(ctx.columns())
    this.connect()
  }

  columnsChanged(columns: readonly Column[]): void {
    const ctx = this.ctx
    if (!ctx) return
    // Handles named in the queries are resolved to DIDs now, so their posts match on arrival.
    const handles = [...queryTerms(columns).handles].filter((h) => h.includes('.'))
    if (handles.length > 0) void this.o.profiles.resolve(handles, ctx.log)
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const t of [this.retry, this.flushTimer]) if (t) clearTimeout(t)
    await this.socket.close()
    await this.flushing
    this.saveCursor()
  }

  private subscribeUrl(): string {
    const url = new URL(this.o.url.replace(/\/+$/, '') + '/subscribe')
    url.searchParams.set('wantedCollections', POST_COLLECTION)
    if (this.lastTimeUs > 0) url.searchParams.set('cursor', String(Math.max(1, this.lastTimeUs - OVERLAP_US)))
    return url.toString()
  }

  private connect(): void {
    const ctx = this.ctx!
    if (this.stopped) return
    const resuming = this.lastTimeUs > 0
    ctx.status({ state: 'connecting', detail: `Connecting to ${host(this.o.url)}`, until: null })
    const ws = this.socket.open(
      ctx,
      this.subscribeUrl(),
      { handshakeTimeout: 15_000 },
      {
        frame: (text) => this.onFrame(text),
        lost: (code) => {
          this.saveCursor()
          return `Jetstream connection lost (${code})`
        },
        retry: (delay) => {
          this.retry = setTimeout(() => this.connect(), delay)
        },
      },
    )
    ws.on('open', () => {
      ctx.status({
        state: 'connected',
        detail: `Listening to ${host(this.o.url)}${resuming ? ' (resumed from cursor)' : ''}`,
        until: null,
      })
      this.socket.armStall()
    })
  }

  private onFrame(text: string): void {
    const ctx = this.ctx!
    let parsed: ReturnType<typeof JetstreamEventSchema.safeParse>
    try {
      parsed = JetstreamEventSchema.safeParse(JSON.parse(text))
    } catch {
      return this.reject('not JSON')
    }
    if (!parsed.success) return this.reject(parsed.error.issues[0]?.message ?? 'unexpected shape')
    const event = parsed.data
    // At most once a second (a write per event would cost more than the events), and
    // before this event counts: it may yet wait for a profile.
    if (ctx.now() - this.savedAt >= 1_000) this.saveCursor()
    if (event.time_us > this.lastTimeUs) this.lastTimeUs = event.time_us
    if (event.kind === 'identity') {
      if (event.identity.handle) this.o.profiles.setHandle(event.did, event.identity.handle)
      return
    }
    if (event.kind !== 'commit' || event.commit.collection !== POST_COLLECTION) return
    if (event.commit.operation === 'delete') return this.deleted(postUri(event.did, event.commit.rkey))
    const record = PostRecordSchema.safeParse(event.commit.record)
    if (!record.success) return this.reject(`post record: ${record.error.issues[0]?.message ?? 'bad shape'}`)
    const waiting: Waiting = { event, record: record.data, receivedAt: ctx.now() }
    const draft = this.mention(waiting)
    const edit = event.commit.operation === 'update'
    // An edit goes on whether or not a column wants the new text: the core re-routes a post it stored.
    if (edit) waiting.editedAt = Math.min(Math.floor(event.time_us / 1000), waiting.receivedAt)
    else if (!this.seen.admit(draft.externalId) || !ctx.matches(draft)) return
    // A stored post keeps its stored author: only an edit that may be taken as new waits for a profile.
    if ((!edit || ctx.matches(draft)) && this.needsLookup(waiting)) {
      this.waiting.push(waiting)
      this.unresolved.add(waiting)
      this.flushTimer ??= setTimeout(() => this.flushWaiting(), this.o.resolveMs ?? 150)
    } else this.hand([waiting])
  }

  /** A post deleted while it waits for a profile never goes on; the core removes one it stored. */
  private deleted(uri: string): void {
    for (const w of this.unresolved) if (postUri(w.event.did, w.event.commit.rkey) === uri) w.deleted = true
    this.ctx!.retract([uri])
  }

  /** New posts to the pipeline, edits to the core's revisions. */
  private hand(batch: readonly Waiting[]): void {
    const ctx = this.ctx!
    const created: MentionInput[] = []
    const edited: EditedMention[] = []
    for (const w of batch) {
      this.unresolved.delete(w)
      if (w.deleted) continue
      if (w.editedAt === undefined) created.push(this.mention(w))
      else edited.push({ ...this.mention(w), editedAt: w.editedAt })
    }
    if (created.length > 0) ctx.emit(created)
    if (edited.length > 0) ctx.revise(edited)
  }

  private reject(why: string): void {
    const ctx = this.ctx!
    this.malformed++
    ctx.log(`skipped a malformed Jetstream event: ${why}`)
    if (this.malformed === 1 || this.malformed % 100 === 0)
      ctx.status({
        state: 'connected',
        detail: `Listening to ${host(this.o.url)}; ${this.malformed} malformed event${this.malformed === 1 ? '' : 's'} skipped`,
        until: null,
      })
  }

  private refDids(w: Waiting): string[] {
    const ref = w.record.reply?.parent.uri ?? (w.record.embed ? this.mention(w).refId : null)
    const did = ref ? uriDid(ref) : null
    return did ? [w.event.did, did] : [w.event.did]
  }

  private needsLookup(w: Waiting): boolean {
    return this.refDids(w).some((did) => !this.o.profiles.settled(did))
  }

  private flushWaiting(): void {
    this.flushTimer = null
    const batch = this.waiting
    this.waiting = []
    const ctx = this.ctx!
    this.flushing = this.o.profiles
      .resolve(
        batch.flatMap((w) => this.refDids(w)),
        ctx.log,
      )
      .then(() => {
        if (this.ctx === ctx) this.hand(batch)
      })
  }

  private mention(w: Waiting): MentionInput {
    const p = this.o.profiles
    const parent = w.record.reply?.parent.uri
    const parentDid = parent ? uriDid(parent) : null
    const draft = toMention(w.event.did, w.event.commit.rkey, w.record, {
      author: p.author(w.event.did),
      replyTo: parentDid ? (p.handleOf(parentDid) ?? parentDid) : null,
      refAuthor: null,
      receivedAt: w.receivedAt,
    })
    const refDid = draft.refId ? uriDid(draft.refId) : null
    return refDid ? { ...draft, refAuthor: p.handleOf(refDid) ?? refDid } : draft
  }

  private saveCursor(): void {
    const ctx = this.ctx
    if (!ctx || this.lastTimeUs === 0) return
    // Posts still waiting for a profile were not emitted: resume from before them.
    const oldest = this.waiting[0]?.event.time_us
    const at = oldest !== undefined ? Math.min(oldest - 1, this.lastTimeUs) : this.lastTimeUs
    ctx.cursor.set(CURSOR_KEY, String(at))
    this.savedAt = ctx.now()
  }
}

function host(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
