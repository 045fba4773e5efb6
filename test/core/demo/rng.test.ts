import { describe, expect, it } from 'vitest'
import { Rng, WeightedTable, hash32 } from '../../../src/main/core/connectors/demo/rng'

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.u32())

describe('demo rng', () => {
  it('replays the same sequence for the same seed and stream', () => {
    expect(draws(new Rng(42), 1000)).toEqual(draws(new Rng(42), 1000))
    expect(draws(new Rng(42, 7), 100)).toEqual(draws(new Rng(42, 7), 100))
  })

  it('gives different sequences for different seeds, streams and seeds beyond 2^32', () => {
    const base = draws(new Rng(42), 50)
    expect(draws(new Rng(43), 50)).not.toEqual(base)
    expect(draws(new Rng(42, 1), 50)).not.toEqual(base)
    expect(draws(new Rng(2 ** 40 + 42), 50)).not.toEqual(base)
    expect(hash32(1, 2)).not.toBe(hash32(2, 1))
  })

  it('keeps floats in [0, 1) and ints within inclusive bounds, hitting both ends', () => {
    const rng = new Rng(1)
    const seen = new Set<number>()
    let badFloats = 0
    for (let i = 0; i < 20_000; i++) {
      const f = rng.next()
      if (!(f >= 0 && f < 1)) badFloats++
      seen.add(rng.int(-3, 3))
    }
    expect(badFloats).toBe(0)
    // Exactly the seven integers: nothing outside, nothing fractional, both ends reached.
    expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3])
  })

  it('picks by weight, both one-off and with a precomputed table', () => {
    const rng = new Rng(5)
    const table = new WeightedTable([
      ['a', 1],
      ['b', 3],
      ['zero', 0],
    ] as const)
    const counts = { a: 0, b: 0, c: 0, d: 0, zero: 0 }
    for (let i = 0; i < 40_000; i++) {
      counts[table.pick(rng)]++
      counts[rng.weighted(['c', 'd'] as const, [3, 1])]++
    }
    expect(counts.zero).toBe(0)
    expect(counts.b / 40_000).toBeCloseTo(0.75, 1)
    expect(counts.c / 40_000).toBeCloseTo(0.75, 1)
    expect(() => new WeightedTable([['x', 0]])).toThrow(RangeError)
    expect(() => rng.pick([])).toThrow(RangeError)
  })

  it('samples Poisson counts with the right mean and variance, small and large lambda', () => {
    const rng = new Rng(9)
    for (const lambda of [0.3, 4, 25, 80, 4000]) {
      const n = 20_000
      let sum = 0
      let sq = 0
      let bad = 0
      for (let i = 0; i < n; i++) {
        const k = rng.poisson(lambda)
        if (!Number.isInteger(k) || k < 0) bad++
        sum += k
        sq += k * k
      }
      expect(bad).toBe(0)
      const mean = sum / n
      const variance = sq / n - mean * mean
      // Five standard errors of the mean; the variance within 10%.
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n))
      expect(variance / lambda).toBeGreaterThan(0.9)
      expect(variance / lambda).toBeLessThan(1.1)
    }
    expect(rng.poisson(0)).toBe(0)
    expect(rng.poisson(-1)).toBe(0)
    expect(rng.poisson(Number.NaN)).toBe(0)
  })

  it('draws heavy-tailed follower counts within bounds', () => {
    const rng = new Rng(11)
    const f = Array.from({ length: 20_000 }, () => rng.followers()).sort((a, b) => a - b)
    expect(f[0]).toBeGreaterThanOrEqual(10)
    expect(f[f.length - 1]).toBeLessThanOrEqual(2_000_000)
    const median = f[f.length >> 1]!
    expect(median).toBeGreaterThan(150)
    expect(median).toBeLessThan(800)
    // Heavy tail: the top 1% has at least 30 times the median.
    expect(f[Math.floor(f.length * 0.99)]!).toBeGreaterThan(30 * median)
  })
})
