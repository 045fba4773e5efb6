// Reconnect delays for the browser-mode socket: 0.5 s, doubling, capped at 10 s.
export const BACKOFF_INITIAL_MS = 500
export const BACKOFF_MAX_MS = 10_000

/** Delay before reconnect attempt number `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number): number {
  const n = Math.max(0, Math.floor(attempt))
  if (n >= 20) return BACKOFF_MAX_MS
  return Math.min(BACKOFF_MAX_MS, BACKOFF_INITIAL_MS * 2 ** n)
}
