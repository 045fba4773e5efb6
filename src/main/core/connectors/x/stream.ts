// The filtered-stream reader: syncs the rules, holds one connection to
// GET /2/tweets/search/stream through twitter-api-v2, hands each post to the
// columns its matching_rules name, and reconnects on X's schedule. A stall
// (nothing, not even the keep-alive X sends every 20 s, for 30 s) counts as a
// lost connection. Each loss opens a capture gap; the first data or keep-alive
// on the next connection closes it.
import { ETwitterStreamEvent, type TweetStream, type TwitterApiv2 } from 'twitter-api-v2'
import type { Column, ColumnId, MentionInput } from '../../../../shared/domain'
import type { ConnectorContext } from '../connector'
import { Backoff, type FailureKind } from './backoff'
import { describeFailure, type XFailure } from './client'
import type { Timers } from './clock'
import { normalizeTweet } from './normalize'
import { FIELD_PARAMS, XProblemSchema, XStreamPostSchema } from './payload'
import { columnsOfTag, planRules, syncRules } from './rules'
import { isAuthFailure, reportAuthFailure, reportRetry } from './status'

export const STALL_MS = 30_000
/** Column edits arrive in bursts (a drag, an import): sync once they settle. */
const RESYNC_DEBOUNCE_MS = 1_000

export interface XStreamOptions {
  api: TwitterApiv2
  ctx: ConnectorContext
  timers: Timers
  /** Per-column notices (X's verdict on each column's rule). */
  notice(columnId: ColumnId, message: string | null): void
}

type Phase = 'idle' | 'connecting' | 'live' | 'waiting' | 'stopped'

export class XStreamReader {
  /** Bumped whenever the current connection is abandoned, so late callbacks of old ones do nothing. */
  private generation = 0
  private phase: Phase = 'idle'
  private stream: TweetStream | null = null
  private flowing = false
  private backoff = new Backoff()
  private cancelRetry: (() => void) | null = null
  private cancelWatchdog: (() => void) | null = null
  private cancelResync: (() => void) | null = null
  private tagColumns = new Map<string, ColumnId[]>()
  private ruleCount = 0
  /** Why X closed the stream, when it said so (operational-disconnect) before closing. */
  private disconnectReason: string | null = null
  private malformed = 0

  constructor(private readonly o: XStreamOptions) {}

  start(): void {
    void this.connect()
  }

  columnsChanged(): void {
    if (this.phase === 'stopped') return
    this.cancelResync?.()
    this.cancelResync = this.o.timers.after(RESYNC_DEBOUNCE_MS, () => {
      this.cancelResync = null
      void this.resync()
    })
  }

  stop(): void {
    this.phase = 'stopped'
    this.generation++
    this.cancelRetry?.()
    this.cancelWatchdog?.()
    this.cancelResync?.()
    this.stream?.destroy()
    this.stream = null
  }

  /** Malformed stream lines skipped so far. */
  get skippedLines(): number {
    return this.malformed
  }

  private async resync(): Promise<void> {
    // Not connected: the next connection syncs anyway (and an idle reader needs one now).
    if (this.phase === 'idle') return void this.connect()
    // Mid-connect the rules may already be read: look again once it settles.
    if (this.phase === 'connecting') return this.columnsChanged()
    if (this.phase !== 'live') return
    try {
      await this.syncRules()
      if (this.ruleCount === 0) {
        this.abandon()
        this.idle()
      }
    } catch (err) {
      this.o.ctx.log(`could not update the X stream rules: ${describeFailure(err).message}`)
    }
  }

  private async syncRules(): Promise<void> {
    const { rules, notices } = planRules(this.o.ctx.columns())
    const result = await syncRules(this.o.api, rules)
    this.tagColumns = new Map()
    for (const r of rules) this.tagColumns.set(r.tag, r.columnIds)
    this.ruleCount = result.active.size
    for (const [id, message] of notices) this.o.notice(id, result.rejected.get(id) ?? message)
  }

  private async connect(): Promise<void> {
    if (this.phase === 'stopped') return
    const generation = ++this.generation
    const { ctx } = this.o
    this.phase = 'connecting'
    this.flowing = false
    this.disconnectReason = null
    ctx.status({ state: 'connecting', detail: 'Connecting to the X filtered stream', until: null })
    // A connection attempt that never answers is a stall too.
    this.armWatchdog(generation)
    try {
      await this.syncRules()
      if (generation !== this.generation) return
      if (this.ruleCount === 0) return this.idle()
      const stream = this.o.api.searchStream({ ...FIELD_PARAMS, autoConnect: false })
      this.listen(stream, generation)
      await stream.connect({ autoReconnect: false, keepAliveTimeout: 'disable' })
      if (generation !== this.generation) {
        stream.destroy()
        return
      }
      this.stream = stream
      this.phase = 'live'
      ctx.status({ state: 'connected', detail: this.connectedDetail(), until: null })
    } catch (err) {
      if (generation === this.generation) this.fail(describeFailure(err))
    }
  }

  private idle(): void {
    this.cancelWatchdog?.()
    this.phase = 'idle'
    this.o.ctx.gap.close()
    this.o.ctx.status({ state: 'idle', detail: 'No column has an X rule: nothing to stream', until: null })
  }

  private listen(stream: TweetStream, generation: number): void {
    const current = () => generation === this.generation
    stream.on(ETwitterStreamEvent.Data, (payload: unknown) => current() && this.onPayload(payload))
    stream.on(ETwitterStreamEvent.DataKeepAlive, () => current() && this.onActivity(generation))
    stream.on(ETwitterStreamEvent.DataError, (payload: unknown) => current() && this.onErrorPayload(payload))
    stream.on(ETwitterStreamEvent.TweetParseError, (err: Error) => {
      if (!current()) return
      this.onActivity(generation)
      this.malformed++
      this.o.ctx.log(`skipped a malformed line from the X stream (${err.message}); ${this.malformed} so far`)
    })
    stream.on(ETwitterStreamEvent.ConnectionError, (err: Error) => {
      if (!current() || this.phase !== 'live') return
      this.fail({ kind: 'network', message: this.disconnectReason ?? `connection lost: ${err.message}` })
    })
  }

  private onPayload(payload: unknown): void {
    this.onActivity(this.generation)
    const parsed = XStreamPostSchema.safeParse(payload)
    if (!parsed.success) {
      this.malformed++
      this.o.ctx.log(`skipped a stream message that is not a post: ${parsed.error.issues[0]?.message ?? ''}`)
      return
    }
    const { data, includes, matching_rules } = parsed.data
    const live = new Set(this.o.ctx.columns().map((c: Column) => c.id))
    // X sends the post for a rule's tag; the router then applies each column's full query.
    const columns = matching_rules.flatMap((r) => columnsOfTag(r.tag)).filter((id) => live.has(id))
    if (columns.length === 0) return
    const mention: MentionInput = normalizeTweet(data, includes)
    this.o.ctx.emit([mention])
  }

  private onErrorPayload(payload: unknown): void {
    this.onActivity(this.generation)
    const errors = (payload as { errors?: unknown[] }).errors ?? []
    const problem = XProblemSchema.safeParse(errors[0])
    const p = problem.success ? problem.data : {}
    const text = [p.disconnect_type ?? p.title, p.detail].filter(Boolean).join(': ')
    if (p.title === 'operational-disconnect' || p.disconnect_type) {
      // X closes the connection right after this message; the close reconnects.
      this.disconnectReason = `X disconnected the stream: ${text}`
      this.o.ctx.log(this.disconnectReason)
    } else {
      this.o.ctx.log(`X sent an error in the stream: ${text || JSON.stringify(payload).slice(0, 200)}`)
    }
  }

  private onActivity(generation: number): void {
    if (generation !== this.generation) return
    this.armWatchdog(generation)
    if (this.flowing) return
    this.flowing = true
    this.backoff.reset()
    this.o.ctx.gap.close()
  }

  private armWatchdog(generation: number): void {
    this.cancelWatchdog?.()
    this.cancelWatchdog = this.o.timers.after(STALL_MS, () => {
      if (generation !== this.generation) return
      this.fail({ kind: 'network', message: `stalled: nothing from X for ${STALL_MS / 1000} s` })
    })
  }

  /** Abandons the current connection without reporting anything. */
  private abandon(): void {
    this.generation++
    this.cancelWatchdog?.()
    this.stream?.destroy()
    this.stream = null
  }

  private fail(failure: XFailure): void {
    const { ctx, timers } = this.o
    this.abandon()
    if (this.phase === 'stopped') return
    this.phase = 'waiting'
    ctx.gap.open(`X stream: ${failure.message}`)
    if (isAuthFailure(failure)) {
      ctx.log(`X stream: ${failure.message}; not retrying until the settings change`)
      reportAuthFailure(ctx, failure)
      return
    }
    const kind: FailureKind = failure.kind === 'http' ? (failure.status === 429 ? 'rate_limit' : 'http') : 'network'
    let until = timers.now() + this.backoff.next(kind)
    if (kind === 'rate_limit' && failure.kind === 'http' && failure.resetAt) until = Math.max(until, failure.resetAt)
    reportRetry(ctx, kind === 'rate_limit', until, failure.message)
    ctx.log(`X stream: ${failure.message}; retrying at ${new Date(until).toISOString()}`)
    this.cancelRetry = timers.after(until - timers.now(), () => {
      this.cancelRetry = null
      void this.connect()
    })
  }

  private connectedDetail(): string {
    return `Filtered stream, ${this.ruleCount} rule${this.ruleCount === 1 ? '' : 's'}`
  }
}
