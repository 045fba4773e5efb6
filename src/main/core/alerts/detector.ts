// The spike detector: pure functions over one column's 30-second stats
// buckets. The newest bucket (still filling) is compared with a robust
// baseline of the completed ones before it: their median and MAD (median
// absolute deviation), so one earlier burst does not drag the baseline up the
// way a mean would. A bucket spikes when it is at once far above the baseline
// (k robust deviations, never less than Poisson noise, sqrt(median)), a
// multiple of it, and at least the minimum volume. A negative surge is a jump
// in the share of negative mentions. Evaluating the filling bucket fires while
// the spike is still rising; a count only grows, so it never un-fires.
import type { AlertKind, Sensitivity } from '../../../shared/contracts/alerts'
import type { StatsBucket } from '../../../shared/domain'

export interface DetectorConfig {
  sensitivity: Sensitivity
  minVolume: number
  negativeSurge: boolean
  cooldownMs: number
}

export interface Thresholds {
  /** Robust deviations above the median. */
  k: number
  /** ...and at least this multiple of the median. */
  ratio: number
  /** Negative share must rise this much above its baseline (0..1). */
  negativeRise: number
}

export const THRESHOLDS: Record<Sensitivity, Thresholds> = {
  low: { k: 6, ratio: 3, negativeRise: 0.3 },
  medium: { k: 4, ratio: 2, negativeRise: 0.2 },
  high: { k: 3, ratio: 1.5, negativeRise: 0.12 },
}

/** Completed buckets the baseline looks back over (10 minutes). */
export const BASELINE_BUCKETS = 20
/** Fewer completed buckets than this and there is no baseline yet. */
export const MIN_BASELINE_BUCKETS = 2
/** MAD times this estimates the standard deviation of normal data. */
const MAD_SCALE = 1.4826

export type BucketCounts = Pick<StatsBucket, 'positive' | 'neutral' | 'negative'> & {
  t: number
  /** Mentions without sentiment (a language the model does not read): volume, not sentiment. */
  unscored?: number
}

export interface Detection {
  kind: AlertKind
  bucket: number
  /** Mentions in the bucket (negative ones for a negative surge). */
  count: number
  /** Median mentions per bucket, or the baseline negative share. */
  baseline: number
  /** The bucket's mentions, or its negative share. */
  observed: number
}

export type LastFired = Partial<Record<AlertKind, number>>

const scoredOf = (b: BucketCounts) => b.positive + b.neutral + b.negative
const totalOf = (b: BucketCounts) => scoredOf(b) + (b.unscored ?? 0)

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/**
 * The completed buckets the baseline is built from: up to BASELINE_BUCKETS
 * before the newest, skipping the leading empty ones (before the column had
 * any data, or before capture started), which would otherwise read as calm.
 */
export function baselineBuckets<B extends BucketCounts>(buckets: readonly B[]): B[] {
  const completed = buckets.slice(0, -1)
  const first = completed.findIndex((b) => totalOf(b) > 0)
  if (first < 0) return []
  return completed.slice(Math.max(first, completed.length - BASELINE_BUCKETS))
}

/** The mention count from which the newest bucket is a spike, or null without a baseline. */
export function spikeThreshold(
  baseline: readonly number[],
  sensitivity: Sensitivity,
  minVolume: number,
): number | null {
  if (baseline.length < MIN_BASELINE_BUCKETS) return null
  const { k, ratio } = THRESHOLDS[sensitivity]
  const med = median(baseline)
  const mad = median(baseline.map((v) => Math.abs(v - med)))
  const scale = Math.max(MAD_SCALE * mad, Math.sqrt(med), 1)
  return Math.max(med + k * scale, med * ratio, minVolume)
}

function coolingDown(lastFired: LastFired, kind: AlertKind, now: number, cooldownMs: number): boolean {
  const last = lastFired[kind]
  return last !== undefined && now - last < cooldownMs
}

/**
 * What fires now for one column: `buckets` oldest first, ending with the
 * bucket now filling (ColumnStats.buckets); `lastFired` when each kind last
 * fired for this column (epoch ms), for the cooldown.
 */
export function detect(
  buckets: readonly BucketCounts[],
  config: DetectorConfig,
  lastFired: LastFired,
  now: number,
): Detection[] {
  const current = buckets.at(-1)
  if (!current) return []
  const base = baselineBuckets(buckets)
  const out: Detection[] = []
  const count = totalOf(current)

  const threshold = spikeThreshold(base.map(totalOf), config.sensitivity, config.minVolume)
  if (threshold !== null && count >= threshold && !coolingDown(lastFired, 'spike', now, config.cooldownMs)) {
    out.push({ kind: 'spike', bucket: current.t, count, baseline: median(base.map(totalOf)), observed: count })
  }

  if (config.negativeSurge && base.length >= MIN_BASELINE_BUCKETS && current.negative >= config.minVolume) {
    let total = 0
    let negative = 0
    for (const b of base) {
      total += scoredOf(b)
      negative += b.negative
    }
    // A baseline share from a handful of mentions says little.
    if (total >= config.minVolume) {
      const baseShare = negative / total
      const share = current.negative / Math.max(1, scoredOf(current))
      const rise = THRESHOLDS[config.sensitivity].negativeRise
      if (share >= baseShare + rise && !coolingDown(lastFired, 'negative', now, config.cooldownMs)) {
        out.push({ kind: 'negative', bucket: current.t, count: current.negative, baseline: baseShare, observed: share })
      }
    }
  }
  return out
}

/** One line for the alert list and the notification. */
export function describeDetection(d: Detection): string {
  if (d.kind === 'spike') {
    const usual = Math.round(d.baseline)
    const times = d.baseline > 0 ? ` (${(d.observed / d.baseline).toFixed(1)}× the usual ${usual})` : ''
    return `${d.count} mentions in 30 s${times}`
  }
  const pct = (v: number) => `${Math.round(v * 100)}%`
  return `${pct(d.observed)} negative (usually ${pct(d.baseline)}): ${d.count} negative mentions in 30 s`
}
