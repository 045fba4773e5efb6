// The reconnect schedule X asks streaming clients to follow
// (docs: "Connecting to a streaming endpoint", handling disconnections):
// network errors back off linearly by 250 ms up to 16 s; HTTP errors
// exponentially from 5 s up to 320 s; HTTP 429 exponentially from 60 s.
// A schedule restarts once a connection delivers data again.
import { exponentialDelay } from '../backoff'

export type FailureKind = 'network' | 'http' | 'rate_limit'

const NETWORK_STEP_MS = 250
const NETWORK_MAX_MS = 16_000
const HTTP_FIRST_MS = 5_000
const HTTP_MAX_MS = 320_000
const RATE_FIRST_MS = 60_000
// X gives no ceiling for 429s; 16 minutes is past its 15-minute rate window,
// so waiting longer would only lose data.
const RATE_MAX_MS = 960_000

export function backoffDelay(kind: FailureKind, attempt: number): number {
  const n = Math.max(1, attempt)
  switch (kind) {
    case 'network':
      return Math.min(NETWORK_STEP_MS * n, NETWORK_MAX_MS)
    case 'http':
      return exponentialDelay(HTTP_FIRST_MS, HTTP_MAX_MS, n)
    case 'rate_limit':
      return exponentialDelay(RATE_FIRST_MS, RATE_MAX_MS, n)
  }
}

/** Counts consecutive failures of each kind; a different kind starts its own schedule. */
export class Backoff {
  private kind: FailureKind | null = null
  private attempt = 0

  next(kind: FailureKind): number {
    this.attempt = this.kind === kind ? this.attempt + 1 : 1
    this.kind = kind
    return backoffDelay(kind, this.attempt)
  }

  reset(): void {
    this.kind = null
    this.attempt = 0
  }
}
