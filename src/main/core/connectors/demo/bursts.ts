// The demo's volume over time, a pure function of the seed and the time since
// the stream started: a slow wave, a little noise, and bursts. Outage storms
// (Comcast/Xfinity, 4-8x for 1-3 minutes every 6-12 minutes, the first within
// a minute so the sparklines move while a new user is still looking) and
// smaller positive viral spikes in between. Scaled so the mean is about 1, so
// the configured rate is the long-run average.
import { hash32, Rng } from './rng'
import { BRAND_IDS, CITIES, OUTAGE_BRAND, VIRAL_MIX, type BrandId } from './scenario'

export type BurstKind = 'outage' | 'viral'

export interface Burst {
  readonly kind: BurstKind
  readonly brand: BrandId
  /** Milliseconds since the timeline's origin. */
  readonly start: number
  readonly end: number
  /** Volume multiplier on the plateau. */
  readonly peak: number
  /** Where an outage hits (empty for viral spikes). */
  readonly cities: readonly string[]
}

const SECOND = 1000
const MINUTE = 60 * SECOND
const TIMELINE_STREAM = 0xb0257
/** Rise over the first 15% of a burst, hold, then decay over the last 40%. */
const RISE_END = 0.15
const FALL_START = 0.6
const SHAPE_MEAN = RISE_END / 2 + (FALL_START - RISE_END) + (1 - FALL_START) / 2
/** Long enough that the normalization sees many storms. */
const NORMALIZE_HORIZON = 3 * 60 * MINUTE
const NOISE_STEP = 10 * SECOND

function shape(u: number): number {
  if (u < RISE_END) return u / RISE_END
  if (u < FALL_START) return 1
  return (1 - u) / (1 - FALL_START)
}

export class BurstTimeline {
  private readonly rng: Rng
  private readonly bursts: Burst[] = []
  private lastOutage: Burst | null = null
  private readonly scale: number
  private readonly slow: { period: number; phase: number }
  private readonly fast: { period: number; phase: number }
  private readonly viralBrands: BrandId[]
  private readonly viralWeights: number[]

  constructor(private readonly seed: number) {
    this.rng = new Rng(seed, TIMELINE_STREAM)
    this.slow = { period: this.rng.float(15, 25) * MINUTE, phase: this.rng.float(0, 2 * Math.PI) }
    this.fast = { period: this.rng.float(2.5, 4.5) * MINUTE, phase: this.rng.float(0, 2 * Math.PI) }
    this.viralBrands = BRAND_IDS.filter((b) => (VIRAL_MIX[b] ?? 0) > 0)
    this.viralWeights = this.viralBrands.map((b) => VIRAL_MIX[b]!)

    // Divide by the mean multiplier over the first hours so intensity averages ~1.
    this.ensure(NORMALIZE_HORIZON)
    let extra = 0
    for (const b of this.bursts) {
      if (b.start >= NORMALIZE_HORIZON) break
      extra += (b.peak - 1) * SHAPE_MEAN * (Math.min(b.end, NORMALIZE_HORIZON) - b.start)
    }
    this.scale = NORMALIZE_HORIZON / (NORMALIZE_HORIZON + extra)
  }

  /** The burst in progress at `t` (ms since origin), or null when calm. */
  burstAt(t: number): Burst | null {
    this.ensure(t)
    let lo = 0
    let hi = this.bursts.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      if (this.bursts[mid]!.start <= t) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    const b = found >= 0 ? this.bursts[found]! : null
    return b !== null && t < b.end ? b : null
  }

  /** Every burst that starts before `t`, oldest first. */
  burstsBefore(t: number): readonly Burst[] {
    this.ensure(t)
    return this.bursts.filter((b) => b.start < t)
  }

  /** How much a burst multiplies the volume at `t` (1 when calm). */
  multiplier(t: number, burst = this.burstAt(t)): number {
    if (burst === null) return 1
    return 1 + (burst.peak - 1) * shape((t - burst.start) / (burst.end - burst.start))
  }

  /** Volume relative to the configured rate; mean about 1. */
  intensity(t: number): number {
    return this.scale * this.base(t) * this.multiplier(t)
  }

  /** The calm-time wave: between roughly 0.65 and 1.35, mean 1. */
  private base(t: number): number {
    const slow = 0.18 * Math.sin((2 * Math.PI * t) / this.slow.period + this.slow.phase)
    const fast = 0.08 * Math.sin((2 * Math.PI * t) / this.fast.period + this.fast.phase)
    return 1 + slow + fast + 0.08 * this.noise(t)
  }

  /** Smooth value noise in [-1, 1] with a knot every 10 s. */
  private noise(t: number): number {
    const k = Math.floor(t / NOISE_STEP)
    const f = t / NOISE_STEP - k
    const a = hash32(this.seed, TIMELINE_STREAM, k) / 2 ** 31 - 1
    const b = hash32(this.seed, TIMELINE_STREAM, k + 1) / 2 ** 31 - 1
    const w = f * f * (3 - 2 * f)
    return a + (b - a) * w
  }

  /** Extends the schedule, in order, until an outage starts after `t`. */
  private ensure(t: number): void {
    while (this.lastOutage === null || this.lastOutage.start <= t) this.scheduleNext()
  }

  private scheduleNext(): void {
    const rng = this.rng
    const prev = this.lastOutage
    const first = prev === null
    const start = first ? rng.float(15, 60) * SECOND : prev.start + rng.float(6, 12) * MINUTE
    const duration = rng.float(1, 3) * MINUTE
    // The first storm is the one a new user sees: make it unmistakable.
    const peak = first ? rng.float(5, 8) : rng.float(4, 8)
    const cityCount = rng.int(2, 4)
    const cities: string[] = []
    while (cities.length < cityCount) {
      const c = rng.pick(CITIES)
      if (!cities.includes(c)) cities.push(c)
    }

    if (prev !== null && rng.chance(0.55)) {
      const from = prev.end + 30 * SECOND
      const to = start - 30 * SECOND
      const length = rng.float(40, 100) * SECOND
      if (to - from > length) {
        const vStart = rng.float(from, to - length)
        const brand = rng.weighted(this.viralBrands, this.viralWeights)
        this.bursts.push({
          kind: 'viral',
          brand,
          start: vStart,
          end: vStart + length,
          peak: rng.float(1.8, 2.8),
          cities: [],
        })
      }
    }

    const outage: Burst = { kind: 'outage', brand: OUTAGE_BRAND, start, end: start + duration, peak, cities }
    this.bursts.push(outage)
    this.lastOutage = outage
  }
}
