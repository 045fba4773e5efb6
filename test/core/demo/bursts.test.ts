import { describe, expect, it } from 'vitest'
import { BurstTimeline } from '../../../src/main/core/connectors/demo/bursts'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const SEEDS = Array.from({ length: 20 }, (_, i) => i * 7919 + 1)

describe('demo burst timeline', () => {
  it('starts the first outage storm within the first minute, so it is on before two minutes', () => {
    for (const seed of SEEDS) {
      const [first] = new BurstTimeline(seed).burstsBefore(2 * MINUTE)
      expect(first?.kind, `seed ${seed}`).toBe('outage')
      expect(first!.brand).toBe('comcast')
      expect(first!.start).toBeLessThanOrEqual(MINUTE)
      expect(first!.peak).toBeGreaterThanOrEqual(5)
    }
  })

  it('repeats outage storms every 6-12 minutes for 1-3 minutes at 4-8x, never overlapping other bursts', () => {
    for (const seed of SEEDS.slice(0, 5)) {
      const bursts = new BurstTimeline(seed).burstsBefore(4 * HOUR)
      const outages = bursts.filter((b) => b.kind === 'outage')
      expect(outages.length).toBeGreaterThan(4 * 5 - 1)
      for (let i = 0; i < outages.length; i++) {
        const o = outages[i]!
        expect(o.end - o.start).toBeGreaterThanOrEqual(MINUTE)
        expect(o.end - o.start).toBeLessThanOrEqual(3 * MINUTE)
        expect(o.peak).toBeGreaterThanOrEqual(4)
        expect(o.peak).toBeLessThanOrEqual(8)
        expect(o.cities.length).toBeGreaterThanOrEqual(2)
        if (i > 0) {
          const gap = o.start - outages[i - 1]!.start
          expect(gap).toBeGreaterThanOrEqual(6 * MINUTE)
          expect(gap).toBeLessThanOrEqual(12 * MINUTE)
        }
      }
      for (let i = 1; i < bursts.length; i++) expect(bursts[i]!.start).toBeGreaterThanOrEqual(bursts[i - 1]!.end)
    }
  })

  it('has smaller positive viral spikes for other brands in between, Oreo the most often', () => {
    const virals = SEEDS.flatMap((seed) =>
      new BurstTimeline(seed).burstsBefore(2 * HOUR).filter((b) => b.kind === 'viral'),
    )
    expect(virals.length).toBeGreaterThan(SEEDS.length * 3)
    for (const v of virals) {
      expect(v.brand).not.toBe('comcast')
      expect(v.peak).toBeGreaterThan(1.5)
      expect(v.peak).toBeLessThan(4)
    }
    const oreo = virals.filter((v) => v.brand === 'oreo').length
    expect(oreo / virals.length).toBeGreaterThan(0.35)
  })

  it('averages about 1 over hours, stays positive when calm and rises several-fold in a storm', () => {
    for (const seed of SEEDS.slice(0, 5)) {
      const timeline = new BurstTimeline(seed)
      let sum = 0
      let min = Infinity
      const steps = (6 * HOUR) / SECOND
      for (let s = 0; s < steps; s++) {
        const v = timeline.intensity(s * SECOND)
        sum += v
        min = Math.min(min, v)
      }
      expect(sum / steps, `seed ${seed}`).toBeGreaterThan(0.85)
      expect(sum / steps, `seed ${seed}`).toBeLessThan(1.15)
      expect(min).toBeGreaterThan(0.2)

      const first = timeline.burstsBefore(2 * MINUTE)[0]!
      const middle = (first.start + first.end) / 2
      expect(timeline.burstAt(middle)).toBe(first)
      expect(timeline.burstAt(first.start - 1)).toBeNull()
      expect(timeline.multiplier(middle)).toBeCloseTo(first.peak, 5)
      expect(timeline.intensity(middle) / timeline.intensity(0)).toBeGreaterThan(3)
    }
  })

  it('is a pure function of the seed, whatever order it is asked in', () => {
    const a = new BurstTimeline(77)
    const b = new BurstTimeline(77)
    const probes = [5 * HOUR, 10 * SECOND, 3 * HOUR, 45 * MINUTE]
    const fromA = probes.map((t) => a.intensity(t))
    const fromB = [...probes]
      .reverse()
      .map((t) => b.intensity(t))
      .reverse()
    expect(fromB).toEqual(fromA)
    expect(b.burstsBefore(6 * HOUR)).toEqual(a.burstsBefore(6 * HOUR))
    expect(new BurstTimeline(78).burstsBefore(HOUR)).not.toEqual(a.burstsBefore(HOUR))
  })
})
