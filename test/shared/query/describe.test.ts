import { describe, expect, it } from 'vitest'
import { QUERY_CHEATSHEET } from '../../../src/shared/query/cheatsheet'
import { describeQuery } from '../../../src/shared/query/describe'
import * as api from '../../../src/shared/query/index'
import { OPERATOR_NAMES, parseQuery } from '../../../src/shared/query/parse'

function described(input: string): string {
  const r = parseQuery(input)
  if (!r.ok) throw new Error(r.error.message)
  return describeQuery(r.ast)
}

describe('describeQuery', () => {
  it('reads content first, then filters', () => {
    expect(described('(comcast OR xfinity) -from:comcastcares sentiment:negative')).toBe(
      'mentions of comcast or xfinity, not from @comcastcares, negative',
    )
    expect(described('comcast outage')).toBe('mentions of comcast and outage')
    expect(described('(comcast OR xfinity) outage')).toBe('mentions of (comcast or xfinity) and outage')
    expect(described('apple OR iphone ipad')).toBe('mentions of apple or (iphone and ipad)')
    expect(described('#JetBlue @ComcastCares "whole foods"')).toBe(
      'mentions of #jetblue and @comcastcares and "whole foods"',
    )
  })

  it('describes every operator', () => {
    expect(described('ford to:JetBlue is:reply has:links min_followers:10000 url:example.com source:bluesky')).toBe(
      'mentions of ford, replying to @jetblue, replies, with links, from accounts with 10,000+ followers, linking to example.com, on Bluesky',
    )
    expect(described('oreo lang:en is:retweet has:media sentiment:positive')).toBe(
      'mentions of oreo, in English, reposts, with media, positive',
    )
  })

  it('negations: "without" for words, "not" for filters, double negation cancels', () => {
    expect(described('comcast -refund -is:reply')).toBe('mentions of comcast, without refund, not replies')
    expect(described('comcast -(outage down)')).toBe('mentions of comcast, without (outage and down)')
    expect(described('-spam')).toBe('all mentions, without spam')
    expect(described('--comcast')).toBe('all mentions, comcast')
  })

  it('a top-level OR of filters', () => {
    expect(described('comcast OR from:comcastcares')).toBe('mentions matching comcast or from @comcastcares')
  })

  it('falls back to the code for languages Intl does not know', () => {
    expect(described('x lang:en-12')).toBe('mentions of x, in en-12')
  })
})

describe('QUERY_CHEATSHEET', () => {
  it('every example parses', () => {
    for (const entry of QUERY_CHEATSHEET) expect(parseQuery(entry.example).ok, entry.example).toBe(true)
  })

  it('covers every operator and every piece of syntax', () => {
    const syntax = QUERY_CHEATSHEET.map((e) => e.syntax).join('\n')
    for (const op of OPERATOR_NAMES) expect(syntax).toContain(`${op}:`)
    for (const piece of [
      'OR',
      'NOT',
      '-',
      '"',
      '(',
      '#',
      '@',
      'is:reply',
      'is:repost',
      'is:quote',
      'has:links',
      'has:media',
    ])
      expect(syntax).toContain(piece)
  })

  it('entries are complete', () => {
    for (const e of QUERY_CHEATSHEET) {
      expect(e.syntax.length).toBeGreaterThan(0)
      expect(e.meaning.length).toBeGreaterThan(0)
      expect(e.example.length).toBeGreaterThan(0)
    }
  })
})

describe('index', () => {
  it('re-exports the public API', () => {
    for (const name of [
      'parseQuery',
      'printQuery',
      'compileMatcher',
      'toMatchInput',
      'extractHashtags',
      'extractMentions',
      'extractLinks',
      'extractEntities',
      'toXRule',
      'toXSearchQuery',
      'describeQuery',
      'QUERY_CHEATSHEET',
    ])
      expect(api, name).toHaveProperty(name)
  })
})
