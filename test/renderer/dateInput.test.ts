// datetime-local values <-> epoch ms (local time), the search date range, and
// the search helpers (context window, paging).
import { describe, expect, it } from 'vitest'
import { fromDateInput, rangeFromInputs, toDateInput } from '../../src/renderer/src/lib/dateInput'
import { appendPage, contextRequest } from '../../src/renderer/src/lib/search'
import { ids, range } from './fixtures'

describe('date inputs', () => {
  it('round-trips local minutes', () => {
    const ms = new Date(2024, 2, 4, 9, 5).getTime()
    expect(toDateInput(ms)).toBe('2024-03-04T09:05')
    expect(fromDateInput('2024-03-04T09:05')).toBe(ms)
    expect(fromDateInput(toDateInput(ms + 42_123))).toBe(ms)
  })

  it('reads seconds and milliseconds, and rejects junk and impossible dates', () => {
    expect(fromDateInput('2024-03-04T09:05:07')).toBe(new Date(2024, 2, 4, 9, 5, 7).getTime())
    expect(fromDateInput('2024-03-04T09:05:07.5')).toBe(new Date(2024, 2, 4, 9, 5, 7, 500).getTime())
    for (const v of ['', 'yesterday', '2024-02-30T10:00', '2024-03-04T25:00', '2024-03-04'])
      expect(fromDateInput(v)).toBeNull()
  })

  it('makes a range: From inclusive, To covering its whole minute, empty = unbounded', () => {
    const from = new Date(2024, 0, 1, 10, 0).getTime()
    expect(rangeFromInputs('', '')).toEqual({ since: null, until: null, error: null })
    expect(rangeFromInputs('2024-01-01T10:00', '')).toEqual({ since: from, until: null, error: null })
    expect(rangeFromInputs('2024-01-01T10:00', '2024-01-01T10:00')).toEqual({
      since: from,
      until: from + 60_000,
      error: null,
    })
    expect(rangeFromInputs('', '2024-01-01T10:00:30').until).toBe(from + 31_000)
  })

  it('reports bad or reversed ranges', () => {
    expect(rangeFromInputs('2024-01-01T11:00', '2024-01-01T10:00').error).toBe('From must be before To.')
    expect(rangeFromInputs('nope', '').error).toBe('Enter a valid From date.')
  })
})

describe('contextRequest', () => {
  it('is the same source, ten minutes either side, newest first', () => {
    expect(contextRequest({ source: 'bluesky', createdAt: 1_000_000_000 })).toEqual({
      query: 'source:bluesky',
      since: 1_000_000_000 - 600_000,
      until: 1_000_000_000 + 600_000,
      order: 'newest',
    })
  })
})

describe('appendPage', () => {
  it('skips mentions already listed', () => {
    expect(ids(appendPage(range(3, 5), range(1, 3)))).toEqual([5, 4, 3, 2, 1])
  })
})
