// Number formatting for dense displays: compact counts ("12.3k", "1.2M") and
// rates ("12/s"). Pure functions, locale-independent so a wall and a laptop
// show the same text.

const UNITS = [
  { value: 1e9, suffix: 'B' },
  { value: 1e6, suffix: 'M' },
  { value: 1e3, suffix: 'k' },
] as const

/** 950 -> "950", 1234 -> "1.2k", 12345 -> "12.3k", 123456 -> "123k", 1234567 -> "1.2M". */
export function formatCompact(n: number): string {
  if (!Number.isFinite(n)) return '–'
  const sign = n < 0 ? '-' : ''
  const abs = Math.abs(n)
  if (abs < 1000) return sign + String(Math.round(abs))
  for (let i = 0; i < UNITS.length; i++) {
    const unit = UNITS[i]!
    if (abs < unit.value) continue
    const scaled = abs / unit.value
    // One decimal below 100 (12.3k), none above (123k); cut, never round up past the unit.
    const digits = scaled < 100 ? 1 : 0
    const factor = 10 ** digits
    const cut = Math.floor(scaled * factor) / factor
    const text = cut.toFixed(digits).replace(/\.0$/, '')
    return sign + text + unit.suffix
  }
  return sign + String(abs)
}

/** Mentions per second for a status chip: "0/s", "0.4/s", "12/s", "1.2k/s". */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return '0/s'
  if (perSecond < 10) return `${(Math.round(perSecond * 10) / 10).toString()}/s`
  return `${formatCompact(Math.round(perSecond))}/s`
}

/** Full count with thousands separators for tooltips: 1234567 -> "1,234,567". */
export function formatExact(n: number): string {
  return Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Sentiment score for a label: "+0.62", "-0.10", "0.00". */
export function formatScore(score: number): string {
  const fixed = Math.abs(score).toFixed(2)
  if (fixed === '0.00') return '0.00'
  return (score > 0 ? '+' : '-') + fixed
}
