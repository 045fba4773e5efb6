// Rate and time left of a long job (an import), for the CLI's progress bar and
// the console's import dialog alike. Both are taken over the last few seconds
// rather than since the start, so a job that slows down (a growing index, a
// busy disk) shows it, and the estimate settles instead of jumping per batch.

export interface ThroughputSample {
  /** Milliseconds, any monotonic clock. */
  at: number
  /** Rows done so far. */
  rows: number
  /** Share of the input read so far, 0..1; null when the size is unknown (stdin). */
  fraction: number | null
}

export interface ThroughputView {
  rows: number
  /** Rows per second over the window; null until two samples span some time. */
  rate: number | null
  fraction: number | null
  /** Seconds left at the window's pace; null when the size is unknown or no pace yet. */
  secondsLeft: number | null
}

export class Throughput {
  private readonly samples: ThroughputSample[] = []

  constructor(private readonly windowMs = 5_000) {}

  add(sample: ThroughputSample): ThroughputView {
    this.samples.push(sample)
    // Keep one sample older than the window, so the window is always spanned.
    while (this.samples.length > 2 && sample.at - this.samples[1]!.at >= this.windowMs) this.samples.shift()
    return this.view()
  }

  view(): ThroughputView {
    const last = this.samples.at(-1)
    if (!last) return { rows: 0, rate: null, fraction: null, secondsLeft: null }
    const first = this.samples[0]!
    const seconds = (last.at - first.at) / 1000
    const rate = seconds > 0 ? (last.rows - first.rows) / seconds : null
    let secondsLeft: number | null = null
    if (last.fraction !== null && first.fraction !== null && seconds > 0) {
      const pace = (last.fraction - first.fraction) / seconds
      if (last.fraction >= 1) secondsLeft = 0
      else if (pace > 0) secondsLeft = (1 - last.fraction) / pace
    }
    return { rows: last.rows, rate, fraction: last.fraction, secondsLeft }
  }
}

/** "42 s", "3:07", "1:02:03": a duration as a progress line shows it. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds))
  if (s < 60) return `${s} s`
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

/** "12,034 rows/s · about 48 s left": the rate and estimate parts of a progress line. */
export function describePace(view: ThroughputView, format: (n: number) => string): string {
  const parts: string[] = []
  if (view.rate !== null) parts.push(`${format(Math.round(view.rate))} rows/s`)
  if (view.secondsLeft !== null && view.fraction !== null && view.fraction < 1)
    parts.push(`about ${formatDuration(view.secondsLeft)} left`)
  return parts.join(' · ')
}
