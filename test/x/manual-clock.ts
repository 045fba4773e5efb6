// A clock that moves only when the test says so, for the X source's timers
// (reconnect delays, stall detection, poll intervals). Sockets stay real, so
// tests advance the clock and then wait for the effect on the fake server.
import type { Timers } from '../../src/main/core/connectors/x/clock'

interface Pending {
  at: number
  fn: () => void
  seq: number
}

export class ManualClock implements Timers {
  private t: number
  private pending: Pending[] = []
  private seq = 0

  constructor(start = Date.UTC(2026, 0, 15, 10, 0, 0)) {
    this.t = start
  }

  now = (): number => this.t

  after(ms: number, fn: () => void): () => void {
    const item = { at: this.t + Math.max(0, ms), fn, seq: this.seq++ }
    // Zero-delay timers run on the event loop, like setTimeout(fn, 0).
    if (ms <= 0) {
      const handle = setImmediate(fn)
      return () => clearImmediate(handle)
    }
    this.pending.push(item)
    return () => {
      this.pending = this.pending.filter((p) => p !== item)
    }
  }

  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.t + ms
    for (;;) {
      const next = this.pending.filter((p) => p.at <= target).sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!next) break
      this.pending = this.pending.filter((p) => p !== next)
      this.t = Math.max(this.t, next.at)
      next.fn()
    }
    this.t = target
  }

  /** Delays of the timers waiting now, from the current time. */
  waiting(): number[] {
    return this.pending.map((p) => p.at - this.t).sort((a, b) => a - b)
  }
}
