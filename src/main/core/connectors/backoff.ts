// Reconnect delays for the free sources: exponential from a first step up to a
// ceiling, reset once a connection delivers. The steps are options so that
// tests run the whole schedule in milliseconds.
export interface BackoffOptions {
  /** First delay, ms. */
  initialMs: number
  /** Ceiling, ms. */
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 120_000 }

/** The attempt-th delay (counted from 1) of a schedule that doubles from firstMs up to maxMs. */
export function exponentialDelay(firstMs: number, maxMs: number, attempt: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.min(attempt - 1, 30))
}

export class Backoff {
  private failures = 0

  constructor(private readonly o: BackoffOptions = DEFAULT_BACKOFF) {}

  /** The delay before the next attempt, and counts the failure. */
  next(): number {
    const delay = exponentialDelay(this.o.initialMs, this.o.maxMs, this.failures + 1)
    this.failures++
    return delay
  }

  reset(): void {
    this.failures = 0
  }

  get attempts(): number {
    return this.failures
  }
}

/** "in 4 s" / "in 2 min", for status lines. */
export function inSeconds(ms: number): string {
  const s = Math.ceil(ms / 1000)
  return s < 120 ? `in ${s} s` : `in ${Math.round(s / 60)} min`
}

/**
 * How long an HTTP answer asks to wait (Retry-After: seconds, or an HTTP
 * date), in ms; null when it says nothing usable (then back off as usual).
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const value = headers.get('retry-after')?.trim()
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds > 0 ? seconds * 1_000 : null
  const at = Date.parse(value)
  return Number.isFinite(at) && at > now ? at - now : null
}
