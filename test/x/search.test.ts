// Recent-search polling against the fake X API: since_id per query kept in
// the cursors, next_token followed, and X's rate-limit headers never exceeded.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startHarness, tweet } from './harness'

type H = Awaited<ReturnType<typeof startHarness>>
let h: H | undefined
afterEach(async () => h?.stop())

const searches = (x: H) => x.fake.requestsTo('/2/tweets/search/recent')
/** Waits until the poller has finished its round and set its next timer, `ms` ahead. */
const idleFor = (x: H, ms: number) => vi.waitFor(() => expect(x.clock.waiting()).toEqual([ms]))

describe('X recent-search polling', () => {
  it('polls each column query with since_id from its cursor', async () => {
    h = await startHarness({ mode: 'search', pollSeconds: 30 })
    const x = h
    const old = tweet('comcast outage downtown')
    x.fake.searchable.push(old)
    x.connect([
      { id: 'c', query: 'comcast' },
      { id: 'j', query: 'jetblue' },
    ])
    await vi.waitFor(() => expect(searches(x)).toHaveLength(2))
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('connected'))
    expect(x.t.emitted().map((m) => m.externalId)).toEqual([old.tweet.id])
    expect(x.t.cursors.get('since:comcast')).toBe(old.tweet.id)
    expect(searches(x)[0]!.query.get('since_id')).toBeNull()
    expect(searches(x)[0]!.query.get('tweet.fields')).toMatch(/^created_at,lang,author_id/)

    await idleFor(x, 30_000)
    const fresh = tweet('comcast still down')
    x.fake.searchable.push(fresh)
    x.clock.advance(30_000)
    await vi.waitFor(() => expect(searches(x)).toHaveLength(4))
    const again = searches(x).find((r, i) => i >= 2 && r.query.get('query') === 'comcast')!
    expect(again.query.get('since_id')).toBe(old.tweet.id)
    await vi.waitFor(() => expect(x.t.emitted().map((m) => m.externalId)).toEqual([old.tweet.id, fresh.tweet.id]))
    expect(x.t.cursors.get('since:comcast')).toBe(fresh.tweet.id)
  })

  it('never makes more requests than x-rate-limit-remaining allows, and resumes after the reset', async () => {
    h = await startHarness({ mode: 'search', pollSeconds: 5 }, () => {}, { limits: { search: 3 } })
    const x = h
    const columns = ['alpha', 'bravo', 'charlie', 'delta', 'echo'].map((w) => ({ id: w, query: w }))
    x.connect(columns)
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('rate_limited'))
    expect(searches(x)).toHaveLength(3)
    const limited = x.t.statuses.at(-1)!
    const reset = limited.until!
    expect(reset).toBe(x.clock.now() + 15 * 60_000)
    // Time passes within the window: still nothing sent, and never a 429 from the fake.
    for (let i = 0; i < 20; i++) {
      x.clock.advance(30_000)
      await new Promise((r) => setImmediate(r))
    }
    expect(searches(x)).toHaveLength(3)
    x.clock.advance(reset - x.clock.now())
    await vi.waitFor(() => expect(searches(x)).toHaveLength(6))
    // The next window is spent again; still no request beyond the budget.
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('rate_limited'))
    expect(searches(x)).toHaveLength(6)
    const queried = searches(x).map((r) => r.query.get('query'))
    expect(new Set(queried)).toEqual(new Set(columns.map((c) => c.query)))
  })

  it('follows next_token through a burst and resumes it after the budget runs out', async () => {
    h = await startHarness({ mode: 'search', pollSeconds: 10 }, () => {}, { limits: { search: 3 } })
    const x = h
    const first = tweet('ford recall')
    x.fake.searchable.push(first)
    x.connect([{ id: 'f', query: 'ford' }])
    await vi.waitFor(() => expect(x.t.cursors.get('since:ford')).toBe(first.tweet.id))
    await idleFor(x, 10_000)
    // A burst of 250 posts: three pages of 100; the budget has two requests left.
    const burst = Array.from({ length: 250 }, (_, i) => tweet(`ford burst ${i}`))
    x.fake.searchable.push(...burst)
    x.clock.advance(10_000)
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('rate_limited'))
    expect(searches(x)).toHaveLength(3)
    expect(x.t.emitted()).toHaveLength(201)
    // Not advanced past the burst: the page token is kept instead.
    expect(x.t.cursors.get('since:ford')).toBe(first.tweet.id)
    expect(x.t.cursors.get('page:ford')).toBeDefined()
    x.clock.advance(x.t.statuses.at(-1)!.until! - x.clock.now())
    await vi.waitFor(() => expect(x.t.emitted()).toHaveLength(251))
    const resumed = searches(x)[3]!
    expect(resumed.query.get('since_id')).toBe(first.tweet.id)
    expect(resumed.query.get('next_token')).not.toBeNull()
    await vi.waitFor(() => expect(x.t.cursors.get('since:ford')).toBe(burst.at(-1)!.tweet.id))
    expect(x.t.cursors.has('page:ford')).toBe(false)
  })

  it('skips a malformed post with its reason and keeps the rest of the page', async () => {
    h = await startHarness({ mode: 'search', pollSeconds: 30 })
    const x = h
    const good = tweet('comcast fine here')
    const bad = tweet('comcast when?', { created_at: 'sometime' })
    x.fake.searchable.push(good, bad)
    x.connect([{ id: 'c', query: 'comcast' }])
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('connected'))
    expect(x.t.emitted().map((m) => m.externalId)).toEqual([good.tweet.id])
    expect(x.t.logs).toContain(`skipped a post X recent search sent: post 1: created_at "sometime" is not a date`)
    expect(x.t.cursors.get('since:comcast')).toBe(bad.tweet.id)
    expect(x.t.gaps).toEqual([])
  })

  it('opens a gap when a poll fails and closes it on the next good poll', async () => {
    h = await startHarness({ mode: 'search', pollSeconds: 30 }, (fake) =>
      fake.script('search', { status: 503, body: { title: 'Service Unavailable', type: 'about:blank', status: 503 } }),
    )
    const x = h
    x.connect([{ id: 'c', query: 'comcast' }])
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('reconnecting'))
    expect(x.t.statuses.at(-1)!.until! - x.clock.now()).toBe(5_000)
    expect(x.t.gaps).toEqual([expect.objectContaining({ endedAt: null, reason: expect.stringMatching(/503/) })])
    x.clock.advance(5_000)
    await vi.waitFor(() => expect(x.t.gaps[0]!.endedAt).not.toBeNull())
    expect(x.t.statuses.at(-1)?.state).toBe('connected')
  })
})
