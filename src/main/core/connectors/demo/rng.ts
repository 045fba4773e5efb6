// The demo source's only randomness: a seeded sfc32 generator and the few
// distributions the scenario needs. Content and counts never use Math.random
// (only the default run id does), so a seed reproduces a stream exactly
// (tests, bug reports, screenshots).

const TWO_POW_32 = 4_294_967_296

/** splitmix32 step: spreads a seed (even 0 or 1) over all 32 bits. */
function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0
  let z = x
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** A 32-bit hash of a few integers; stable across runs and platforms. */
export function hash32(...values: number[]): number {
  let h = 0x811c9dc5
  for (const v of values) {
    // Split so that seeds beyond 2^32 (settings allow any safe integer) still count.
    h = mix32(h ^ (v >>> 0))
    h = mix32(h ^ (Math.floor(v / TWO_POW_32) >>> 0))
  }
  return h
}

export class Rng {
  private a = 0
  private b = 0
  private c = 0
  private d = 0

  /** `stream` gives independent sequences from one seed (authors, bursts, content). */
  constructor(seed: number, stream = 0) {
    const h = hash32(seed, stream)
    this.a = mix32(h)
    this.b = mix32(this.a ^ 0x6a09e667)
    this.c = mix32(this.b ^ 0xbb67ae85)
    this.d = 1
    // sfc32's first outputs are correlated with the seed; the usual warm-up.
    for (let i = 0; i < 15; i++) this.u32()
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return t >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / TWO_POW_32
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[Math.floor(this.next() * items.length)]!
  }

  /** O(n) weighted pick for one-off choices; use WeightedTable on hot paths. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0
    for (const w of weights) total += w
    let r = this.next() * total
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0
      if (r < 0) return items[i]!
    }
    return items[items.length - 1]!
  }

  /** Standard normal (Box-Muller, no cached spare so the stream stays simple). */
  normal(): number {
    const u = 1 - this.next() // (0, 1]: log(0) would be -Infinity
    const v = this.next()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /**
   * Poisson count with mean lambda. Knuth's product method below 30 (exact,
   * O(lambda) draws); above, the normal approximation, which is within a
   * fraction of a percent there and costs two draws however large lambda is.
   */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0
    if (lambda < 30) {
      const limit = Math.exp(-lambda)
      let k = 0
      let p = this.next()
      while (p > limit) {
        k++
        p *= this.next()
      }
      return k
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()))
  }

  /**
   * Follower counts are log-normal-ish: most accounts have a few hundred, a
   * few have millions. Clamped so the tails stay plausible.
   */
  followers(median = 350, sigma = 1.8, min = 10, max = 2_000_000): number {
    const x = Math.round(median * Math.exp(sigma * this.normal()))
    return Math.min(max, Math.max(min, x))
  }
}

/** Precomputed cumulative weights: O(log n) picks without allocating. */
export class WeightedTable<T> {
  private readonly items: T[]
  private readonly cumulative: Float64Array
  private readonly total: number

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, w]) => w > 0)
    if (kept.length === 0) throw new RangeError('WeightedTable needs at least one positive weight')
    this.items = kept.map(([item]) => item)
    this.cumulative = new Float64Array(kept.length)
    let sum = 0
    kept.forEach(([, w], i) => {
      sum += w
      this.cumulative[i] = sum
    })
    this.total = sum
  }

  get size(): number {
    return this.items.length
  }

  pick(rng: Rng): T {
    const r = rng.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid]! > r) hi = mid
      else lo = mid + 1
    }
    return this.items[lo]!
  }
}
