// Reddit: every round searches all of Reddit for each column keyword
// (`/search?sort=new`) and reads the newest posts of the chosen subreddits
// (`/r/<name>/new`), each listing from where its last round stopped (a time
// cursor per listing in the archive). With an app's client id and secret it
// takes an application-only OAuth token (client credentials, renewed before it
// expires) and reads oauth.reddit.com, honouring the X-Ratelimit-* headers;
// without them it reads the public `.json` listings at their lower limit.
import { setTimeout as delay } from 'node:timers/promises'
import type { MentionInput } from '../../../../shared/domain'
import { RecentKeys } from '../../pipeline/dedupe'
import { Backoff, retryAfterMs } from '../backoff'
import type { Connector, ConnectorContext } from '../connector'
import { htmlToText } from '../html-text'
import { PollLoop, reportRetry } from '../poll-loop'
import { searchWords } from '../query-terms'
import { TimeCursor } from '../time-cursor'

export const REDDIT_WWW = 'https://www.reddit.com'
export const REDDIT_OAUTH = 'https://oauth.reddit.com'
/** Requests a minute: OAuth clients may make 100, the public listings about 10; both kept a little under. */
export const PER_MINUTE = { oauth: 90, public: 9 } as const
const MAX_KEYWORDS = 50
const FIRST_LOOK_BACK_S = 3_600
const USER_AGENT = 'desktop:earshot:1.0 (social listening console)'

export interface RedditOptions {
  pollMs: number
  searchKeywords: boolean
  subreddits: readonly string[]
  clientId?: string | undefined
  clientSecret?: string | undefined
  /** Origins (fakes in tests). */
  wwwBase?: string
  oauthBase?: string
  timeoutMs?: number
  backoff?: { initialMs: number; maxMs: number }
  /** Requests a minute this connector allows itself (default: PER_MINUTE for the mode). */
  perMinute?: number
}

/** The fields of a post (t3) or comment (t1) we read. */
export interface RedditThing {
  kind: string
  data: {
    id: string
    name?: string
    title?: string
    selftext?: string
    body?: string
    link_title?: string
    author?: string
    subreddit?: string
    permalink?: string
    url?: string
    created_utc: number
    over_18?: boolean
  }
}

export class RedditError extends Error {
  constructor(
    message: string,
    readonly waitMs: number | null = null,
    readonly rateLimited = false,
  ) {
    super(message)
  }
}

interface Listing {
  key: string
  path: string
  params: Record<string, string>
}

export class RedditConnector implements Connector {
  readonly source = 'reddit' as const
  private ctx: ConnectorContext | null = null
  private readonly loop = new PollLoop(() => this.poll())
  private token: { value: string; expiresAt: number } | null = null
  private readonly seen = new RecentKeys(50_000)
  private readonly backoff: Backoff
  /** Requests left in the current rate-limit window, and when it resets (from the last answer's headers). */
  private limit: { remaining: number; resetAt: number } | null = null

  constructor(private readonly o: RedditOptions) {
    this.backoff = new Backoff(o.backoff ?? { initialMs: 30_000, maxMs: 15 * 60_000 })
  }

  private get oauth(): boolean {
    return Boolean(this.o.clientId && this.o.clientSecret)
  }

  start(ctx: ConnectorContext): void {
    this.ctx = ctx
    ctx.status({ state: 'connecting', detail: this.oauth ? 'Signing in to Reddit' : 'Reading Reddit', until: null })
    this.loop.start()
  }

  async stop(): Promise<void> {
    this.ctx = null
    await this.loop.stop()
  }

  /** What a round reads: a search per column keyword, and each subreddit's new posts. */
  listings(): Listing[] {
    const ctx = this.ctx
    if (!ctx) return []
    const out: Listing[] = []
    if (this.o.searchKeywords) {
      for (const k of searchWords(ctx.columns(), MAX_KEYWORDS))
        out.push({
          key: `search ${k}`,
          path: '/search',
          params: { q: k.includes(' ') ? `"${k}"` : k, sort: 'new', type: 'link', limit: '100' },
        })
    }
    for (const s of this.o.subreddits) out.push({ key: `r/${s}`, path: `/r/${s}/new`, params: { limit: '100' } })
    return out
  }

  private async poll(): Promise<void> {
    const ctx = this.ctx
    if (!ctx) return
    const listings = this.listings()
    if (listings.length === 0) {
      ctx.status({ state: 'idle', detail: 'No column keywords or subreddits to read', until: null })
      this.loop.next(this.o.pollMs)
      return
    }
    const spacing = 60_000 / (this.o.perMinute ?? PER_MINUTE[this.oauth ? 'oauth' : 'public'])
    const started = ctx.now()
    try {
      for (const [i, listing] of listings.entries()) {
        if (this.ctx !== ctx) return
        if (i > 0) await delay(spacing, undefined, { signal: this.loop.signal }).catch(() => {})
        await this.read(ctx, listing)
      }
      if (this.ctx !== ctx) return
      this.backoff.reset()
      ctx.gap.close()
      ctx.status({
        state: 'connected',
        detail: `${listings.length} listing${listings.length === 1 ? '' : 's'} read${this.oauth ? ' (OAuth)' : ' (public listings, lower rate)'}${
          this.limit ? `; ${this.limit.remaining} requests left this window` : ''
        }`,
        until: null,
      })
      this.loop.next(Math.max(0, this.o.pollMs - (ctx.now() - started)))
    } catch (err) {
      if (this.ctx !== ctx || this.loop.signal.aborted) return
      const e = err instanceof RedditError ? err : new RedditError(`request failed: ${(err as Error).message}`)
      const wait = e.waitMs ?? this.backoff.next()
      reportRetry(ctx, 'Reddit', e.message, e.rateLimited ? 'rate_limited' : 'error', wait)
      this.loop.next(wait)
    }
  }

  private async read(ctx: ConnectorContext, listing: Listing): Promise<void> {
    const cursor = TimeCursor.parse(ctx.cursor.get(listing.key), Math.floor(ctx.now() / 1000) - FIRST_LOOK_BACK_S)
    const things = await this.listing(listing)
    const fresh: MentionInput[] = []
    for (const thing of things) {
      const time = Math.floor(Number(thing.data?.created_utc))
      if (!thing.data?.id || !Number.isFinite(time) || !cursor.offer(thing.data.id, time)) continue
      const mention = toMention(thing, ctx.now())
      if (mention && ctx.matches(mention) && this.seen.admit(mention.externalId)) fresh.push(mention)
    }
    if (fresh.length > 0) ctx.emit(fresh)
    ctx.cursor.set(listing.key, cursor.toString())
  }

  private async listing(listing: Listing): Promise<RedditThing[]> {
    if (this.limit && this.limit.remaining < 1 && Date.now() < this.limit.resetAt)
      throw new RedditError('rate limit used up', this.limit.resetAt - Date.now(), true)
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': USER_AGENT }
    let url: URL
    if (this.oauth) {
      headers.authorization = `bearer ${await this.accessToken()}`
      url = new URL(listing.path, this.o.oauthBase ?? REDDIT_OAUTH)
      url.searchParams.set('raw_json', '1')
    } else url = new URL(`${listing.path}.json`, this.o.wwwBase ?? REDDIT_WWW)
    for (const [k, v] of Object.entries(listing.params)) url.searchParams.set(k, v)
    const res = await this.fetch(url, { headers })
    this.noteLimit(res)
    if (res.status === 401 && this.oauth) {
      this.token = null
      throw new RedditError('the access token was refused; signing in again', 1_000)
    }
    if (res.status === 429) {
      const wait = retryAfterMs(res.headers) ?? (this.limit ? Math.max(1_000, this.limit.resetAt - Date.now()) : null)
      throw new RedditError('rate limited (HTTP 429)', wait, true)
    }
    if (res.status === 403 || res.status === 404) {
      // A private, banned or missing subreddit: say so, and keep reading the others.
      await res.body?.cancel()
      return []
    }
    if (!res.ok) throw new RedditError(`HTTP ${res.status}`)
    const body = (await res.json().catch(() => null)) as { data?: { children?: unknown } } | null
    const children = body?.data?.children
    if (!Array.isArray(children)) throw new RedditError('the answer is not a listing')
    return children as RedditThing[]
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value
    const url = new URL('/api/v1/access_token', this.o.wwwBase ?? REDDIT_WWW)
    const basic = Buffer.from(`${this.o.clientId}:${this.o.clientSecret}`).toString('base64')
    const res = await this.fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': USER_AGENT,
      },
      body: 'grant_type=client_credentials',
    })
    if (res.status === 401 || res.status === 403)
      throw new RedditError('Reddit refused the app’s client id or secret', 15 * 60_000)
    if (res.status === 429) throw new RedditError('rate limited while signing in', retryAfterMs(res.headers), true)
    if (!res.ok) throw new RedditError(`sign-in failed: HTTP ${res.status}`)
    const body = (await res.json().catch(() => null)) as { access_token?: string; expires_in?: number } | null
    if (!body?.access_token) throw new RedditError('sign-in answered without a token')
    this.token = { value: body.access_token, expiresAt: Date.now() + (Number(body.expires_in) || 3_600) * 1000 }
    return this.token.value
  }

  private fetch(url: URL, init: RequestInit): Promise<Response> {
    return fetch(url, {
      ...init,
      redirect: 'follow',
      signal: AbortSignal.any([this.loop.signal, AbortSignal.timeout(this.o.timeoutMs ?? 15_000)]),
    })
  }

  private noteLimit(res: Response): void {
    const remaining = Number(res.headers.get('x-ratelimit-remaining'))
    const reset = Number(res.headers.get('x-ratelimit-reset'))
    if (res.headers.has('x-ratelimit-remaining') && Number.isFinite(remaining) && Number.isFinite(reset))
      this.limit = { remaining: Math.floor(remaining), resetAt: Date.now() + reset * 1000 }
  }
}

/** A post or comment as a mention; null for anything else (a subreddit, a user, a malformed thing). */
export function toMention(thing: RedditThing, now: number): MentionInput | null {
  const d = thing.data
  if ((thing.kind !== 't3' && thing.kind !== 't1') || typeof d?.id !== 'string' || d.id === '') return null
  const comment = thing.kind === 't1'
  const title = comment ? (d.link_title ?? null) : (d.title ?? null)
  const body = htmlToText(comment ? (d.body ?? '') : (d.selftext ?? ''))
  const text = comment ? body : [d.title ?? '', body].filter((t) => t !== '').join('\n\n')
  if (text.trim() === '') return null
  const author = (d.author ?? '[deleted]').slice(0, 100)
  return {
    source: 'reddit',
    externalId: `${thing.kind}_${d.id}`.slice(0, 100),
    url: d.permalink ? `https://www.reddit.com${d.permalink}` : null,
    createdAt: Math.min(Math.floor(d.created_utc * 1000), now),
    author: {
      handle: author,
      name: d.subreddit ? `${author} in r/${d.subreddit}` : author,
      followers: 0,
      avatarUrl: null,
      verified: false,
    },
    text: text.slice(0, 20_000),
    lang: null,
    kind: comment ? 'reply' : 'post',
    refId: null,
    title: title?.slice(0, 1_000) ?? null,
    hasMedia: false,
  }
}
