// Relative timestamps on mention cards.
import { describe, expect, it } from 'vitest'
import { formatRelative, formatShortDate, formatTimestamp } from '../../src/renderer/src/lib/relativeTime'

const NOW = new Date(2024, 5, 15, 12, 0, 0).getTime()

describe('formatRelative', () => {
  it.each([
    [0, 'now'],
    [-5_000, 'now'],
    [9_999, 'now'],
    [45_000, '45s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [3 * 60_000 + 20_000, '3m'],
    [59 * 60_000, '59m'],
    [2 * 3_600_000, '2h'],
    [23 * 3_600_000 + 59 * 60_000, '23h'],
  ])('age %d ms -> %s', (age, text) => {
    expect(formatRelative(NOW - age, NOW)).toBe(text)
  })

  it('shows a date after a day', () => {
    expect(formatRelative(new Date(2024, 2, 4, 9, 30).getTime(), NOW)).toBe('Mar 4')
  })

  it('adds the year when it differs', () => {
    expect(formatShortDate(new Date(2023, 11, 31).getTime(), NOW)).toBe('Dec 31, 2023')
  })
})

describe('formatTimestamp', () => {
  it('is a padded local date and time', () => {
    expect(formatTimestamp(new Date(2024, 0, 2, 3, 4, 5).getTime())).toBe('2024-01-02 03:04:05')
  })
})
