// <input type="datetime-local"> values <-> epoch ms, in the local time zone
// the operator sees. The range for a search: "From" is inclusive, "To" takes
// in the whole minute (or second) it shows, so From 10:00 To 10:00 is one
// minute; empty means unbounded. Pure.

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Epoch ms -> "YYYY-MM-DDTHH:mm" in local time (seconds dropped). */
export function toDateInput(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

interface Parsed {
  ms: number
  /** How long the written value spans: a minute, a second or a millisecond. */
  step: number
}

function parse(value: string): Parsed | null {
  const m = PATTERN.exec(value.trim())
  if (!m) return null
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]))
  const s = m[6] === undefined ? 0 : Number(m[6])
  const frac = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'))
  const date = new Date(y!, mo! - 1, d!, h!, mi!, s, frac)
  // Reject dates the Date constructor rolled over (Feb 30, 25:00).
  if (date.getFullYear() !== y || date.getMonth() !== mo! - 1 || date.getDate() !== d || date.getHours() !== h)
    return null
  if (date.getMinutes() !== mi) return null
  return { ms: date.getTime(), step: m[7] !== undefined ? 1 : m[6] !== undefined ? 1000 : 60_000 }
}

/** "YYYY-MM-DDTHH:mm[:ss[.sss]]" (local) -> epoch ms; null when empty or not a date. */
export function fromDateInput(value: string): number | null {
  return parse(value)?.ms ?? null
}

export interface DateRange {
  /** Epoch ms, inclusive; null = unbounded. */
  since: number | null
  /** Epoch ms, exclusive; null = unbounded. */
  until: number | null
  error: string | null
}

export function rangeFromInputs(from: string, to: string): DateRange {
  const a = from.trim() === '' ? null : parse(from)
  const b = to.trim() === '' ? null : parse(to)
  if (from.trim() !== '' && a === null) return { since: null, until: null, error: 'Enter a valid From date.' }
  if (to.trim() !== '' && b === null) return { since: null, until: null, error: 'Enter a valid To date.' }
  const since = a?.ms ?? null
  const until = b === null ? null : b.ms + b.step
  if (since !== null && until !== null && since >= until)
    return { since: null, until: null, error: 'From must be before To.' }
  return { since, until, error: null }
}
