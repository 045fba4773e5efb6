// Mastodon: one streaming WebSocket per instance, multiplexed with subscribe /
// unsubscribe messages for every hashtag in the column queries (kept in step
// as columns change) plus an optional public timeline, and search polling for
// the plain keywords of columns a stream cannot filter. Deletes and edits on
// the stream go to the core as they come. Reconnects with backoff and records
// gaps (the stream has no replay).
import WebSocket from 'ws'
import { z } from 'zod'
import type { Column, MentionInput } from '../../../../shared/domain'
import type { MastodonConfig } from '../../../../shared/sources/mastodon'
import { RecentKeys } from '../../pipeline/dedupe'
import type { BackoffOptions } from '../backoff'
import type { Connector, ConnectorContext } from '../connector'
import { queryTerms } from '../query-terms'
import { SocketSession } from '../socket-session'
import { editedAt, StatusSchema, toMention, type Status } from './status'

export interface MastodonOptions {
  /** Instance base URL (https). */
  instance: string
  accessToken?: string
  publicStream: MastodonConfig['publicStream']
  searchMs: number
  backoff?: BackoffOptions
  stallMs?: number
}

interface Stream {
  stream: string
  tag?: string
}

const FrameSchema = z.union([
  z.object({ event: z.string(), payload: z.string().optional(), stream: z.array(z.string()).optional() }),
  z.object({ error: z.string(), status: z.number().optional() }),
])

const InstanceSchema = z.looseObject({
  configuration: z.looseObject({ urls: z.looseObject({ streaming: z.string().optional() }).optional() }).optional(),
})

const streamKey = (s: Stream) => (s.tag === undefined ? s.stream : `${s.stream}#${s.tag}`)

/** Mastodon ids are snowflakes in decimal strings: longer is newer, else compare as text. */
export function newerId(a: string, b: string | undefined): boolean {
  return b === undefined || a.length > b.length || (a.length === b.length && a > b)
}

export class MastodonConnector implements Connector {
  readonly source = 'mastodon' as const
  private ctx: ConnectorContext | null = null
  private readonly socket: SocketSession
  private streamingBase: string | null = null
  private subscribed = new Set<string>()
  private wanted = new Map<string, Stream>()
  private keywords: string[] = []
  private readonly seen = new RecentKeys(50_000)
  private readonly host: string
  private timers = new Set<NodeJS.Timeout>()
  private searching: Promise<void> | null = null
  private abort = new AbortController()
  private stopped = false
  private malformed = 0
  /** Why the last handshake was refused, for the status line. */
  private refused: string | null = null
  /** The last keyword search failure, shown until a search succeeds. */
  private searchError: string | null = null

  constructor(private readonly o: MastodonOptions) {
    this.socket = new SocketSession({
      backoff: o.backoff,
      stallMs: o.stallMs ?? 120_000,
      logPrefix: 'streaming',
      stopped: () => this.stopped,
    })
    this.host = new URL(o.instance).host
  }

  start(ctx: ConnectorContext): void {
    this.ctx = ctx
    this.stopped = false
    this.abort = new AbortController()
    this.plan(ctx.columns())
    void this.connect()
    this.later(() => this.searchLoop(), 0)
  }

  columnsChanged(columns: readonly Column[]): void {
    this.plan(columns)
    this.sync()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.abort.abort()
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    await this.socket.close()
    await this.searching
  }

  /** Streams and keywords for these columns. */
  private plan(columns: readonly Column[]): void {
    const terms = queryTerms(columns)
    this.wanted.clear()
    for (const tag of [...terms.hashtags].sort())
      this.wanted.set(streamKey({ stream: 'hashtag', tag }), { stream: 'hashtag', tag })
    if (this.o.publicStream !== 'none') this.wanted.set(this.o.publicStream, { stream: this.o.publicStream })
    this.keywords = [...terms.keywords].sort()
  }

  private headers(): Record<string, string> {
    return this.o.accessToken ? { authorization: `Bearer ${this.o.accessToken}` } : {}
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      fn()
    }, ms)
    this.timers.add(t)
  }

  /** The streaming host the instance announces (it is often not the web host). */
  private async streamingUrl(): Promise<string> {
    if (this.streamingBase) return this.streamingBase
    const fallback = this.o.instance.replace(/^http/, 'ws').replace(/\/+$/, '')
    try {
      const res = await fetch(`${this.o.instance.replace(/\/+$/, '')}/api/v2/instance`, {
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(15_000)]),
      })
      const info = InstanceSchema.safeParse(res.ok ? await res.json() : null)
      const announced = info.success ? info.data.configuration?.urls?.streaming : undefined
      this.streamingBase = announced ? announced.replace(/\/+$/, '') : fallback
    } catch {
      return fallback
    }
    return this.streamingBase
  }

  private async connect(): Promise<void> {
    const ctx = this.ctx!
    if (this.stopped) return
    ctx.status({ state: 'connecting', detail: `Connecting to ${this.host}`, until: null })
    const base = await this.streamingUrl()
    if (this.stopped) return
    this.subscribed.clear()
    const ws = this.socket.open(
      ctx,
      `${base}/api/v1/streaming`,
      { headers: this.headers(), handshakeTimeout: 15_000 },
      {
        frame: (text) => this.onFrame(text),
        lost: (code) => {
          const reason = this.refused
            ? `Mastodon refused the stream: ${this.refused}`
            : `Mastodon stream lost (${code})`
          this.refused = null
          return reason
        },
        retry: (delay) => this.later(() => void this.connect(), delay),
      },
    )
    ws.on('open', () => {
      this.socket.armStall()
      this.sync()
      this.report()
    })
    ws.on('unexpected-response', (_req, res) => {
      const why = res.statusCode === 401 ? 'the access token was refused (401)' : `HTTP ${res.statusCode}`
      ctx.log(`streaming: ${why}`)
      this.refused = why
      res.resume()
      ws.terminate()
    })
    ws.on('ping', () => this.socket.armStall())
  }

  /** Subscribes to what the columns want and unsubscribes from what they no longer do. */
  private sync(): void {
    const ws = this.socket.ws
    if (!ws || ws.readyState !== WebSocket.OPEN) return
    for (const key of [...this.subscribed]) {
      if (this.wanted.has(key)) continue
      const [stream, tag] = key.split('#')
      ws.send(JSON.stringify({ type: 'unsubscribe', stream, ...(tag !== undefined ? { tag } : {}) }))
      this.subscribed.delete(key)
    }
    for (const [key, s] of this.wanted) {
      if (this.subscribed.has(key)) continue
      ws.send(JSON.stringify({ type: 'subscribe', ...s }))
      this.subscribed.add(key)
    }
  }

  private report(): void {
    const ctx = this.ctx
    const ws = this.socket.ws
    if (!ctx || !ws || ws.readyState !== WebSocket.OPEN) return
    const tags = [...this.wanted.values()].filter((s) => s.stream === 'hashtag').length
    const parts = [`${this.host}: ${tags} hashtag stream${tags === 1 ? '' : 's'}`]
    if (this.o.publicStream !== 'none') parts.push(this.o.publicStream)
    if (this.keywords.length > 0)
      parts.push(
        `${this.keywords.length} keyword search${this.keywords.length === 1 ? '' : 'es'} every ${Math.round(this.o.searchMs / 1000)} s`,
      )
    if (this.searchError) parts.push(`search failing: ${this.searchError}`)
    if (this.malformed > 0) parts.push(`${this.malformed} malformed event${this.malformed === 1 ? '' : 's'} skipped`)
    ctx.status({ state: 'connected', detail: parts.join(', '), until: null })
  }

  private onFrame(text: string): void {
    const ctx = this.ctx!
    let frame: z.infer<typeof FrameSchema>
    try {
      const parsed = FrameSchema.safeParse(JSON.parse(text))
      if (!parsed.success) return this.reject('unexpected frame shape')
      frame = parsed.data
    } catch {
      return this.reject('not JSON')
    }
    if ('error' in frame) {
      ctx.log(`streaming error: ${frame.error}`)
      ctx.status({ state: 'connected', detail: `${this.host}: ${frame.error}`, until: null })
      return
    }
    if (frame.event === 'delete') {
      // The payload is the bare id of the deleted status (not JSON).
      const id = frame.payload?.trim() ?? ''
      if (!/^[0-9A-Za-z_-]{1,200}$/.test(id)) return this.reject('delete: not a status id')
      ctx.retract([id])
      return
    }
    if (frame.event !== 'update' && frame.event !== 'status.update') return
    let status: Status
    try {
      const parsed = StatusSchema.safeParse(JSON.parse(frame.payload ?? ''))
      if (!parsed.success) return this.reject(`status: ${parsed.error.issues[0]?.message ?? 'bad shape'}`)
      status = parsed.data
    } catch {
      return this.reject('status payload is not JSON')
    }
    if (frame.event === 'status.update') {
      // Whether or not a column wants the new text: the core re-routes a post it stored.
      ctx.revise([{ ...toMention(status, this.host, ctx.now()), editedAt: editedAt(status, ctx.now()) }])
      return
    }
    this.offer([status])
  }

  private offer(statuses: Status[]): void {
    const ctx = this.ctx!
    const out: MentionInput[] = []
    for (const status of statuses) {
      const mention = toMention(status, this.host, ctx.now())
      if (!ctx.matches(mention) || !this.seen.admit(mention.externalId)) continue
      out.push(mention)
    }
    if (out.length > 0) ctx.emit(out)
  }

  private reject(why: string): void {
    this.malformed++
    this.ctx?.log(`skipped a malformed Mastodon event: ${why}`)
    if (this.malformed === 1 || this.malformed % 100 === 0) this.report()
  }

  private searchLoop(): void {
    if (this.stopped) return
    this.searching = this.searchAll().finally(() => {
      this.searching = null
      if (!this.stopped) this.later(() => this.searchLoop(), this.o.searchMs)
    })
  }

  private async searchAll(): Promise<void> {
    for (const keyword of this.keywords) {
      if (this.stopped) return
      const ctx = this.ctx!
      const cursorKey = `search ${keyword}`
      const since = ctx.cursor.get(cursorKey)
      const url = new URL(`${this.o.instance.replace(/\/+$/, '')}/api/v2/search`)
      url.searchParams.set('q', keyword)
      url.searchParams.set('type', 'statuses')
      url.searchParams.set('limit', '40')
      if (since) url.searchParams.set('min_id', since)
      try {
        const res = await fetch(url, {
          headers: this.headers(),
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(20_000)]),
        })
        if (res.status === 429) {
          const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '')
          ctx.status({
            state: 'rate_limited',
            detail: `${this.host}: search rate-limited`,
            until: Number.isFinite(reset) ? reset : ctx.now() + this.o.searchMs,
          })
          await res.body?.cancel()
          return
        }
        if (!res.ok) {
          await res.body?.cancel()
          throw new Error(res.status === 401 ? 'the access token was refused (401)' : `HTTP ${res.status}`)
        }
        const body = z.object({ statuses: z.array(z.unknown()) }).parse(await res.json())
        const statuses: Status[] = []
        for (const raw of body.statuses) {
          const s = StatusSchema.safeParse(raw)
          if (s.success) statuses.push(s.data)
          else this.reject('search result status: bad shape')
        }
        let newest = since
        for (const s of statuses) if (newerId(s.id, newest)) newest = s.id
        if (newest && newest !== since) ctx.cursor.set(cursorKey, newest)
        this.offer(statuses)
        if (this.searchError) {
          this.searchError = null
          this.report()
        }
      } catch (err) {
        if (this.stopped) return
        const message = (err as Error).message
        ctx.log(`search for "${keyword}" failed: ${message}`)
        if (this.searchError !== message) {
          this.searchError = message
          this.report()
        }
      }
    }
  }
}
