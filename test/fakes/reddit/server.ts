// A fake of Reddit's API on 127.0.0.1, both faces of it: the public listings
// (`/search.json`, `/r/<name>/new.json`) and OAuth (`POST /api/v1/access_token`
// with HTTP Basic client credentials, then `/search` and `/r/<name>/new` with
// a bearer token). Listings are the documented envelope ({kind: 'Listing',
// data: {children: [{kind: 't3', data}]}}), newest first, with the
// X-Ratelimit-Used/-Remaining/-Reset headers on every answer. Scriptable:
// the next answers' status, an expired token, a private subreddit.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RedditThing } from '../../../src/main/core/connectors/reddit/connector'

export const CLIENT = { id: 'app-id-123', secret: 'app-secret-456' }

export class FakeReddit {
  readonly requests: Array<{ method: string; url: URL; headers: IncomingHttpHeaders }> = []
  private posts: Array<RedditThing & { subreddit: string }> = []
  private failures: Array<{ status: number; headers?: Record<string, string> }> = []
  private tokens = new Set<string>()
  private issued = 0
  remaining = 100
  readonly privateSubs = new Set<string>()
  private server: Server

  constructor() {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      this.requests.push({ method: req.method ?? 'GET', url, headers: req.headers })
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        this.remaining = Math.max(0, this.remaining - 1)
        res.writeHead(status, {
          'content-type': 'application/json; charset=UTF-8',
          'x-ratelimit-used': String(100 - this.remaining),
          'x-ratelimit-remaining': String(this.remaining),
          'x-ratelimit-reset': '300',
          ...headers,
        })
        res.end(JSON.stringify(body))
      }
      const failure = this.failures.shift()
      if (failure) return send(failure.status, { message: 'Too Many Requests', error: failure.status }, failure.headers)
      if (url.pathname === '/api/v1/access_token') {
        const basic = Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')
        if (req.method !== 'POST' || req.headers.authorization !== `Basic ${basic}`)
          return send(401, { message: 'Unauthorized', error: 401 })
        const token = `tok-${++this.issued}`
        this.tokens.add(token)
        return send(200, { access_token: token, token_type: 'bearer', expires_in: 86400, scope: '*' })
      }
      const publicFace = url.pathname.endsWith('.json')
      const path = url.pathname.replace(/\.json$/, '')
      if (!publicFace) {
        const token = /^bearer (\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
        if (!token || !this.tokens.has(token)) return send(401, { message: 'Unauthorized', error: 401 })
      }
      let found: Array<RedditThing & { subreddit: string }>
      const sub = /^\/r\/(\w+)\/new$/.exec(path)?.[1]
      if (path === '/search') {
        const words = (url.searchParams.get('q') ?? '').replace(/"/g, '').toLowerCase().split(/\s+/)
        found = this.posts.filter((p) =>
          words.every((w) => `${p.data.title} ${p.data.selftext}`.toLowerCase().includes(w)),
        )
      } else if (sub) {
        if (this.privateSubs.has(sub.toLowerCase()))
          return send(403, { reason: 'private', message: 'Forbidden', error: 403 })
        found = this.posts.filter((p) => p.subreddit.toLowerCase() === sub.toLowerCase())
      } else return send(404, { message: 'Not Found', error: 404 })
      const limit = Number(url.searchParams.get('limit') ?? 25)
      const children = found
        .sort((a, b) => b.data.created_utc - a.data.created_utc)
        .slice(0, limit)
        .map(({ subreddit: _, ...thing }) => thing)
      send(200, { kind: 'Listing', data: { after: null, before: null, dist: children.length, modhash: '', children } })
    })
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    return this
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  post(id: string, subreddit: string, createdUtc: number, title: string, selftext = ''): void {
    this.posts.push({
      subreddit,
      kind: 't3',
      data: {
        id,
        name: `t3_${id}`,
        title,
        selftext,
        author: `user_${id}`,
        subreddit,
        permalink: `/r/${subreddit}/comments/${id}/slug/`,
        url: `https://www.reddit.com/r/${subreddit}/comments/${id}/slug/`,
        created_utc: createdUtc,
        over_18: false,
      },
    })
  }

  fail(status: number, headers?: Record<string, string>): void {
    this.failures.push({ status, ...(headers ? { headers } : {}) })
  }

  /** Every token issued so far stops working (it expired). */
  expireTokens(): void {
    this.tokens.clear()
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()))
  }
}
