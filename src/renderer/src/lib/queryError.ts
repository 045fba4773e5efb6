// Where a query error is, for display: the message with its 0-based offset
// rewritten as a 1-based column, and a window of the query around the
// offending part (before / bad / after) with a caret line underneath. Pure.

export interface ErrorMarker {
  /** 1-based column of the first offending character (what "at column N" shows). */
  column: number
  before: string
  bad: string
  after: string
  /** The window starts after / ends before the query does ("…" to show). */
  clippedStart: boolean
  clippedEnd: boolean
  /** Spaces then carets lining up under `bad` (at least one caret, for a point error). */
  caretLine: string
}

/**
 * Cuts `query` around [position, position + length). `context` characters are
 * kept either side; an offending part longer than `maxBad` is cut short.
 */
export function errorMarker(query: string, position: number, length: number, context = 30, maxBad = 40): ErrorMarker {
  const start = Math.min(Math.max(0, Math.trunc(position)), query.length)
  const end = Math.min(query.length, start + Math.max(0, Math.trunc(length)))
  const shownEnd = Math.min(end, start + maxBad)
  const from = Math.max(0, start - context)
  const to = Math.min(query.length, shownEnd + context)
  const before = query.slice(from, start)
  const bad = query.slice(start, shownEnd)
  const clippedStart = from > 0
  const lead = (clippedStart ? 1 : 0) + before.length
  return {
    column: start + 1,
    before,
    bad,
    after: query.slice(shownEnd, to),
    clippedStart,
    clippedEnd: to < query.length,
    caretLine: ' '.repeat(lead) + '^'.repeat(Math.max(1, bad.length)),
  }
}

/**
 * "unbalanced parenthesis at 0" -> "Unbalanced parenthesis at column 1". A
 * message without the offset gets the column appended when the query is not
 * empty.
 */
export function errorMessage(message: string, position: number, queryLength: number): string {
  const column = `at column ${position + 1}`
  const pattern = new RegExp(`\\bat ${position}(?![\\d])`)
  let text = pattern.test(message) ? message.replace(pattern, column) : message
  if (text === message && queryLength > 0 && !/\bat column \d/.test(text)) text = `${text} ${column}`
  return text.charAt(0).toUpperCase() + text.slice(1)
}
