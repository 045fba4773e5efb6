// A local fake of the X API v2 endpoints Earshot uses, on 127.0.0.1 and a
// free port, speaking the documented protocol (see shared/fixtures/x-api-v2
// REFERENCE.md): bearer-token and OAuth 1.0a auth, x-rate-limit-* headers on
// every REST response with a 15-minute window on an injectable clock, RFC 7807
// problems, the filtered stream with its rules, recent search with since_id
// and next_token, post look-up by id, and POST /2/tweets with the account's
// timeline. Tests script
// failures: HTTP errors with headers, dropped connections, a dropped response
// after a post was created, rule validation errors.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { lookupBody } from './lookup'
import { verifyOAuth1, type OAuth1Credentials } from './oauth1'
import { asServed, tweetFieldsOf } from './posts'
import { problems } from './problems'
import { listRules, writeRules, type FakeRule } from './rules'
import { StreamConnection } from './stream'

export const TWEET_FIELDS_ENUM = new Set([
  'attachments', 'author_id', 'card_uri', 'community_id', 'context_annotations', 'conversation_id', 'created_at',
  'display_text_range', 'edit_controls', 'edit_history_tweet_ids', 'entities', 'geo', 'id', 'in_reply_to_user_id',
  'lang', 'media_metadata', 'non_public_metrics', 'note_tweet', 'organic_metrics', 'possibly_sensitive',
  'promoted_metrics', 'public_metrics', 'referenced_tweets', 'reply_settings', 'scopes', 'source', 'text', 'withheld',
]) // prettier-ignore
export const USER_FIELDS_ENUM = new Set([
  'affiliation', 'created_at', 'description', 'entities', 'id', 'location', 'most_recent_tweet_id', 'name',
  'pinned_tweet_id', 'profile_banner_url', 'profile_image_url', 'protected', 'public_metrics', 'url', 'username',
  'verified', 'verified_type', 'withheld',
]) // prettier-ignore
export const EXPANSIONS_ENUM = new Set([
  'attachments.media_keys', 'attachments.poll_ids', 'author_id', 'edit_history_tweet_ids', 'entities.mentions.username',
  'geo.place_id', 'in_reply_to_user_id', 'referenced_tweets.id', 'referenced_tweets.id.author_id',
]) // prettier-ignore

const WINDOW_MS = 15 * 60_000

export type { FakeRule } from './rules'

export interface FakeTweet {
  id: string
  text: string
  author_id?: string
  created_at?: string
  referenced_tweets?: Array<{ type: 'retweeted' | 'quoted' | 'replied_to'; id: string }>
  [field: string]: unknown
}

export interface FakeUser {
  id: string
  username: string
  name?: string
  [field: string]: unknown
}

/** A scripted answer to the next request(s) of an endpoint. */
export type Scripted =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Destroy the socket without any response. */
  | { drop: true }

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  /** Epoch ms on the fake's clock. */
  at: number
}

export interface FakeXOptions {
  bearerToken?: string
  /** The account whose OAuth 1.0a tokens POST /2/tweets and the user endpoints accept. */
  user?: OAuth1Credentials & { id: string; username: string }
  now?: () => number
  /** Requests per 15 minutes per endpoint (X's documented limits by default). */
  limits?: Partial<Record<Endpoint, number>>
}

export type Endpoint =
  'stream' | 'rules.read' | 'rules.write' | 'search' | 'tweets.create' | 'users.me' | 'users.tweets' | 'tweets.lookup'

const DEFAULT_LIMITS: Record<Endpoint, number> = {
  stream: 50,
  'rules.read': 450,
  'rules.write': 100,
  search: 450,
  'tweets.create': 100,
  'users.me': 75,
  'users.tweets': 900,
  'tweets.lookup': 450,
}

export class FakeXApi {
  readonly requests: RecordedRequest[] = []
  readonly rules: FakeRule[] = []
  /** Posts on X: recent search finds them, look-up by id too; newest last. */
  readonly searchable: Array<{ tweet: FakeTweet; users: FakeUser[] }> = []
  /** Posts created through POST /2/tweets. */
  readonly posted: FakeTweet[] = []
  /** Rule values (or a predicate) X refuses, with the details it gives. */
  invalidRules = new Map<string, string[]>()
  streams: StreamConnection[] = []
  /** Write "\r\n" on new stream connections this often (0: never). */
  keepAliveMs = 0

  private server: Server
  private nextId = 1_900_000_000_000_000_000n
  private windows = new Map<Endpoint, { start: number; used: number }>()
  private scripts = new Map<Endpoint, Scripted[]>()
  private dropNextPostResponse = false
  private streamWaiters: Array<(s: StreamConnection) => void> = []
  private readonly now: () => number
  private readonly limits: Record<Endpoint, number>

  constructor(private readonly options: FakeXOptions = {}) {
    this.now = options.now ?? Date.now
    this.limits = { ...DEFAULT_LIMITS, ...options.limits }
    this.server = createServer((req, res) => void this.handle(req, res))
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    return this.url
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.drop()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  /** Queues scripted answers for an endpoint's next requests, in order. */
  script(endpoint: Endpoint, ...answers: Scripted[]): void {
    this.scripts.set(endpoint, [...(this.scripts.get(endpoint) ?? []), ...answers])
  }

  /** The next POST /2/tweets creates the post, then the connection dies before the response. */
  dropResponseAfterNextPost(): void {
    this.dropNextPostResponse = true
  }

  newId(): string {
    this.nextId += 1n
    return this.nextId.toString()
  }

  /** The live stream connection (the last one opened and not closed). */
  get stream(): StreamConnection | undefined {
    return this.streams.filter((s) => !s.closed).at(-1)
  }

  streamsOpened(): number {
    return this.streams.length
  }

  /** Resolves with the next stream connection opened (or the open one when `current`). */
  nextStream(current = false): Promise<StreamConnection> {
    if (current && this.stream) return Promise.resolve(this.stream)
    return new Promise((resolve) => this.streamWaiters.push(resolve))
  }

  /** Sends a post on the live stream with matching_rules for the rules these tags name. */
  streamPost(tweet: FakeTweet, users: FakeUser[], ruleTags: string[]): void {
    const matching = this.rules.filter((r) => r.tag !== undefined && ruleTags.includes(r.tag))
    const stream = this.stream
    if (!stream) return
    stream.writeLine({
      data: asServed(tweet, stream.tweetFields),
      includes: { users },
      matching_rules: matching.map((r) => ({ id: r.id, tag: r.tag })),
    })
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path)
  }

  // ---------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x')
    const raw = await readBody(req)
    let body: unknown = undefined
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        return this.json(res, 400, problems.invalidRequest('The request body is not valid JSON.'))
      }
    }
    this.requests.push({
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body,
      at: this.now(),
    })
    const route = `${req.method} ${url.pathname}`
    const userTweets = /^GET \/2\/users\/(\d+)\/tweets$/.exec(route)
    const singleTweet = /^GET \/2\/tweets\/(\d+)$/.exec(route)
    const endpoint: Endpoint | null =
      route === 'GET /2/tweets/search/stream'
        ? 'stream'
        : route === 'GET /2/tweets/search/stream/rules'
          ? 'rules.read'
          : route === 'POST /2/tweets/search/stream/rules'
            ? 'rules.write'
            : route === 'GET /2/tweets/search/recent'
              ? 'search'
              : route === 'POST /2/tweets'
                ? 'tweets.create'
                : route === 'GET /2/users/me'
                  ? 'users.me'
                  : userTweets
                    ? 'users.tweets'
                    : route === 'GET /2/tweets' || singleTweet
                      ? 'tweets.lookup'
                      : null
    if (!endpoint) return this.json(res, 404, { title: 'Not Found Error', type: 'about:blank', status: 404 })
    const userContext = endpoint === 'tweets.create' || endpoint === 'users.me' || endpoint === 'users.tweets'
    if (!(userContext ? this.oauth1Ok(req, url) : this.bearerOk(req)))
      return this.json(res, 401, problems.unauthorized())

    const scripted = this.scripts.get(endpoint)?.shift()
    if (scripted) {
      if ('drop' in scripted) return void res.socket?.destroy()
      return this.json(res, scripted.status, scripted.body ?? {}, {
        ...this.rateHeaders(endpoint, false),
        ...scripted.headers,
      })
    }
    const headers = this.rateHeaders(endpoint, true)
    if (headers === null) return this.json(res, 429, problems.tooManyRequests(), this.rateHeaders(endpoint, false)!)
    switch (endpoint) {
      case 'stream':
        return this.openStream(url.searchParams, res, headers)
      case 'rules.read':
        return this.json(res, 200, listRules(this.rules, new Date(this.now()).toISOString()), headers)
      case 'rules.write':
        return this.writeRules(url.searchParams, body, res, headers)
      case 'search':
        return this.search(url.searchParams, res, headers)
      case 'tweets.create':
        return this.createTweet(body, res, headers)
      case 'users.me': {
        const u = this.options.user!
        return this.json(res, 200, { data: { id: u.id, name: u.username, username: u.username } }, headers)
      }
      case 'users.tweets':
        return this.userTweets(userTweets![1]!, url.searchParams, res, headers)
      case 'tweets.lookup':
        return this.lookup(singleTweet ? [singleTweet[1]!] : null, url.searchParams, res, headers)
    }
  }

  private bearerOk(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${this.options.bearerToken ?? 'test-bearer'}`
  }

  /** A signature that verifies with the account's credentials. */
  private oauth1Ok(req: IncomingMessage, url: URL): boolean {
    return this.options.user !== undefined && verifyOAuth1(req, url, this.options.user) === null
  }

  /** The rate-limit headers after counting this request, or null when the window is spent. */
  private rateHeaders(endpoint: Endpoint, count: boolean): Record<string, string> | null {
    const now = this.now()
    let w = this.windows.get(endpoint)
    if (!w || now >= w.start + WINDOW_MS) {
      w = { start: now, used: 0 }
      this.windows.set(endpoint, w)
    }
    const limit = this.limits[endpoint]
    if (count) {
      if (w.used >= limit) return null
      w.used++
    }
    return {
      'x-rate-limit-limit': String(limit),
      'x-rate-limit-remaining': String(Math.max(0, limit - w.used)),
      'x-rate-limit-reset': String(Math.ceil((w.start + WINDOW_MS) / 1000)),
    }
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const type = status >= 400 && !('errors' in (body as object)) ? 'application/problem+json' : 'application/json'
    res.writeHead(status, { 'content-type': type, ...headers })
    res.end(JSON.stringify(body))
  }

  private badFields(query: URLSearchParams): string | null {
    const check = (name: string, allowed: Set<string>) =>
      (query.get(name) ?? '')
        .split(',')
        .filter((v) => v !== '')
        .find((v) => !allowed.has(v))
    for (const [name, allowed] of [
      ['tweet.fields', TWEET_FIELDS_ENUM],
      ['user.fields', USER_FIELDS_ENUM],
      ['expansions', EXPANSIONS_ENUM],
    ] as const) {
      const bad = check(name, allowed)
      if (bad) return `The \`${name}\` query parameter value [${bad}] is not one of [${[...allowed].join(',')}]`
    }
    return null
  }

  private openStream(query: URLSearchParams, res: ServerResponse, headers: Record<string, string>): void {
    const bad = this.badFields(query)
    if (bad) return this.json(res, 400, problems.invalidRequest(bad), headers)
    if (this.stream) return this.json(res, 429, problems.tooManyConnections(), headers)
    if (this.rules.length === 0) return this.json(res, 409, problems.noRules(), headers)
    res.writeHead(200, { 'content-type': 'application/json', ...headers })
    res.flushHeaders()
    const connection = new StreamConnection(res, tweetFieldsOf(query))
    this.streams.push(connection)
    if (this.keepAliveMs > 0) connection.startKeepAlive(this.keepAliveMs)
    for (const waiter of this.streamWaiters.splice(0)) waiter(connection)
  }

  private writeRules(
    query: URLSearchParams,
    body: unknown,
    res: ServerResponse,
    headers: Record<string, string>,
  ): void {
    const answer = writeRules(this, query, body, new Date(this.now()).toISOString())
    return this.json(res, answer.status, answer.body, headers)
  }

  private search(query: URLSearchParams, res: ServerResponse, headers: Record<string, string>): void {
    const q = query.get('query')
    if (!q) return this.json(res, 400, problems.invalidRequest("The 'query' parameter is required."), headers)
    if (q.length > 512)
      return this.json(res, 400, problems.invalidRequest(`The 'query' parameter length must be <= 512.`), headers)
    const bad = this.badFields(query)
    if (bad) return this.json(res, 400, problems.invalidRequest(bad), headers)
    const max = Number(query.get('max_results') ?? 10)
    if (!Number.isInteger(max) || max < 10 || max > 100)
      return this.json(
        res,
        400,
        problems.invalidRequest('The `max_results` query parameter value is not between 10 and 100'),
        headers,
      )
    const since = query.get('since_id')
    const token = query.get('next_token') ?? query.get('pagination_token')
    const words = q
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
    const all = this.searchable
      .filter(({ tweet }) => words.every((w) => tweet.text.toLowerCase().includes(w)))
      .filter(({ tweet }) => !since || BigInt(tweet.id) > BigInt(since))
      .sort((a, b) => (BigInt(b.tweet.id) > BigInt(a.tweet.id) ? 1 : -1))
    const offset = token ? Number(Buffer.from(token, 'base64url').toString()) : 0
    const page = all.slice(offset, offset + max)
    const next = offset + max < all.length ? Buffer.from(String(offset + max)).toString('base64url') : undefined
    const users = [...new Map(page.flatMap((p) => p.users).map((u) => [u.id, u])).values()]
    return this.json(
      res,
      200,
      {
        ...(page.length > 0
          ? { data: page.map((p) => asServed(p.tweet, tweetFieldsOf(query))), includes: { users } }
          : {}),
        meta: {
          ...(page.length > 0 ? { newest_id: page[0]!.tweet.id, oldest_id: page.at(-1)!.tweet.id } : {}),
          result_count: page.length,
          ...(next ? { next_token: next } : {}),
        },
      },
      headers,
    )
  }

  private lookup(
    single: string[] | null,
    query: URLSearchParams,
    res: ServerResponse,
    headers: Record<string, string>,
  ): void {
    const bad = this.badFields(query)
    if (bad) return this.json(res, 400, problems.invalidRequest(bad), headers)
    const ids = single ?? (query.get('ids') ?? '').split(',').filter((id) => id !== '')
    if (ids.length < 1 || ids.length > 100)
      return this.json(res, 400, problems.invalidRequest('The `ids` query parameter needs 1 to 100 ids.'), headers)
    const find = (id: string) =>
      this.searchable.find((p) => p.tweet.id === id) ??
      (this.posted.some((t) => t.id === id) ? { tweet: this.posted.find((t) => t.id === id)!, users: [] } : undefined)
    return this.json(res, 200, lookupBody(ids, find, single !== null), headers)
  }

  private createTweet(body: unknown, res: ServerResponse, headers: Record<string, string>): void {
    const b = (body ?? {}) as { text?: unknown; reply?: { in_reply_to_tweet_id?: unknown }; quote_tweet_id?: unknown }
    if (typeof b.text !== 'string' || b.text.length === 0)
      return this.json(res, 400, problems.invalidRequest('The `text` field is required.'), headers)
    const replyTo = b.reply?.in_reply_to_tweet_id
    const quoted = b.quote_tweet_id
    const tweet: FakeTweet = {
      id: this.newId(),
      text: b.text,
      author_id: this.options.user!.id,
      created_at: new Date(this.now()).toISOString(),
      ...(typeof replyTo === 'string' || typeof quoted === 'string'
        ? {
            referenced_tweets: [
              typeof replyTo === 'string'
                ? { type: 'replied_to' as const, id: replyTo }
                : { type: 'quoted' as const, id: quoted as string },
            ],
          }
        : {}),
    }
    this.posted.push(tweet)
    if (this.dropNextPostResponse) {
      this.dropNextPostResponse = false
      return void res.socket?.destroy()
    }
    return this.json(
      res,
      201,
      { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } },
      headers,
    )
  }

  private userTweets(
    userId: string,
    query: URLSearchParams,
    res: ServerResponse,
    headers: Record<string, string>,
  ): void {
    const start = query.get('start_time')
    const fields = new Set((query.get('tweet.fields') ?? '').split(','))
    const list = this.posted
      .filter((t) => t.author_id === userId)
      .filter((t) => !start || Date.parse(t.created_at!) >= Date.parse(start))
      .reverse()
      .slice(0, Number(query.get('max_results') ?? 10))
      .map((t) => ({
        id: t.id,
        text: t.text,
        edit_history_tweet_ids: [t.id],
        ...(fields.has('referenced_tweets') && t.referenced_tweets ? { referenced_tweets: t.referenced_tweets } : {}),
        ...(fields.has('created_at') ? { created_at: t.created_at } : {}),
      }))
    return this.json(
      res,
      200,
      {
        ...(list.length > 0 ? { data: list } : {}),
        meta: {
          result_count: list.length,
          ...(list.length > 0 ? { newest_id: list[0]!.id, oldest_id: list.at(-1)!.id } : {}),
        },
      },
      headers,
    )
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
