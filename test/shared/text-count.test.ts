import { describe, expect, it } from 'vitest'
import { countGraphemes, countText, countX } from '../../src/shared/text-count'

const FAMILY = '👨‍👩‍👧‍👦' // four people joined by ZWJ: 7 code points, 11 UTF-16 units
const FLAG = '🇯🇵'
const URL = 'https://www.example.com/a/very/long/path/that/goes/on/and/on?with=query&and=more'

describe('countX (twitter-text weighted length)', () => {
  it('counts Latin text one per character', () => {
    expect(countX('hello world')).toBe(11)
  })
  it('counts any URL as 23', () => {
    expect(countX(URL)).toBe(23)
    expect(countX(`see ${URL}`)).toBe(4 + 23)
    expect(countX('example.com')).toBe(23)
  })
  it('weighs CJK characters 2', () => {
    expect(countX('你好世界')).toBe(8)
    expect(countX('こんにちは')).toBe(10)
    expect(countX('안녕')).toBe(4)
  })
  it('weighs an emoji 2, including a ZWJ family and a flag', () => {
    expect(countX('👍')).toBe(2)
    expect(countX(FAMILY)).toBe(2)
    expect(countX(FLAG)).toBe(2)
    expect(countX(`hi ${FAMILY}`)).toBe(5)
  })
})

describe('countGraphemes (Bluesky, Mastodon)', () => {
  it('counts a ZWJ family, a flag and a skin-tone emoji as one each', () => {
    expect(FAMILY.length).toBe(11)
    expect(countGraphemes(FAMILY)).toBe(1)
    expect(countGraphemes(FLAG)).toBe(1)
    expect(countGraphemes('👍🏽')).toBe(1)
  })
  it('counts combining marks with their base letter', () => {
    expect(countGraphemes('e\u0301')).toBe(1)
  })
  it('counts CJK one per character and URLs at their full length', () => {
    expect(countGraphemes('你好世界')).toBe(4)
    expect(countGraphemes(URL)).toBe(URL.length)
  })
})

describe('countText', () => {
  it('reports the overflow past the limit', () => {
    expect(countText('a'.repeat(281), 'x', 280)).toEqual({ used: 281, limit: 280, over: 1, fits: false })
    expect(countText('a'.repeat(280), 'x', 280).fits).toBe(true)
    expect(countText(FAMILY.repeat(300), 'graphemes', 300)).toEqual({ used: 300, limit: 300, over: 0, fits: true })
    expect(countText(FAMILY.repeat(301), 'graphemes', 300).over).toBe(1)
    // The same 150 CJK characters fit Bluesky but not X.
    expect(countText('字'.repeat(150), 'graphemes', 300).fits).toBe(true)
    expect(countText('字'.repeat(150), 'x', 280).over).toBe(20)
  })
})
