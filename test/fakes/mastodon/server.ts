// A fake Mastodon instance for tests: REST (/api/v2/instance announcing its
// streaming URL, /api/v2/search, POST /api/v1/statuses with Idempotency-Key,
// a status and its context, verify_credentials, an account's statuses) and
// the multiplexed streaming WebSocket (/api/v1/streaming: Bearer token
// required, subscribe/unsubscribe messages, frames whose payload is the Status
// as a JSON string, error frames for unknown streams). Port 0 on 127.0.0.1.
// Scriptable: publish events (statuses, their edits and deletes), send raw
// frames, drop clients, lose the response to the next post, answer status
// reads with an error.
import { STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import { FakeSocketServer } from '../socket-server'
import { statusRead } from './statuses'

export const STREAMS = ['public', 'public:local', 'public:remote', 'hashtag', 'hashtag:local'] as const

export interface FakeStatusInput {
  id: string
  content: string
  acct?: string
  tags?: string[]
  spoiler?: string
  inReplyTo?: { id: string; accountId: string; acct: string }
  reblogOf?: Record<string, unknown>
  createdAt?: string
}

interface Client {
  ws: WebSocket
  subs: Set<string>
}

export interface PostedStatus {
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
}

export const ME = { id: '9001', username: 'brand', acct: 'brand', display_name: 'Brand Care' }

export class FakeMastodon extends FakeSocketServer<Client> {
  token = 'test-token-abc'
  readonly statuses: Array<Record<string, unknown>> = []
  readonly posted: PostedStatus[] = []
  readonly subscriptionLog: Array<Record<string, unknown>> = []
  readonly searches: URLSearchParams[] = []
  streamConnections = 0
  loseNextPost = false
  /** Answer searches with this status instead (e.g. 503). */
  searchStatus: number | null = null
  /** Paths of every status and context read, in order. */
  readonly statusReads: string[] = []
  /** Answer status reads with this instead (e.g. 429 with x-ratelimit-reset, or 503). */
  statusReadAnswer: { status: number; headers?: Record<string, string> } | null = null
  private idempotent = new Map<string, Record<string, unknown>>()
  private nextId = 200_000_000_000_000_000n

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }
  get host(): string {
    return `127.0.0.1:${this.port}`
  }

  /** Current subscriptions of the (single) connected client, as `stream` or `hashtag#tag`. */
  subscriptions(): string[] {
    return [...this.clients].flatMap((c) => [...c.subs]).sort()
  }

  /** A Status entity shaped like Mastodon's (see the documentation fixtures). */
  status(s: FakeStatusInput): Record<string, unknown> {
    const acct = s.acct ?? 'alice'
    const [username] = acct.split('@')
    const status: Record<string, unknown> = {
      id: s.id,
      created_at: s.createdAt ?? '2026-11-23T09:00:00.000Z',
      in_reply_to_id: s.inReplyTo?.id ?? null,
      in_reply_to_account_id: s.inReplyTo?.accountId ?? null,
      sensitive: !!s.spoiler,
      spoiler_text: s.spoiler ?? '',
      visibility: 'public',
      language: 'en',
      uri: `https://${acct.includes('@') ? acct.split('@')[1] : 'mastodon.example'}/users/${username}/statuses/${s.id}`,
      url: `https://mastodon.example/@${acct}/${s.id}`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      edited_at: null,
      content: s.content,
      reblog: s.reblogOf ?? null,
      account: {
        id: `acc-${acct}`,
        username,
        acct,
        display_name: `${username} display`,
        followers_count: 12,
        avatar: 'https://files.mastodon.example/a.png',
      },
      media_attachments: [],
      mentions: s.inReplyTo
        ? [{ id: s.inReplyTo.accountId, username: s.inReplyTo.acct, acct: s.inReplyTo.acct, url: '' }]
        : [],
      tags: (s.tags ?? []).map((name) => ({ name, url: `https://mastodon.example/tags/${name}` })),
      emojis: [],
      card: null,
      poll: null,
    }
    this.statuses.push(status)
    return status
  }

  /** The author deletes a status: a `delete` event whose payload is the bare id, and search stops finding it. */
  deleteStatus(stream: string, tag: string | null, id: string): void {
    const at = this.statuses.findIndex((s) => s.id === id)
    if (at >= 0) this.statuses.splice(at, 1)
    this.publish(stream, tag, 'delete', id)
  }

  /** The author edits a status: a `status.update` event carrying the whole edited Status. */
  editStatus(stream: string, tag: string | null, id: string, content: string): Record<string, unknown> {
    const status = this.statuses.find((s) => s.id === id)
    if (!status) throw new Error(`no status ${id} in the fake`)
    status.content = content
    status.edited_at = new Date().toISOString()
    this.publish(stream, tag, 'status.update', status)
    return status
  }

  /** Sends an event to every client subscribed to this stream (hashtag streams by tag). */
  publish(stream: string, tag: string | null, event: string, payload: Record<string, unknown> | string): void {
    const key = tag === null ? stream : `${stream}#${tag.toLowerCase()}`
    const frame = JSON.stringify({
      stream: tag === null ? [stream] : [stream, tag],
      event,
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    })
    for (const c of this.clients) if (c.subs.has(key)) c.ws.send(frame)
  }

  protected accept(req: IncomingMessage, url: URL, socket: Duplex): boolean {
    const token = req.headers.authorization ?? `Bearer ${url.searchParams.get('access_token')}`
    if (url.pathname !== '/api/v1/streaming') {
      socket.destroy()
      return false
    }
    if (token !== `Bearer ${this.token}`) {
      socket.end(
        'HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\n\r\n{"error":"Error: Missing access token"}',
      )
      return false
    }
    return true
  }

  protected connect(ws: WebSocket, params: URLSearchParams): Client {
    this.streamConnections++
    const client: Client = { ws, subs: new Set() }
    const first = params.get('stream')
    if (first) client.subs.add(first === 'hashtag' ? `hashtag#${params.get('tag')?.toLowerCase()}` : first)
    ws.on('message', (data) => {
      let msg: Record<string, unknown>
      try {
        msg = JSON.parse(data.toString()) as Record<string, unknown>
      } catch {
        return
      }
      this.subscriptionLog.push(msg)
      const stream = String(msg.stream)
      if (!(STREAMS as readonly string[]).includes(stream)) {
        ws.send(JSON.stringify({ error: 'Unknown stream type', status: 400 }))
        return
      }
      const key = stream.startsWith('hashtag') ? `${stream}#${String(msg.tag).toLowerCase()}` : stream
      if (msg.type === 'subscribe') client.subs.add(key)
      else if (msg.type === 'unsubscribe') client.subs.delete(key)
    })
    return client
  }

  protected async http(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x')
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const authed = req.headers.authorization === `Bearer ${this.token}`
    if (url.pathname === '/api/v2/instance')
      return send(200, { domain: this.host, configuration: { urls: { streaming: `ws://${this.host}` } } })
    const read = req.method === 'GET' ? statusRead(url.pathname, this.statuses) : null
    if (read) {
      this.statusReads.push(url.pathname)
      const scripted = this.statusReadAnswer
      if (scripted) {
        res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers })
        return void res.end(JSON.stringify({ error: STATUS_CODES[scripted.status] ?? 'Error' }))
      }
      return send(read.status, read.body)
    }
    if (!authed) return send(401, { error: 'The access token is invalid' })
    if (url.pathname === '/api/v2/search') {
      this.searches.push(url.searchParams)
      if (this.searchStatus !== null) return send(this.searchStatus, { error: 'Search is unavailable' })
      const q = (url.searchParams.get('q') ?? '').toLowerCase()
      const min = url.searchParams.get('min_id')
      const hits = this.statuses.filter(
        (s) =>
          String(s.content).toLowerCase().includes(q) &&
          (min === null || BigInt(String(s.id)) > BigInt(min)) &&
          !String(s.id).startsWith('9'),
      )
      return send(200, { accounts: [], hashtags: [], statuses: hits.slice(-40).reverse() })
    }
    if (url.pathname === '/api/v1/accounts/verify_credentials')
      return send(200, { ...ME, followers_count: 0, source: {} })
    if (url.pathname === `/api/v1/accounts/${ME.id}/statuses`) return send(200, [...this.idempotent.values()].reverse())
    if (url.pathname === '/api/v1/statuses' && req.method === 'POST') {
      const body = await readBody(req)
      const key = req.headers['idempotency-key']
      const again = typeof key === 'string' ? this.idempotent.get(key) : undefined
      if (again) return send(200, again)
      if (typeof body.status !== 'string' || body.status.trim() === '')
        return send(422, { error: "Validation failed: Text can't be blank" })
      this.posted.push({ headers: req.headers, body })
      const id = String(this.nextId++)
      const status = {
        ...this.status({ id: `9${id}`, content: `<p>${body.status}</p>`, acct: ME.acct }),
        in_reply_to_id: body.in_reply_to_id ?? null,
        created_at: new Date().toISOString(),
      }
      if (typeof key === 'string') this.idempotent.set(key, status)
      if (this.loseNextPost) {
        this.loseNextPost = false
        res.socket?.destroy()
        return
      }
      return send(200, status)
    }
    send(404, { error: 'Record not found' })
  }
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  if ((req.headers['content-type'] ?? '').includes('application/json'))
    return JSON.parse(text) as Record<string, unknown>
  return Object.fromEntries(new URLSearchParams(text))
}
