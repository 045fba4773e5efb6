// RSS/Atom: every feed polled on its own interval with conditional requests
// (ETag / Last-Modified kept as cursors, so a restart still gets its 304s).
// Items are keyed by GUID (or link), so the same item in two feeds is one
// mention. A feed that fails backs off and reports; the others keep going.
import { createHash } from 'node:crypto'
import type { MentionInput } from '../../../../shared/domain'
import { RecentKeys } from '../../pipeline/dedupe'
import { Backoff, inSeconds, type BackoffOptions } from '../backoff'
import type { Connector, ConnectorContext } from '../connector'
import { htmlToText } from '../html-text'
import { FeedError, parseFeed, type FeedItem, type ParsedFeed } from './parse'

export interface PolledFeed {
  url: string
  intervalMs: number
  title: string | null
}

export interface RssOptions {
  feeds: PolledFeed[]
  /** First failure delay and ceiling; defaults scale with the feed's interval. */
  backoff?: BackoffOptions
  timeoutMs?: number
  userAgent?: string
}

interface FeedState {
  feed: PolledFeed
  timer: NodeJS.Timeout | null
  backoff: Backoff
  /** Null while healthy; else the error shown. */
  error: string | null
  retryAt: number | null
  polls: number
  notModified: number
}

const MAX_ID = 200

export class RssConnector implements Connector {
  readonly source = 'rss' as const
  private ctx: ConnectorContext | null = null
  private states: FeedState[] = []
  private readonly seen = new RecentKeys(100_000)
  private inflight = new Set<Promise<void>>()
  private abort = new AbortController()

  constructor(private readonly o: RssOptions) {}

  start(ctx: ConnectorContext): void {
    this.ctx = ctx
    this.abort = new AbortController()
    this.states = this.o.feeds.map((feed) => ({
      feed,
      timer: null,
      backoff: new Backoff(
        this.o.backoff ?? {
          initialMs: Math.min(feed.intervalMs, 60_000),
          maxMs: Math.max(feed.intervalMs * 8, 3_600_000),
        },
      ),
      error: null,
      retryAt: null,
      polls: 0,
      notModified: 0,
    }))
    ctx.status({
      state: 'connecting',
      detail: `Fetching ${this.o.feeds.length} feed${plural(this.o.feeds.length)}`,
      until: null,
    })
    for (const s of this.states) this.schedule(s, 0)
  }

  async stop(): Promise<void> {
    this.ctx = null
    this.abort.abort()
    for (const s of this.states) if (s.timer) clearTimeout(s.timer)
    await Promise.all([...this.inflight])
  }

  /** Per feed, for tests and the status line. */
  feedStates(): ReadonlyArray<Readonly<FeedState>> {
    return this.states
  }

  private schedule(s: FeedState, delay: number): void {
    s.timer = setTimeout(() => {
      s.timer = null
      const p = this.poll(s).finally(() => this.inflight.delete(p))
      this.inflight.add(p)
    }, delay)
  }

  private async poll(s: FeedState): Promise<void> {
    const ctx = this.ctx
    if (!ctx) return
    s.polls++
    const url = s.feed.url
    try {
      const fetched = await this.fetchFeed(ctx, url)
      if (this.ctx !== ctx) return
      if (fetched === 'not-modified') s.notModified++
      else this.take(ctx, s, fetched)
      s.error = null
      s.retryAt = null
      s.backoff.reset()
      this.schedule(s, s.feed.intervalMs)
    } catch (err) {
      if (this.ctx !== ctx) return
      const message = err instanceof FeedError ? err.message : `fetch failed: ${(err as Error).message}`
      s.error = message
      ctx.log(`${url}: ${message}`)
      const delay = s.backoff.next()
      s.retryAt = ctx.now() + delay
      this.schedule(s, delay)
      if (!(err instanceof FeedError) || !err.message.startsWith('malformed')) ctx.gap.open(`feed ${url}: ${message}`)
    }
    this.report(ctx)
  }

  private async fetchFeed(ctx: ConnectorContext, url: string): Promise<ParsedFeed | 'not-modified'> {
    const headers: Record<string, string> = {
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
      'user-agent': this.o.userAgent ?? 'Earshot feed reader',
    }
    const etag = ctx.cursor.get(`etag ${url}`)
    const modified = ctx.cursor.get(`modified ${url}`)
    if (etag) headers['if-none-match'] = etag
    if (modified) headers['if-modified-since'] = modified
    const res = await fetch(url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.o.timeoutMs ?? 30_000)]),
    })
    if (res.status === 304) {
      await res.body?.cancel()
      return 'not-modified'
    }
    if (!res.ok) {
      await res.body?.cancel()
      throw new FeedError(`HTTP ${res.status} ${res.statusText}`.trim())
    }
    const body = await res.text()
    let parsed: ParsedFeed
    try {
      parsed = parseFeed(body)
    } catch (err) {
      if (err instanceof FeedError) throw new FeedError(`malformed feed: ${err.message}`)
      throw new FeedError(`malformed feed: ${(err as Error).message}`)
    }
    // Only a feed that parsed may set the validators: a broken body must be fetched again.
    ctx.cursor.set(`etag ${url}`, res.headers.get('etag'))
    ctx.cursor.set(`modified ${url}`, res.headers.get('last-modified'))
    return parsed
  }

  private take(ctx: ConnectorContext, s: FeedState, feed: ParsedFeed): void {
    const fresh: MentionInput[] = []
    for (const item of feed.items) {
      const mention = toMention(item, s.feed, feed, ctx.now())
      // Only what was emitted counts as seen: an item a new column wants later is still taken.
      if (ctx.matches(mention) && this.seen.admit(mention.externalId)) fresh.push(mention)
    }
    if (fresh.length > 0) ctx.emit(fresh)
  }

  private report(ctx: ConnectorContext): void {
    const failing = this.states.filter((s) => s.error !== null)
    const polled = this.states.filter((s) => s.polls > 0)
    if (failing.length === 0) ctx.gap.close()
    const total = this.states.length
    if (failing.length === 0) {
      ctx.status({ state: 'connected', detail: `${total} feed${plural(total)} polled`, until: null })
      return
    }
    const now = ctx.now()
    const lines = failing
      .map(
        (s) =>
          `${s.feed.title ?? s.feed.url}: ${s.error}${s.retryAt ? `, retrying ${inSeconds(s.retryAt - now)}` : ''}`,
      )
      .join('; ')
    ctx.status({
      state: failing.length === total && polled.length === total ? 'error' : 'connected',
      detail: `${total - failing.length} of ${total} feed${plural(total)} OK; ${lines}`,
      until: null,
    })
  }
}

function plural(n: number): string {
  return n === 1 ? '' : 's'
}

function host(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).host.replace(/^www\./, '')
  } catch {
    return null
  }
}

export function itemKey(id: string): string {
  return id.length <= MAX_ID ? id : `sha1:${createHash('sha1').update(id).digest('hex')}`
}

export function toMention(item: FeedItem, polled: PolledFeed, feed: ParsedFeed, now: number): MentionInput {
  const title = item.title ? htmlToText(item.title) : null
  const summary = htmlToText(item.summary)
  // The title leads the text: alert and review feeds say the most in it, and queries match text.
  const text = [title, summary].filter((t): t is string => !!t && t !== '').join('\n\n')
  const site = host(item.link) ?? host(feed.link) ?? host(polled.url) ?? 'feed'
  return {
    source: 'rss',
    externalId: itemKey(item.id),
    url: item.link,
    createdAt: item.published !== null ? Math.min(item.published, now) : now,
    author: {
      handle: site.slice(0, 100),
      name: (item.author ?? polled.title ?? feed.title ?? site).slice(0, 200),
      followers: 0,
      avatarUrl: null,
      verified: false,
    },
    text: text.slice(0, 20_000),
    lang: null,
    kind: 'post',
    refId: null,
    title: title?.slice(0, 1_000) ?? null,
    hasMedia: false,
  }
}
