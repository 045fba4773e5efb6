import { afterEach, describe, expect, it, vi } from 'vitest'
import type { MentionInput, SourceStatus } from '../../../src/shared/domain'
import type { ConnectorContext } from '../../../src/main/core/connectors/connector'
import { DemoConnector, type DemoScheduler } from '../../../src/main/core/connectors/demo'
import { connectorContext } from '../../connector-context'

const T0 = 1_700_000_000_000

/** A scheduler the test drives by hand, with the clock it advances. */
class ManualScheduler implements DemoScheduler {
  callback: (() => void) | null = null
  intervalMs = 0
  cleared = 0
  clock = T0

  setInterval(callback: () => void, ms: number): unknown {
    this.callback = callback
    this.intervalMs = ms
    return Symbol('timer')
  }

  clearInterval(): void {
    this.callback = null
    this.cleared++
  }

  /** Advance the clock tick by tick for `ms`, firing the timer while it is set. */
  advance(ms: number): void {
    for (let t = 0; t < ms; t += this.intervalMs) {
      this.clock += this.intervalMs
      this.callback?.()
    }
  }
}

type Status = Omit<SourceStatus, 'source' | 'rate'>

function context(now: () => number) {
  const batches: MentionInput[][] = []
  const statuses: Status[] = []
  const ctx: ConnectorContext = connectorContext(now, {
    emit: (ms) => batches.push(ms),
    status: (s) => statuses.push(s),
  }).ctx
  const total = () => batches.reduce((n, b) => n + b.length, 0)
  return { ctx, batches, statuses, total }
}

/** What the connector should emit over the ticks: rate x dt x intensity, summed. */
function expectedCount(connector: DemoConnector, from: number, ms: number, tickMs = 100): number {
  let sum = 0
  for (let t = tickMs; t <= ms; t += tickMs) sum += (connector.rate * tickMs * connector.intensity(from + t)) / 1000
  return sum
}

describe('DemoConnector', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('emits about rate x 60 s x mean intensity, in batches, and reports its state', () => {
    const sched = new ManualScheduler()
    const connector = new DemoConnector({ rate: 100, seed: 1, runId: 'run1', scheduler: sched })
    const { ctx, batches, statuses, total } = context(() => sched.clock)
    connector.start(ctx)
    expect(statuses).toEqual([{ state: 'connected', detail: 'Demo stream, 100/s', until: null }])
    expect(sched.intervalMs).toBe(100)

    sched.advance(60_000)
    const expected = expectedCount(connector, T0, 60_000)
    const meanIntensity = expected / 6000
    // The first minute holds the first storm, so the mean is above the long-run 1, but sane.
    expect(meanIntensity).toBeGreaterThan(0.5)
    expect(meanIntensity).toBeLessThan(4)
    // Poisson: within five standard deviations.
    expect(Math.abs(total() - expected)).toBeLessThan(5 * Math.sqrt(expected))

    expect(batches.length).toBeLessThanOrEqual(600)
    expect(batches.every((b) => b.length > 0)).toBe(true)
    expect(total() / batches.length).toBeGreaterThan(5)
    const ids = batches.flat().map((m) => m.externalId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => id.startsWith('run1-'))).toBe(true)
  })

  it('is deterministic for a seed and clock', () => {
    const runOnce = () => {
      const sched = new ManualScheduler()
      const connector = new DemoConnector({ rate: 50, seed: 9, runId: 'r', scheduler: sched })
      const { ctx, batches } = context(() => sched.clock)
      connector.start(ctx)
      sched.advance(10_000)
      return batches
    }
    expect(runOnce()).toEqual(runOnce())
  })

  it('rejects rates outside 1..5000 or not whole, in the constructor and in setRate', () => {
    for (const rate of [0, 5001, 2.5, -1, Number.NaN, Infinity]) {
      expect(() => new DemoConnector({ rate, seed: 1 }), String(rate)).toThrow(RangeError)
    }
    expect(() => new DemoConnector({ rate: 0, seed: 1 })).toThrow(/1 to 5000/)
    const connector = new DemoConnector({ rate: 1, seed: 1 })
    expect(() => connector.setRate(5001)).toThrow(RangeError)
    expect(() => connector.setRate(2.5)).toThrow(RangeError)
    expect(connector.rate).toBe(1)
    expect(() => new DemoConnector({ rate: 5000, seed: 1, tickMs: 0 })).toThrow(RangeError)
  })

  it('changes the rate live and says so', () => {
    const sched = new ManualScheduler()
    const connector = new DemoConnector({ rate: 20, seed: 3, runId: 'r', scheduler: sched })
    const { ctx, statuses, total } = context(() => sched.clock)
    connector.start(ctx)
    sched.advance(10_000)
    const before = total()

    connector.setRate(2000)
    expect(statuses.at(-1)).toEqual({ state: 'connected', detail: 'Demo stream, 2000/s', until: null })
    const from = sched.clock
    sched.advance(10_000)
    const expected = expectedCount(connector, from, 10_000)
    const after = total() - before
    expect(Math.abs(after - expected)).toBeLessThan(5 * Math.sqrt(expected))
    expect(after).toBeGreaterThan(20 * before)
  })

  it('stops emitting on stop, reports stopped, and starts again with fresh ids', () => {
    const sched = new ManualScheduler()
    const connector = new DemoConnector({ rate: 100, seed: 4, runId: 'r', scheduler: sched })
    const { ctx, statuses, total, batches } = context(() => sched.clock)
    connector.start(ctx)
    sched.advance(2_000)
    connector.stop()
    expect(sched.callback).toBeNull()
    expect(connector.running).toBe(false)
    expect(statuses.at(-1)).toEqual({ state: 'stopped', detail: 'Demo stream stopped', until: null })
    const atStop = total()
    expect(atStop).toBeGreaterThan(0)
    sched.advance(5_000)
    expect(total()).toBe(atStop)
    connector.stop()
    expect(statuses.filter((s) => s.state === 'stopped')).toHaveLength(1)

    connector.start(ctx)
    sched.advance(2_000)
    expect(total()).toBeGreaterThan(atStop)
    const ids = batches.flat().map((m) => m.externalId)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('caps the catch-up after the clock jumps (sleep, stalled loop)', () => {
    const sched = new ManualScheduler()
    const connector = new DemoConnector({ rate: 100, seed: 5, runId: 'r', scheduler: sched })
    const { ctx, total } = context(() => sched.clock)
    connector.start(ctx)
    sched.clock += 3_600_000
    sched.callback!()
    // At most two seconds' worth, even at a storm's peak (8x), not an hour's.
    expect(total()).toBeGreaterThan(0)
    expect(total()).toBeLessThan(100 * 2 * 10)
  })

  it('stops with an error status instead of throwing from the timer when emit throws', () => {
    const sched = new ManualScheduler()
    const connector = new DemoConnector({ rate: 100, seed: 6, runId: 'r', scheduler: sched })
    const statuses: Status[] = []
    connector.start(
      connectorContext(() => sched.clock, {
        emit: () => {
          throw new Error('disk full')
        },
        status: (s) => statuses.push(s),
      }).ctx,
    )
    expect(() => sched.advance(1_000)).not.toThrow()
    expect(sched.callback).toBeNull()
    expect(statuses.at(-1)).toEqual({ state: 'error', detail: 'Demo stream stopped: disk full', until: null })
  })

  it('uses the global timers by default, so fake timers drive it', () => {
    vi.useFakeTimers({ now: T0 })
    const connector = new DemoConnector({ rate: 200, seed: 7 })
    const { ctx, batches, total } = context(() => Date.now())
    connector.start(ctx)
    vi.advanceTimersByTime(5_000)
    expect(batches.length).toBeGreaterThan(10)
    expect(batches.length).toBeLessThanOrEqual(50)
    const ids = batches.flat().map((m) => m.externalId)
    // The default run id is unique per connector, and ids carry it.
    const runId = ids[0]!.slice(0, ids[0]!.lastIndexOf('-'))
    expect(runId.length).toBeGreaterThan(3)
    expect(ids.every((id) => id.startsWith(`${runId}-`))).toBe(true)

    connector.stop()
    const atStop = total()
    vi.advanceTimersByTime(5_000)
    expect(total()).toBe(atStop)
    expect(vi.getTimerCount()).toBe(0)
  })
})
