// Relative timestamps for mention cards: "now", "45s", "3m", "2h", then a
// short date ("Mar 4", or "Mar 4, 2023" in another year). Pure: the caller
// passes `now` from the shared ticker, so every card agrees.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Below this age a mention is "now" (also for clocks slightly ahead of ours). */
export const NOW_THRESHOLD_MS = 10 * SECOND

export function formatRelative(then: number, now: number): string {
  const age = now - then
  if (age < NOW_THRESHOLD_MS) return 'now'
  if (age < MINUTE) return `${Math.floor(age / SECOND)}s`
  if (age < HOUR) return `${Math.floor(age / MINUTE)}m`
  if (age < DAY) return `${Math.floor(age / HOUR)}h`
  return formatShortDate(then, now)
}

/** "Mar 4" in the current year, "Mar 4, 2023" otherwise (local time). */
export function formatShortDate(then: number, now: number): string {
  const d = new Date(then)
  const label = `${MONTHS[d.getMonth()] ?? ''} ${d.getDate()}`
  return d.getFullYear() === new Date(now).getFullYear() ? label : `${label}, ${d.getFullYear()}`
}

/** Full local date and time for a tooltip: "2024-03-04 14:05:09". */
export function formatTimestamp(then: number): string {
  const d = new Date(then)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}
