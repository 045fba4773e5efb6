// The demo connector: the default source, so that a new user sees live
// columns within seconds and without an account. A timer ticks every
// `tickMs`; each tick draws a Poisson count for rate x elapsed x intensity and
// emits the whole batch at once: the pipeline is built for batches, and at
// 5,000/s one emit per mention would multiply its per-call overhead.
import { DEMO_RATE, type MentionInput } from '../../../../shared/domain'
import type { Connector, ConnectorContext } from '../connector'
import type { Disposer } from '../../lifetime'
import { createDemoGenerator, type DemoGenerator } from './generator'
import { Rng } from './rng'

export interface DemoScheduler {
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export interface DemoConnectorOptions {
  /** Mean mentions per second over time: an integer in DEMO_RATE (1..5000). */
  rate: number
  seed: number
  /** Prefix of every externalId; default: time + random, unique per connector instance. */
  runId?: string
  /** Default 100 ms. */
  tickMs?: number
  /** Default: the global setInterval/clearInterval, looked up at call time so fake timers apply. */
  scheduler?: DemoScheduler
}

const DEFAULT_TICK_MS = 100
/**
 * After a sleep or a stalled event loop, catch up at most this much time:
 * a laptop waking after an hour must not emit an hour of mentions at once.
 */
const MAX_CATCH_UP_MS = 2_000
const COUNT_STREAM = 0xc07

const globalScheduler: DemoScheduler = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
}

export function checkDemoRate(rate: number): number {
  if (!Number.isInteger(rate) || rate < DEMO_RATE.min || rate > DEMO_RATE.max) {
    throw new RangeError(
      `demo rate must be a whole number of mentions per second from ${DEMO_RATE.min} to ${DEMO_RATE.max}, got ${rate}`,
    )
  }
  return rate
}

/** Different on every app run, so ids never repeat across runs in the dedupe. */
function defaultRunId(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`
}

export class DemoConnector implements Connector {
  readonly source = 'demo' as const
  private rateValue: number
  private readonly tickMs: number
  private readonly scheduler: DemoScheduler
  private readonly generator: DemoGenerator
  /** Separate from the content stream so that counts do not shift the content. */
  private readonly counts: Rng
  private ctx: ConnectorContext | null = null
  private stopTimer: Disposer | null = null
  private lastTick = 0

  constructor(options: DemoConnectorOptions) {
    this.rateValue = checkDemoRate(options.rate)
    const tickMs = options.tickMs ?? DEFAULT_TICK_MS
    if (!(tickMs > 0) || !Number.isFinite(tickMs))
      throw new RangeError(`demo tickMs must be a positive number, got ${tickMs}`)
    this.tickMs = tickMs
    this.scheduler = options.scheduler ?? globalScheduler
    this.generator = createDemoGenerator({ seed: options.seed, runId: options.runId ?? defaultRunId() })
    this.counts = new Rng(options.seed, COUNT_STREAM)
  }

  get rate(): number {
    return this.rateValue
  }

  get running(): boolean {
    return this.stopTimer !== null
  }

  /** Changes the rate live; takes effect from the next tick. */
  setRate(rate: number): void {
    this.rateValue = checkDemoRate(rate)
    if (this.ctx !== null && this.running) this.reportConnected(this.ctx)
  }

  /** Volume multiplier right now (for a status line or a test). */
  intensity(now: number): number {
    return this.generator.intensity(now)
  }

  start(ctx: ConnectorContext): void {
    this.clearTimer()
    this.ctx = ctx
    this.lastTick = ctx.now()
    // Anchor the burst timeline now, so the first outage storm is counted from the start.
    this.generator.intensity(this.lastTick)
    const handle = this.scheduler.setInterval(() => this.tick(), this.tickMs)
    this.stopTimer = () => this.scheduler.clearInterval(handle)
    this.reportConnected(ctx)
  }

  stop(): void {
    const ctx = this.ctx
    if (ctx === null) return
    this.clearTimer()
    this.ctx = null
    ctx.status({ state: 'stopped', detail: 'Demo stream stopped', until: null })
  }

  private clearTimer(): void {
    const stop = this.stopTimer
    this.stopTimer = null
    stop?.()
  }

  private reportConnected(ctx: ConnectorContext): void {
    ctx.status({ state: 'connected', detail: `Demo stream, ${this.rateValue}/s`, until: null })
  }

  private tick(): void {
    const ctx = this.ctx
    if (ctx === null || !this.running) return
    const now = ctx.now()
    const elapsed = Math.min(now - this.lastTick, MAX_CATCH_UP_MS)
    this.lastTick = now
    if (!(elapsed > 0)) return

    const expected = (this.rateValue * elapsed * this.generator.intensity(now)) / 1000
    const count = this.counts.poisson(expected)
    if (count === 0) return
    const batch = new Array<MentionInput>(count)
    for (let i = 0; i < count; i++) batch[i] = this.generator.next(now)
    try {
      ctx.emit(batch)
    } catch (err) {
      // A throwing pipeline is a bug downstream; stop rather than throw from a timer
      // (an uncaught exception in the main process) or fail again ten times a second.
      this.clearTimer()
      ctx.status({
        state: 'error',
        detail: `Demo stream stopped: ${err instanceof Error ? err.message : String(err)}`,
        until: null,
      })
    }
  }
}
