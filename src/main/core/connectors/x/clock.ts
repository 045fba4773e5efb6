// Timers behind an interface, so that reconnect delays, stall detection and
// poll intervals can be driven by a manual clock in tests while the sockets
// stay real.

export interface Timers {
  /** Epoch ms. */
  now(): number
  /** Calls `fn` once after `ms`; returns the cancel function. */
  after(ms: number, fn: () => void): () => void
}

export function systemTimers(now: () => number = Date.now): Timers {
  return {
    now,
    after(ms, fn) {
      const handle = setTimeout(fn, ms)
      return () => clearTimeout(handle)
    },
  }
}
