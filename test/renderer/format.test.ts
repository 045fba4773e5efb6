// Compact counts, rates, exact counts and sentiment scores.
import { describe, expect, it } from 'vitest'
import { formatCompact, formatExact, formatRate, formatScore } from '../../src/renderer/src/lib/format'

describe('formatCompact', () => {
  it.each([
    [0, '0'],
    [950, '950'],
    [999, '999'],
    [1000, '1k'],
    [1234, '1.2k'],
    [12_345, '12.3k'],
    [99_999, '99.9k'],
    [123_456, '123k'],
    [999_999, '999k'],
    [1_000_000, '1M'],
    [1_250_000, '1.2M'],
    [3_400_000_000, '3.4B'],
    [-1500, '-1.5k'],
  ])('%d -> %s', (n, text) => {
    expect(formatCompact(n)).toBe(text)
  })
})

describe('formatRate', () => {
  it('formats per-second rates', () => {
    expect(formatRate(0)).toBe('0/s')
    expect(formatRate(0.44)).toBe('0.4/s')
    expect(formatRate(12.4)).toBe('12/s')
    expect(formatRate(1234)).toBe('1.2k/s')
  })
})

describe('formatExact and formatScore', () => {
  it('adds thousands separators', () => {
    expect(formatExact(1_234_567)).toBe('1,234,567')
    expect(formatExact(12)).toBe('12')
  })

  it('signs sentiment scores', () => {
    expect(formatScore(0.617)).toBe('+0.62')
    expect(formatScore(-0.1)).toBe('-0.10')
    expect(formatScore(0.001)).toBe('0.00')
  })
})
