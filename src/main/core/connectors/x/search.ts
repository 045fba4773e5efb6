// Recent-search polling, for apps without filtered-stream access: each column
// query is polled every `pollMs` with `since_id` from the archive's cursors,
// following `next_token` through a burst. X's x-rate-limit-remaining and
// -reset headers are the budget: no request is made once it is spent, until
// the reset time. A burst cut short by the budget resumes from its page token.
import type { TwitterApiv2 } from 'twitter-api-v2'
import type { ColumnId } from '../../../../shared/domain'
import { toXSearchQuery } from '../../../../shared/query/x-rule'
import type { ConnectorContext } from '../connector'
import { Backoff } from './backoff'
import { describeFailure, type XFailure } from './client'
import type { Timers } from './clock'
import { normalizePosts } from './normalize'
import { FIELD_PARAMS, XSearchPageSchema } from './payload'
import { planRules } from './rules'
import { isAuthFailure, reportAuthFailure, reportRetry } from './status'

/** Pages of 100 followed in one poll before giving the other columns a turn. */
const MAX_PAGES_PER_POLL = 10

export interface XSearchOptions {
  api: TwitterApiv2
  ctx: ConnectorContext
  timers: Timers
  pollMs: number
  notice(columnId: ColumnId, message: string | null): void
}

interface Budget {
  remaining: number | null
  /** Epoch ms. */
  resetAt: number | null
}

/** A burst in progress: the page to fetch next and the newest id seen, kept across polls. */
interface PageState {
  token: string
  newest: string
  since: string | null
}

export class XSearchPoller {
  private queries: string[] = []
  private due = new Map<string, number>()
  private budget: Budget = { remaining: null, resetAt: null }
  private backoff = new Backoff()
  private cancelTimer: (() => void) | null = null
  private polling = false
  private stopped = false
  private halted = false
  /** Requests made, for tests and the log. */
  requests = 0

  constructor(private readonly o: XSearchOptions) {}

  start(): void {
    this.plan()
    this.schedule(0)
  }

  columnsChanged(): void {
    this.plan()
    if (!this.polling) this.schedule(0)
  }

  stop(): void {
    this.stopped = true
    this.cancelTimer?.()
  }

  private plan(): void {
    const { rules, notices } = planRules(this.o.ctx.columns(), toXSearchQuery, Infinity)
    for (const [id, message] of notices) this.o.notice(id, message)
    this.queries = rules.map((r) => r.value)
    const now = this.o.timers.now()
    for (const q of this.queries) if (!this.due.has(q)) this.due.set(q, now)
    for (const q of [...this.due.keys()]) if (!this.queries.includes(q)) this.due.delete(q)
  }

  private schedule(ms: number): void {
    this.cancelTimer?.()
    this.cancelTimer = this.o.timers.after(Math.max(0, ms), () => {
      this.cancelTimer = null
      void this.tick()
    })
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.halted || this.polling) return
    const { ctx, timers } = this.o
    const now = timers.now()
    if (this.spent(now)) {
      const until = this.budget.resetAt!
      reportRetry(ctx, true, until, 'recent-search budget spent')
      return this.schedule(until - now)
    }
    const next = [...this.due].sort((a, b) => a[1] - b[1])[0]
    if (!next) {
      ctx.status({ state: 'idle', detail: 'No column has an X search query', until: null })
      return
    }
    const [query, due] = next
    if (due > now) return this.schedule(due - now)
    this.polling = true
    try {
      await this.poll(query)
      if (this.stopped) return
      this.backoff.reset()
      ctx.gap.close()
      const n = this.queries.length
      ctx.status({
        state: 'connected',
        detail: `Recent search, ${n} quer${n === 1 ? 'y' : 'ies'} every ${Math.round(this.o.pollMs / 1000)} s`,
        until: null,
      })
    } catch (err) {
      if (!this.stopped) this.fail(describeFailure(err), query)
    } finally {
      this.polling = false
    }
    if (!this.stopped && !this.halted) this.schedule(0)
  }

  /** True while the budget from X's headers is used up. */
  private spent(now: number): boolean {
    if (this.budget.resetAt !== null && now >= this.budget.resetAt) this.budget = { remaining: null, resetAt: null }
    return this.budget.remaining !== null && this.budget.remaining <= 0 && this.budget.resetAt !== null
  }

  private async poll(query: string): Promise<void> {
    const { ctx, timers, api } = this.o
    const sinceKey = `since:${query}`
    const pageKey = `page:${query}`
    const resumed = parsePageState(ctx.cursor.get(pageKey))
    const since = resumed ? resumed.since : (ctx.cursor.get(sinceKey) ?? null)
    let token = resumed?.token ?? null
    let newest = resumed?.newest ?? null
    for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
      if (this.spent(timers.now())) break
      const params: Record<string, string | number | string[]> = { query, max_results: 100, ...FIELD_PARAMS }
      if (since) params.since_id = since
      if (token) params.next_token = token
      this.requests++
      const res = await api.get('tweets/search/recent', params, { fullResponse: true })
      if (res.rateLimit) this.budget = { remaining: res.rateLimit.remaining, resetAt: res.rateLimit.reset * 1000 }
      const parsed = XSearchPageSchema.safeParse(res.data)
      if (!parsed.success) throw new Error(`unexpected recent-search response: ${parsed.error.issues[0]?.message}`)
      const { data = [], includes, meta } = parsed.data
      const { mentions, problems } = normalizePosts(data, includes, 'by-id')
      if (mentions.length > 0) ctx.emit(mentions)
      for (const p of problems) ctx.log(`skipped a post X recent search sent: ${p.message}`)
      newest ??= meta.newest_id ?? null
      token = meta.next_token ?? null
      // The first poll of a query takes the latest page only: history is not what a live column is for.
      if (!token || !since) {
        token = null
        break
      }
    }
    if (token && newest) {
      ctx.cursor.set(pageKey, JSON.stringify({ token, newest, since } satisfies PageState))
      ctx.log(`recent search for a column has more pages; resuming next time`)
    } else {
      ctx.cursor.set(pageKey, null)
      if (newest) ctx.cursor.set(sinceKey, newest)
    }
    this.due.set(query, timers.now() + (token ? 0 : this.o.pollMs))
  }

  private fail(failure: XFailure, query: string): void {
    const { ctx, timers } = this.o
    const now = timers.now()
    if (isAuthFailure(failure)) {
      this.halted = true
      ctx.gap.open(`X recent search: ${failure.message}`)
      ctx.log(`X recent search: ${failure.message}; not retrying until the settings change`)
      reportAuthFailure(ctx, failure)
      return
    }
    if (failure.kind === 'http' && failure.status === 429) {
      // Spent after all (another client on the same app?): wait for the reset X names.
      const until = failure.resetAt ?? now + this.backoff.next('rate_limit')
      this.budget = { remaining: 0, resetAt: until }
      reportRetry(ctx, true, until, failure.message)
      return
    }
    ctx.gap.open(`X recent search: ${failure.message}`)
    const until = now + this.backoff.next(failure.kind === 'http' ? 'http' : 'network')
    this.due.set(query, until)
    for (const [q, due] of this.due) this.due.set(q, Math.max(due, until))
    reportRetry(ctx, false, until, failure.message)
    ctx.log(`X recent search: ${failure.message}; retrying at ${new Date(until).toISOString()}`)
  }
}

function parsePageState(raw: string | undefined): PageState | null {
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as Partial<PageState>
    return typeof v.token === 'string' && typeof v.newest === 'string'
      ? { token: v.token, newest: v.newest, since: typeof v.since === 'string' ? v.since : null }
      : null
  } catch {
    return null
  }
}
