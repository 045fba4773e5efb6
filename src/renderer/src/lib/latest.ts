// Stale-reply guard and debounce: the two small timing tools behind live
// validation and search. Each request takes a ticket; only the newest
// ticket's reply may be applied, so a slow answer to an older query never
// overwrites a newer one. Pure; timers are injectable for tests.

export interface Latest {
  /** A ticket for a new request; every earlier ticket becomes stale. */
  next(): number
  isCurrent(ticket: number): boolean
  /** Makes every outstanding ticket stale (on unmount or reset). */
  invalidate(): void
}

export function createLatest(): Latest {
  let current = 0
  return {
    next: () => ++current,
    isCurrent: (ticket) => ticket === current,
    invalidate: () => {
      current++
    },
  }
}

export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void
  /** Drops the pending call, if any. */
  cancel(): void
  /** Runs the pending call now, if any. */
  flush(): void
  pending(): boolean
}

/** Calls `fn` with the latest arguments once `ms` have passed without another call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number, timers = realTimers): Debounced<A> {
  let handle: unknown = null
  let args: A | null = null
  const run = (): void => {
    handle = null
    const a = args
    args = null
    if (a) fn(...a)
  }
  const debounced = (...a: A): void => {
    args = a
    if (handle !== null) timers.clear(handle)
    handle = timers.set(run, ms)
  }
  debounced.cancel = (): void => {
    if (handle !== null) timers.clear(handle)
    handle = null
    args = null
  }
  debounced.flush = (): void => {
    if (handle === null) return
    timers.clear(handle)
    run()
  }
  debounced.pending = (): boolean => handle !== null
  return debounced
}
