// How often live mentions are applied to the screen. At normal rates every
// animation frame; as the incoming rate climbs the interval stretches (no
// one reads 1,000 mentions a second, but every update re-lays-out every
// visible card), up to a second. Pure, so the rule is tested.

/** Milliseconds of interval per mention/s of incoming rate. */
const MS_PER_RATE = 0.5
export const MAX_APPLY_INTERVAL_MS = 1_000

/** Minimum time between two applies for `perSecond` incoming mentions. */
export function applyInterval(perSecond: number): number {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return 0
  return Math.min(MAX_APPLY_INTERVAL_MS, Math.round(perSecond * MS_PER_RATE))
}

/** Mentions per second over a sliding window of (time, count) samples. */
export class RateMeter {
  private samples: { t: number; n: number }[] = []
  constructor(private readonly windowMs = 3_000) {}

  add(now: number, n: number): void {
    this.samples.push({ t: now, n })
    this.prune(now)
  }

  rate(now: number): number {
    this.prune(now)
    let total = 0
    for (const s of this.samples) total += s.n
    return (total * 1000) / this.windowMs
  }

  private prune(now: number): void {
    const cutoff = now - this.windowMs
    let i = 0
    while (i < this.samples.length && this.samples[i]!.t < cutoff) i++
    if (i > 0) this.samples.splice(0, i)
  }
}
