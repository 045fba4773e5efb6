// The round timer of a polling connector (Hacker News, Reddit): one round at
// a time, the next one scheduled when a round ends, an abort signal that
// stops a round's requests and waits, and `stop()` that waits for the round
// in flight. Plus how a failed round is reported: logged, a gap opened, and
// the status saying when the next try is.
import type { SourceStatus } from '../../../shared/domain'
import { inSeconds } from './backoff'
import type { ConnectorContext } from './connector'

export class PollLoop {
  private timer: NodeJS.Timeout | null = null
  private round: Promise<void> | null = null
  private abort = new AbortController()

  constructor(private readonly run: () => Promise<void>) {}

  /** Aborted when the connector stops: pass it to fetches and waits. */
  get signal(): AbortSignal {
    return this.abort.signal
  }

  start(): void {
    this.abort = new AbortController()
    this.next(0)
  }

  /** Runs the next round after `delayMs`. */
  next(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null
      this.round = this.run().finally(() => (this.round = null))
    }, delayMs)
  }

  async stop(): Promise<void> {
    this.abort.abort()
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.round
  }
}

/** A round failed: say so in the log, record the gap, and show when it tries again. */
export function reportRetry(
  ctx: ConnectorContext,
  source: string,
  message: string,
  state: Extract<SourceStatus['state'], 'error' | 'rate_limited'>,
  waitMs: number,
): void {
  ctx.log(`${source}: ${message}`)
  ctx.gap.open(`${source}: ${message}`)
  ctx.status({ state, detail: `${message}; retrying ${inSeconds(waitMs)}`, until: ctx.now() + waitMs })
}
