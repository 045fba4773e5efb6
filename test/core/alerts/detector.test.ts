// The spike detector on synthetic series: fires on a spike, stays quiet on
// noise (including property tests over random noise), respects the cooldown
// and the minimum volume, and detects a negative-sentiment surge.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  detect,
  median,
  spikeThreshold,
  THRESHOLDS,
  type BucketCounts,
  type DetectorConfig,
} from '../../../src/main/core/alerts/detector'
import { SENSITIVITIES } from '../../../src/shared/contracts/alerts'

const BUCKET = 30_000
const NOW = 1_800_000_000_000

/** Buckets from volumes, oldest first, the last one being the bucket now filling; `negShare` of each is negative. */
function series(volumes: readonly number[], negShare: number | readonly number[] = 0.2): BucketCounts[] {
  return volumes.map((v, i) => {
    const share = typeof negShare === 'number' ? negShare : negShare[i]!
    const negative = Math.round(v * share)
    return { t: NOW - (volumes.length - 1 - i) * BUCKET, positive: 0, neutral: v - negative, negative }
  })
}

const config = (over: Partial<DetectorConfig> = {}): DetectorConfig => ({
  sensitivity: 'medium',
  minVolume: 10,
  negativeSurge: true,
  cooldownMs: 10 * 60_000,
  ...over,
})

const calm = [40, 44, 38, 41, 45, 39, 42, 40, 43, 37, 41, 44]

describe('spike detector', () => {
  it('fires on a spike in the bucket now filling, reporting the baseline', () => {
    const found = detect(series([...calm, 160]), config(), {}, NOW)
    expect(found).toEqual([{ kind: 'spike', bucket: NOW, count: 160, baseline: 41, observed: 160 }])
  })

  it('stays quiet on an ordinary bucket and on a mild rise', () => {
    expect(detect(series([...calm, 44]), config(), {}, NOW)).toEqual([])
    expect(detect(series([...calm, 60]), config(), {}, NOW)).toEqual([])
  })

  it('is more eager at high sensitivity and less at low', () => {
    const volumes = [...calm, 70]
    expect(detect(series(volumes), config({ sensitivity: 'high' }), {}, NOW).map((d) => d.kind)).toEqual(['spike'])
    expect(detect(series(volumes), config({ sensitivity: 'medium' }), {}, NOW)).toEqual([])
    expect(detect(series([...calm, 110]), config({ sensitivity: 'low' }), {}, NOW)).toEqual([])
    expect(detect(series([...calm, 130]), config({ sensitivity: 'low' }), {}, NOW)).toHaveLength(1)
  })

  it('is not moved by one earlier burst in the baseline (median, not mean)', () => {
    const withBurst = [40, 42, 41, 400, 39, 43, 40, 41]
    expect(detect(series([...withBurst, 130]), config(), {}, NOW).map((d) => d.kind)).toEqual(['spike'])
  })

  it('needs a baseline: no alert with fewer than two completed buckets, leading empty ones skipped', () => {
    expect(detect(series([500]), config(), {}, NOW)).toEqual([])
    expect(detect(series([0, 0, 0, 30, 500]), config(), {}, NOW)).toEqual([])
    expect(detect(series([0, 0, 0, 30, 34, 500]), config(), {}, NOW)).toHaveLength(1)
  })

  it('respects the minimum volume on a quiet column', () => {
    const quiet = [0, 1, 0, 1, 1, 0, 1, 0, 1, 1]
    expect(detect(series([...quiet, 8]), config({ minVolume: 10 }), {}, NOW)).toEqual([])
    expect(detect(series([...quiet, 8]), config({ minVolume: 5 }), {}, NOW).map((d) => d.kind)).toEqual(['spike'])
  })

  it('respects the cooldown per kind, then fires again once it has passed', () => {
    const volumes = series([...calm, 160])
    const cooldownMs = 5 * 60_000
    expect(detect(volumes, config({ cooldownMs }), { spike: NOW - 60_000 }, NOW)).toEqual([])
    expect(detect(volumes, config({ cooldownMs }), { negative: NOW - 60_000 }, NOW)).toHaveLength(1)
    expect(detect(volumes, config({ cooldownMs }), { spike: NOW - cooldownMs }, NOW)).toHaveLength(1)
  })

  it('property: a series whose values stay within a factor below the ratio never fires', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SENSITIVITIES),
        fc.double({ min: 1, max: 5_000, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 60 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (sensitivity, floor, unit, spread) => {
          // Every value in [floor, floor * r) with r below the sensitivity's ratio.
          const r = 1 + (THRESHOLDS[sensitivity].ratio - 1) * spread
          const volumes = unit.map((u) => floor * (1 + (r - 1) * u))
          const buckets = volumes.map((v, i) => ({ t: i * BUCKET, positive: v, neutral: 0, negative: 0 }))
          const found = detect(buckets, config({ sensitivity, minVolume: 1, negativeSurge: false }), {}, NOW)
          expect(found).toEqual([])
        },
      ),
    )
  })

  it('property: noise within one Poisson deviation of any level never fires, even at high sensitivity', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 4, max: 100_000, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 3, maxLength: 60 }),
        (level, noise) => {
          const volumes = noise.map((n) => level + n * Math.sqrt(level))
          const buckets = volumes.map((v, i) => ({ t: i * BUCKET, positive: 0, neutral: v, negative: 0 }))
          expect(detect(buckets, config({ sensitivity: 'high', minVolume: 1 }), {}, NOW)).toEqual([])
        },
      ),
    )
  })

  it('property: a big enough jump over any calm series fires', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 60 }), { minLength: 2, maxLength: 40 }),
        fc.constantFrom(...SENSITIVITIES),
        (calmSeries, sensitivity) => {
          const threshold = spikeThreshold(calmSeries, sensitivity, 10)!
          const found = detect(series([...calmSeries, Math.ceil(threshold)], 0), config({ sensitivity }), {}, NOW)
          expect(found.map((d) => d.kind)).toEqual(['spike'])
        },
      ),
    )
  })
})

describe('negative surge', () => {
  const volumes = [...calm, 46]
  const shares = [...calm.map(() => 0.2), 0.7]

  it('fires when the negative share jumps, with the baseline share', () => {
    const found = detect(series(volumes, shares), config(), {}, NOW)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ kind: 'negative', count: 32, observed: 32 / 46 })
    expect(found[0]!.baseline).toBeCloseTo(0.2, 1)
  })

  it('stays quiet when the share holds, when it is switched off, and below the minimum volume', () => {
    expect(detect(series(volumes, 0.2), config(), {}, NOW)).toEqual([])
    expect(detect(series(volumes, shares), config({ negativeSurge: false }), {}, NOW)).toEqual([])
    expect(detect(series([...calm, 12], [...calm.map(() => 0.2), 0.75]), config({ minVolume: 10 }), {}, NOW)).toEqual(
      [],
    )
  })

  it('needs a bigger rise at low sensitivity', () => {
    const mild = [...calm.map(() => 0.2), 0.45]
    expect(detect(series(volumes, mild), config({ sensitivity: 'high' }), {}, NOW)).toHaveLength(1)
    expect(detect(series(volumes, mild), config({ sensitivity: 'low' }), {}, NOW)).toEqual([])
  })

  it('fires alongside a spike in the same bucket, each with its own cooldown', () => {
    const storm = detect(series([...calm, 200], [...calm.map(() => 0.2), 0.8]), config(), {}, NOW)
    expect(storm.map((d) => d.kind)).toEqual(['spike', 'negative'])
    const later = detect(series([...calm, 200], [...calm.map(() => 0.2), 0.8]), config(), { negative: NOW - 1 }, NOW)
    expect(later.map((d) => d.kind)).toEqual(['spike'])
  })
})

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBe(0)
  })
})
