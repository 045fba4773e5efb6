// Hacker News through Algolia's public search API (hn.algolia.com, no key):
// `search_by_date` for every keyword the columns ask for, newest first, from
// where the last poll of that keyword stopped (a cursor per keyword in the
// archive, so a restart neither misses nor repeats). Stories and comments
// become mentions linked to their news.ycombinator.com item; the live matcher
// then decides which columns take them (Algolia's matching is looser).
// The API allows about 10,000 requests an hour from one address: a round
// spaces its requests so the whole set stays under 9,000 an hour, a 429 waits
// for Retry-After (or backs off), and a failing round records a gap.
import { setTimeout as delay } from 'node:timers/promises'
import type { MentionInput } from '../../../../shared/domain'
import type { HackerNewsConfig } from '../../../../shared/sources/hackernews'
import { RecentKeys } from '../../pipeline/dedupe'
import { Backoff, retryAfterMs } from '../backoff'
import type { Connector, ConnectorContext } from '../connector'
import { htmlToText } from '../html-text'
import { PollLoop, reportRetry } from '../poll-loop'
import { searchWords } from '../query-terms'
import { TimeCursor } from '../time-cursor'

export const HN_API = 'https://hn.algolia.com'
/** Requests per hour the connector allows itself (Algolia's limit is 10,000 per address). */
export const HOURLY_BUDGET = 9_000
const MAX_KEYWORDS = 100
const HITS_PER_PAGE = 100
const MAX_PAGES = 5
/** How far back the first poll of a new keyword reaches. */
const FIRST_LOOK_BACK_S = 3_600

export interface HackerNewsOptions {
  pollMs: number
  include: HackerNewsConfig['include']
  /** The API's origin (a fake one in tests). */
  apiBase?: string
  timeoutMs?: number
  backoff?: { initialMs: number; maxMs: number }
}

/** One hit of `search_by_date`, the fields we read. */
export interface HnHit {
  objectID: string
  created_at_i: number
  author: string | null
  title?: string | null
  url?: string | null
  story_text?: string | null
  comment_text?: string | null
  story_title?: string | null
  story_id?: number | null
  parent_id?: number | null
  _tags?: string[]
}

interface SearchPage {
  hits: HnHit[]
  nbPages: number
  page: number
}

export class RateLimited extends Error {
  constructor(readonly retryAfterMs: number | null) {
    super('rate limited (HTTP 429)')
  }
}

export class HackerNewsConnector implements Connector {
  readonly source = 'hackernews' as const
  private ctx: ConnectorContext | null = null
  private readonly loop = new PollLoop(() => this.poll())
  private readonly seen = new RecentKeys(50_000)
  private readonly backoff: Backoff

  constructor(private readonly o: HackerNewsOptions) {
    this.backoff = new Backoff(o.backoff ?? { initialMs: 30_000, maxMs: 15 * 60_000 })
  }

  start(ctx: ConnectorContext): void {
    this.ctx = ctx
    ctx.status({ state: 'connecting', detail: 'Searching Hacker News', until: null })
    this.loop.start()
  }

  async stop(): Promise<void> {
    this.ctx = null
    await this.loop.stop()
  }

  /** The keywords searched: every positive word, phrase and hashtag of the column queries. */
  keywords(): string[] {
    const ctx = this.ctx
    if (!ctx) return []
    return searchWords(ctx.columns(), MAX_KEYWORDS)
  }

  private async poll(): Promise<void> {
    const ctx = this.ctx
    if (!ctx) return
    const keywords = this.keywords()
    if (keywords.length === 0) {
      ctx.status({ state: 'idle', detail: 'No column keywords to search for', until: null })
      this.loop.next(this.o.pollMs)
      return
    }
    // Spread a round so that all of them together stay inside the hourly budget.
    const spacing = Math.max(0, (3_600_000 / HOURLY_BUDGET) * keywords.length - this.o.pollMs) / keywords.length
    try {
      for (const keyword of keywords) {
        if (this.ctx !== ctx) return
        await this.pollKeyword(ctx, keyword)
        if (spacing > 0) await delay(spacing, undefined, { signal: this.loop.signal }).catch(() => {})
      }
      if (this.ctx !== ctx) return
      this.backoff.reset()
      ctx.gap.close()
      ctx.status({
        state: 'connected',
        detail: `${keywords.length} keyword${keywords.length === 1 ? '' : 's'} searched every ${Math.round(this.o.pollMs / 1000)} s`,
        until: null,
      })
      this.loop.next(this.o.pollMs)
    } catch (err) {
      if (this.ctx !== ctx || this.loop.signal.aborted) return
      const limited = err instanceof RateLimited
      const wait = limited && err.retryAfterMs !== null ? err.retryAfterMs : this.backoff.next()
      const message = limited ? err.message : `search failed: ${(err as Error).message}`
      reportRetry(ctx, 'Hacker News', message, limited ? 'rate_limited' : 'error', wait)
      this.loop.next(wait)
    }
  }

  private async pollKeyword(ctx: ConnectorContext, keyword: string): Promise<void> {
    const key = `since ${keyword}`
    const cursor = TimeCursor.parse(ctx.cursor.get(key), Math.floor(ctx.now() / 1000) - FIRST_LOOK_BACK_S)
    const fresh: MentionInput[] = []
    for (let page = 0; page < MAX_PAGES; page++) {
      // From the same second again (`>=`): the cursor skips what it already took.
      const result = await this.search(keyword, cursor.since, page)
      for (const hit of result.hits) {
        if (!cursor.offer(hit.objectID, hit.created_at_i)) continue
        const mention = toMention(hit, ctx.now())
        if (mention && ctx.matches(mention) && this.seen.admit(mention.externalId)) fresh.push(mention)
      }
      if (result.page + 1 >= result.nbPages || result.hits.length < HITS_PER_PAGE) break
    }
    if (fresh.length > 0) ctx.emit(fresh)
    ctx.cursor.set(key, cursor.toString())
  }

  private async search(keyword: string, since: number, page: number): Promise<SearchPage> {
    const tags = this.o.include === 'both' ? '(story,comment)' : this.o.include === 'stories' ? 'story' : 'comment'
    const url = new URL('/api/v1/search_by_date', this.o.apiBase ?? HN_API)
    url.searchParams.set('query', keyword)
    url.searchParams.set('tags', tags)
    url.searchParams.set('numericFilters', `created_at_i>=${since}`)
    url.searchParams.set('hitsPerPage', String(HITS_PER_PAGE))
    url.searchParams.set('page', String(page))
    const res = await fetch(url, {
      headers: { accept: 'application/json', 'user-agent': 'Earshot social listening' },
      signal: AbortSignal.any([this.loop.signal, AbortSignal.timeout(this.o.timeoutMs ?? 15_000)]),
    })
    if (res.status === 429) {
      await res.body?.cancel()
      throw new RateLimited(retryAfterMs(res.headers))
    }
    if (!res.ok) {
      await res.body?.cancel()
      throw new Error(`HTTP ${res.status}`)
    }
    let body: unknown
    try {
      body = await res.json()
    } catch {
      throw new Error('the answer was not JSON')
    }
    const page_ = body as Partial<SearchPage>
    if (!Array.isArray(page_.hits)) throw new Error('the answer has no hits list')
    return { hits: page_.hits, nbPages: Number(page_.nbPages) || 1, page: Number(page_.page) || 0 }
  }
}

export const itemUrl = (id: string) => `https://news.ycombinator.com/item?id=${encodeURIComponent(id)}`

/** A story or a comment as a mention; null for a hit that is neither (or has no id or time). */
export function toMention(hit: HnHit, now: number): MentionInput | null {
  if (typeof hit.objectID !== 'string' || hit.objectID === '' || !Number.isFinite(hit.created_at_i)) return null
  const tags = hit._tags ?? []
  const comment = tags.includes('comment') || (hit.comment_text != null && hit.title == null)
  const author = (hit.author ?? 'unknown').slice(0, 100)
  const title = comment ? (hit.story_title ?? null) : (hit.title ?? null)
  const body = htmlToText(comment ? (hit.comment_text ?? '') : (hit.story_text ?? ''))
  const text = comment ? body : [hit.title ?? '', hit.url ?? '', body].filter((t) => t !== '').join('\n\n')
  if (text.trim() === '') return null
  return {
    source: 'hackernews',
    externalId: hit.objectID.slice(0, 100),
    url: itemUrl(hit.objectID),
    createdAt: Math.min(hit.created_at_i * 1000, now),
    author: { handle: author, name: author, followers: 0, avatarUrl: null, verified: false },
    text: text.slice(0, 20_000),
    lang: null,
    kind: comment ? 'reply' : 'post',
    refId: null,
    title: title?.slice(0, 1_000) ?? null,
    hasMedia: false,
  }
}
