import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeQuery } from '../../../src/shared/query/describe'
import { compileMatcher } from '../../../src/shared/query/match'
import { toMatchInput } from '../../../src/shared/query/match-input'
import { parseQuery } from '../../../src/shared/query/parse'
import { printQuery } from '../../../src/shared/query/print'
import { toXRule } from '../../../src/shared/query/x-rule'
import { queryNode, queryishChars, queryishString } from './arbitraries'

describe('printQuery', () => {
  it('prints canonical forms', () => {
    const cases: [string, string][] = [
      ['apple OR (iphone ipad)', 'apple OR iphone ipad'],
      ['(a OR b) c', '(a OR b) c'],
      ['NOT (a b) OR NOT c', '-(a b) OR -c'],
      ['Mach-E', '"mach e"'],
      ['"Comcast"', 'comcast'],
      ['url:Example.com FROM:@JetBlue is:retweet lang:pt_BR', 'url:"example.com" from:jetblue is:repost lang:pt-br'],
      ['a AND b', 'a b'],
      ['--a', '--a'],
    ]
    for (const [input, printed] of cases) {
      const r = parseQuery(input)
      expect(r.ok && printQuery(r.ast)).toBe(printed)
    }
  })

  it('round trip: parse(print(ast)) is the same AST for random trees', () => {
    fc.assert(
      fc.property(queryNode(5), (ast) => {
        const printed = printQuery(ast)
        const r = parseQuery(printed)
        if (!r.ok) throw new Error(`${printed}: ${r.error.message}`)
        expect(r.ast).toEqual(ast)
      }),
      { numRuns: 500 },
    )
  })

  it('printing a parsed query is idempotent', () => {
    fc.assert(
      fc.property(queryishString, (input) => {
        const first = parseQuery(input)
        if (!first.ok) return
        const printed = printQuery(first.ast)
        const second = parseQuery(printed)
        if (!second.ok) throw new Error(`${printed}: ${second.error.message}`)
        expect(second.ast).toEqual(first.ast)
        expect(printQuery(second.ast)).toBe(printed)
      }),
      { numRuns: 1000 },
    )
  })

  it('the generated query strings do exercise the success path', () => {
    // Guards the property above against a generator that only yields errors.
    const samples = fc.sample(queryishString, { numRuns: 300, seed: 42 })
    expect(samples.filter((s) => parseQuery(s).ok).length).toBeGreaterThan(30)
  })
})

function checkNeverThrows(input: string): void {
  const r = parseQuery(input)
  if (r.ok) {
    // Everything downstream of a successful parse must be total as well.
    printQuery(r.ast)
    describeQuery(r.ast)
    toXRule(r.ast)
    compileMatcher(r.ast)(
      toMatchInput({
        text: input,
        author: { handle: 'a', followers: 0 },
        lang: null,
        source: 'x',
        kind: 'post',
        hasMedia: false,
        sentimentLabel: 'neutral',
      }),
    )
    return
  }
  const { message, position, length } = r.error
  expect(typeof message).toBe('string')
  expect(position).toBeGreaterThanOrEqual(0)
  expect(position).toBeLessThanOrEqual(input.length)
  expect(length).toBeGreaterThanOrEqual(0)
  expect(position + length).toBeLessThanOrEqual(input.length)
  if (message !== 'empty query') expect(message).toContain(` at ${position}`)
}

describe('parseQuery fuzz: never throws, errors stay inside the input', () => {
  it('arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), checkNeverThrows), { numRuns: 1000 })
  })

  it('arbitrary Unicode graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), checkNeverThrows), { numRuns: 1000 })
  })

  it('arbitrary UTF-16 including lone surrogates', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), checkNeverThrows), { numRuns: 500 })
  })

  it('query-ish characters', () => {
    fc.assert(fc.property(queryishChars, checkNeverThrows), { numRuns: 2000 })
  })

  it('query-ish fragments', () => {
    fc.assert(fc.property(queryishString, checkNeverThrows), { numRuns: 2000 })
  })

  it('very long and very deep input', () => {
    for (const input of [
      '('.repeat(5000),
      '('.repeat(1999),
      '-'.repeat(1999) + 'a',
      'NOT '.repeat(499) + 'a',
      '"'.repeat(2001),
      'a OR '.repeat(399) + 'a',
      '('.repeat(1000) + ')'.repeat(1000),
    ])
      checkNeverThrows(input)
    expect(parseQuery('a OR '.repeat(399) + 'a').ok).toBe(true)
  })
})
