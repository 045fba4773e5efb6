// The reconnect schedule per failure kind, on a manual clock, against the fake
// X API: network errors 250 ms steps to 16 s, HTTP errors 5 s doubling to
// 320 s, 429 from 60 s doubling; auth errors stop with X's message.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backoffDelay, Backoff } from '../../src/main/core/connectors/x/backoff'
import type { Scripted } from '../fakes/x-api'
import { startHarness } from './harness'

type H = Awaited<ReturnType<typeof startHarness>>
let h: H | undefined
afterEach(async () => h?.stop())

describe('backoff schedule', () => {
  it('follows X: linear for network, exponential for HTTP and 429, with their caps', () => {
    const seq = (kind: Parameters<typeof backoffDelay>[0], n: number) =>
      Array.from({ length: n }, (_, i) => backoffDelay(kind, i + 1))
    expect(seq('network', 4)).toEqual([250, 500, 750, 1_000])
    expect(backoffDelay('network', 64)).toBe(16_000)
    expect(backoffDelay('network', 1_000)).toBe(16_000)
    expect(seq('http', 8)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 320_000])
    expect(seq('rate_limit', 4)).toEqual([60_000, 120_000, 240_000, 480_000])
    const b = new Backoff()
    expect([b.next('http'), b.next('http'), b.next('network'), b.next('network')]).toEqual([5_000, 10_000, 250, 500])
    b.reset()
    expect(b.next('network')).toBe(250)
  })

  /** Scripts `failures` on the stream endpoint and returns the retry delays the connector announced. */
  async function delaysFor(failures: Scripted[]): Promise<number[]> {
    h = await startHarness({}, (fake) => fake.script('stream', ...failures))
    const x = h
    x.connect([{ id: 'c', query: 'comcast' }])
    const delays: number[] = []
    for (let i = 0; i < failures.length; i++) {
      await vi.waitFor(() => expect(x.t.statuses.filter((s) => s.until !== null)).toHaveLength(i + 1))
      const s = x.t.statuses.filter((st) => st.until !== null)[i]!
      const delay = s.until! - x.clock.now()
      delays.push(delay)
      x.clock.advance(delay)
    }
    await x.fake.nextStream(true)
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('connected'))
    return delays
  }

  it('network errors: 250, 500, 750, 1000 ms', async () => {
    expect(await delaysFor(Array.from({ length: 4 }, () => ({ drop: true as const })))).toEqual([250, 500, 750, 1_000])
    expect(h!.t.statuses.find((s) => s.state === 'reconnecting')!.detail).toMatch(/^Reconnecting in 1 s/)
  })

  it('HTTP errors: 5, 10, 20, 40 s', async () => {
    const unavailable = { status: 503, body: { title: 'Service Unavailable', type: 'about:blank', status: 503 } }
    expect(await delaysFor([unavailable, unavailable, unavailable, unavailable])).toEqual([
      5_000, 10_000, 20_000, 40_000,
    ])
    expect(h!.t.statuses.find((s) => s.state === 'reconnecting')!.detail).toMatch(/HTTP 503: Service Unavailable/)
  })

  it('429: 60, 120, 240 s, reported as rate-limited until T', async () => {
    const tooMany = {
      status: 429,
      body: {
        title: 'ConnectionException',
        detail: 'This stream is currently at the maximum allowed connection limit.',
        connection_issue: 'TooManyConnections',
        type: 'https://api.twitter.com/2/problems/streaming-connection',
      },
      // A reset already past: the doubling schedule decides.
      headers: { 'x-rate-limit-reset': '1' },
    }
    expect(await delaysFor([tooMany, tooMany, tooMany])).toEqual([60_000, 120_000, 240_000])
    const limited = h!.t.statuses.find((s) => s.state === 'rate_limited')!
    expect(limited.detail).toMatch(/^Rate-limited by X until 10:01:00 UTC/)
  })

  it('429 with a later x-rate-limit-reset waits for the reset', async () => {
    h = await startHarness()
    const x = h
    const reset = Math.ceil((x.clock.now() + 600_000) / 1000)
    x.fake.script('stream', {
      status: 429,
      body: { title: 'Too Many Requests', type: 'about:blank', status: 429 },
      headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
    })
    x.connect([{ id: 'c', query: 'comcast' }])
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('rate_limited'))
    expect(x.t.statuses.at(-1)!.until).toBe(reset * 1000)
  })

  it("stops on 401 with X's message and leaves the gap open", async () => {
    h = await startHarness({}, (fake) =>
      fake.script('stream', {
        status: 401,
        body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
      }),
    )
    const x = h
    x.connect([{ id: 'c', query: 'comcast' }])
    await vi.waitFor(() => expect(x.t.statuses.at(-1)?.state).toBe('error'))
    expect(x.t.statuses.at(-1)!.detail).toMatch(/^X refused the credentials: HTTP 401: Unauthorized/)
    expect(x.clock.waiting().filter((d) => d < 30_000)).toEqual([])
    expect(x.t.gaps).toHaveLength(1)
    expect(x.t.gaps[0]!.endedAt).toBeNull()
  })
})
