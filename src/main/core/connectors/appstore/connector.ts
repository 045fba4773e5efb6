// App Store reviews: Apple's public customer-reviews feed, JSON, per app and
// storefront (itunes.apple.com/<country>/rss/customerreviews/page=N/id=<app>/
// sortby=mostrecent/json), newest first, 50 a page and at most 10 pages. Each
// app is polled on the interval; a poll reads pages until it reaches reviews
// it has seen (a time cursor per app and country in the archive). Reviews
// become mentions with their star rating (the card shows it; `rating:<=2`
// selects it). A feed that fails or cannot be read backs off and records a
// gap; the other apps keep going.
import type { MentionInput } from '../../../../shared/domain'
import type { AppStoreApp } from '../../../../shared/sources/appstore'
import { RecentKeys } from '../../pipeline/dedupe'
import { Backoff, inSeconds, retryAfterMs } from '../backoff'
import type { Connector, ConnectorContext } from '../connector'
import { TimeCursor } from '../time-cursor'

export const APPSTORE_API = 'https://itunes.apple.com'
const MAX_PAGES = 10
/** How far back the first poll of an app reaches. */
const FIRST_LOOK_BACK_S = 7 * 24 * 3_600

export interface AppStoreOptions {
  apps: readonly AppStoreApp[]
  pollMs: number
  apiBase?: string
  timeoutMs?: number
  backoff?: { initialMs: number; maxMs: number }
}

type Label = { label?: string }

/** One `feed.entry` of the customer-reviews JSON, the fields we read. */
export interface ReviewEntry {
  id?: Label
  title?: Label
  content?: Label & { attributes?: { type?: string } }
  author?: { name?: Label; uri?: Label }
  updated?: Label
  'im:rating'?: Label
  'im:version'?: Label
  link?: { attributes?: { href?: string } }
}

export class FeedUnreadable extends Error {}

interface AppState {
  app: AppStoreApp
  timer: NodeJS.Timeout | null
  backoff: Backoff
  error: string | null
  retryAt: number | null
  polls: number
}

export class AppStoreConnector implements Connector {
  readonly source = 'appstore' as const
  private ctx: ConnectorContext | null = null
  private states: AppState[] = []
  private readonly inflight = new Set<Promise<void>>()
  private abort = new AbortController()
  private readonly seen = new RecentKeys(50_000)

  constructor(private readonly o: AppStoreOptions) {}

  start(ctx: ConnectorContext): void {
    this.ctx = ctx
    this.abort = new AbortController()
    this.states = this.o.apps.map((app) => ({
      app,
      timer: null,
      backoff: new Backoff(this.o.backoff ?? { initialMs: 60_000, maxMs: 3_600_000 }),
      error: null,
      retryAt: null,
      polls: 0,
    }))
    ctx.status({ state: 'connecting', detail: `Reading ${this.o.apps.length} app review feed(s)`, until: null })
    // Apps start a little apart, so a long list does not hit Apple all at once.
    this.states.forEach((s, i) => this.schedule(s, i * 500))
  }

  async stop(): Promise<void> {
    this.ctx = null
    this.abort.abort()
    for (const s of this.states) if (s.timer) clearTimeout(s.timer)
    await Promise.all([...this.inflight])
  }

  private schedule(s: AppState, delay: number): void {
    s.timer = setTimeout(() => {
      s.timer = null
      const p = this.poll(s).finally(() => this.inflight.delete(p))
      this.inflight.add(p)
    }, delay)
  }

  private async poll(s: AppState): Promise<void> {
    const ctx = this.ctx
    if (!ctx) return
    s.polls++
    try {
      await this.read(ctx, s.app)
      if (this.ctx !== ctx) return
      s.error = null
      s.retryAt = null
      s.backoff.reset()
      this.schedule(s, this.o.pollMs)
    } catch (err) {
      if (this.ctx !== ctx || this.abort.signal.aborted) return
      const e = err as Error & { retryAfterMs?: number }
      s.error = err instanceof FeedUnreadable ? err.message : `fetch failed: ${e.message}`
      const delay = e.retryAfterMs ?? s.backoff.next()
      s.retryAt = ctx.now() + delay
      ctx.log(`App Store ${label(s.app)}: ${s.error}`)
      ctx.gap.open(`App Store ${label(s.app)}: ${s.error}`)
      this.schedule(s, delay)
    }
    this.report(ctx)
  }

  private async read(ctx: ConnectorContext, app: AppStoreApp): Promise<void> {
    const key = `reviews ${app.appId}/${app.country}`
    const cursor = TimeCursor.parse(ctx.cursor.get(key), Math.floor(ctx.now() / 1000) - FIRST_LOOK_BACK_S)
    const fresh: MentionInput[] = []
    for (let page = 1; page <= MAX_PAGES; page++) {
      const entries = await this.page(app, page)
      let anyNew = false
      for (const entry of entries) {
        const mention = toMention(entry, app, ctx.now())
        if (!mention) continue
        if (!cursor.offer(mention.externalId, Math.floor(mention.createdAt / 1000))) continue
        anyNew = true
        if (ctx.matches(mention) && this.seen.admit(mention.externalId)) fresh.push(mention)
      }
      // Newest first: a page with nothing new means the rest is older still.
      if (!anyNew || entries.length < 50) break
    }
    if (fresh.length > 0) ctx.emit(fresh)
    ctx.cursor.set(key, cursor.toString())
  }

  private async page(app: AppStoreApp, page: number): Promise<ReviewEntry[]> {
    const url = new URL(
      `/${app.country}/rss/customerreviews/page=${page}/id=${app.appId}/sortby=mostrecent/json`,
      this.o.apiBase ?? APPSTORE_API,
    )
    const res = await fetch(url, {
      headers: { accept: 'application/json', 'user-agent': 'Earshot social listening' },
      signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.o.timeoutMs ?? 20_000)]),
    })
    if (!res.ok) {
      await res.body?.cancel()
      const err = new FeedUnreadable(`HTTP ${res.status}`) as FeedUnreadable & { retryAfterMs?: number }
      const wait = retryAfterMs(res.headers)
      if (wait !== null) err.retryAfterMs = wait
      throw err
    }
    let body: unknown
    try {
      body = await res.json()
    } catch {
      throw new FeedUnreadable('the feed is not JSON')
    }
    const feed = (body as { feed?: { entry?: unknown } } | null)?.feed
    if (!feed || typeof feed !== 'object') throw new FeedUnreadable('the answer has no feed')
    // No reviews: no `entry`; one review: an object, not a list.
    const entry = feed.entry
    return entry === undefined ? [] : Array.isArray(entry) ? (entry as ReviewEntry[]) : [entry as ReviewEntry]
  }

  private report(ctx: ConnectorContext): void {
    const failing = this.states.filter((s) => s.error !== null)
    const total = this.states.length
    if (failing.length === 0) {
      ctx.gap.close()
      ctx.status({ state: 'connected', detail: `${total} app review feed${total === 1 ? '' : 's'} read`, until: null })
      return
    }
    const now = ctx.now()
    const lines = failing
      .map((s) => `${label(s.app)}: ${s.error}${s.retryAt ? `, retrying ${inSeconds(s.retryAt - now)}` : ''}`)
      .join('; ')
    const allTried = this.states.every((s) => s.polls > 0)
    ctx.status({
      state: failing.length === total && allTried ? 'error' : 'connected',
      detail: `${total - failing.length} of ${total} OK; ${lines}`,
      until: null,
    })
  }
}

const label = (app: AppStoreApp) => `${app.title ?? `app ${app.appId}`} (${app.country.toUpperCase()})`

/** A review as a mention; null for an entry that is not a review (the app itself, in older feeds) or is malformed. */
export function toMention(entry: ReviewEntry, app: AppStoreApp, now: number): MentionInput | null {
  const id = entry.id?.label?.trim()
  const rating = Number(entry['im:rating']?.label)
  const updated = Date.parse(entry.updated?.label ?? '')
  if (!id || !Number.isInteger(rating) || rating < 1 || rating > 5 || !Number.isFinite(updated)) return null
  const title = entry.title?.label?.trim() || null
  const content = entry.content?.label?.trim() ?? ''
  const text = [title ?? '', content].filter((t) => t !== '').join('\n\n')
  if (text === '') return null
  const name = entry.author?.name?.label?.trim() || 'App Store reviewer'
  const href = entry.link?.attributes?.href
  return {
    source: 'appstore',
    externalId: id.slice(0, 100),
    url:
      href && /^https:\/\//.test(href)
        ? href
        : `https://apps.apple.com/${app.country}/app/id${app.appId}?see-all=reviews`,
    createdAt: Math.min(updated, now),
    author: {
      handle: name.slice(0, 100),
      name: `${name} on ${label(app)}`.slice(0, 200),
      followers: 0,
      avatarUrl: null,
      verified: false,
    },
    text: text.slice(0, 20_000),
    lang: null,
    kind: 'post',
    refId: null,
    title: title?.slice(0, 1_000) ?? null,
    rating,
    hasMedia: false,
  }
}
