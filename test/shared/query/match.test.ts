import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileMatcher } from '../../../src/shared/query/match'
import {
  extractEntities,
  extractHashtags,
  extractLinks,
  extractMentions,
  toMatchInput,
  type MatchSource,
} from '../../../src/shared/query/match-input'
import { parseQuery } from '../../../src/shared/query/parse'
import { tokenize } from '../../../src/shared/query/tokenize'
import { matchSource, queryNode } from './arbitraries'

function source(text: string, overrides: Partial<MatchSource> = {}): MatchSource {
  return {
    text,
    author: { handle: 'someone', followers: 10 },
    lang: 'en',
    source: 'demo',
    kind: 'post',
    hasMedia: false,
    sentimentLabel: 'neutral',
    replyTo: null,
    ...overrides,
  }
}

function matches(query: string, text: string, overrides: Partial<MatchSource> = {}): boolean {
  const r = parseQuery(query)
  if (!r.ok) throw new Error(r.error.message)
  return compileMatcher(r.ast)(toMatchInput(source(text, overrides)))
}

describe('entity extraction', () => {
  it('hashtags: folded, no sigil, not inside words, links or HTML entities', () => {
    expect(extractHashtags('Love #Café and #café, #Über_Cool! C# a#b &#39; https://x.com/#frag #123 #')).toEqual([
      'cafe',
      'uber_cool',
      '123',
    ])
  })

  it('hashtags in decomposed (NFD) text fold like tokenize', () => {
    expect(extractHashtags('#cafe\u0301 #\u0301')).toEqual(['cafe'])
  })

  it('mentions: folded, no sigil, not e-mail addresses or profile links', () => {
    expect(
      extractMentions('@JetBlue thanks @José_M. bob@example.com https://mastodon.social/@alice @user@host.social'),
    ).toEqual(['jetblue', 'jose_m', 'user', 'user@host.social'])
  })

  it('links: http(s) only, lower-cased, trailing punctuation and unbalanced brackets trimmed', () => {
    expect(
      extractLinks(
        'See https://Example.com/Path?x=1. and (http://a.b/c) HTTPS://X.COM, https:// no, https://example.com/path?x=1',
      ),
    ).toEqual(['https://example.com/path?x=1', 'http://a.b/c', 'https://x.com'])
    expect(extractLinks('https://en.wikipedia.org/wiki/Foo_(bar)')).toEqual(['https://en.wikipedia.org/wiki/foo_(bar)'])
    expect(extractLinks('no links here, example.com')).toEqual([])
  })

  it('extractEntities returns all three lists', () => {
    expect(extractEntities('#a @b https://c.d')).toEqual({ hashtags: ['a'], mentions: ['b'], links: ['https://c.d'] })
  })

  it('toMatchInput precomputes folded values', () => {
    const m = toMatchInput(
      source('Ça marche @JetBlue #Vol https://Fly.com', {
        author: { handle: '@ComcastCares', followers: 5 },
        replyTo: 'JetBlue',
        lang: 'pt_BR',
      }),
    )
    expect(m.tokens).toEqual(['ca', 'marche', 'jetblue', 'vol', 'https', 'fly', 'com'])
    expect([...m.tokenSet]).toEqual(m.tokens)
    expect([...m.hashtags]).toEqual(['vol'])
    expect([...m.mentions]).toEqual(['jetblue'])
    expect(m.links).toEqual(['https://fly.com'])
    expect(m.authorHandle).toBe('comcastcares')
    expect(m.replyTo).toBe('jetblue')
    expect(m.lang).toBe('pt-br')
    expect(toMatchInput(source('x', { replyTo: undefined })).replyTo).toBeNull()
    expect(toMatchInput(source('x', { lang: null })).lang).toBeNull()
  })
})

describe('compileMatcher', () => {
  it('terms: whole tokens, any case, accents folded', () => {
    expect(matches('cafe', 'Le CAFÉ est fermé')).toBe(true)
    expect(matches('CAFÉ', 'cafe au lait')).toBe(true)
    expect(matches('comcast', 'comcastic service')).toBe(false)
    expect(matches('comcast', 'thanks @Comcast #comcast')).toBe(true)
  })

  it('terms in emoji-heavy text', () => {
    expect(matches('down', '😡😡internet😡down😡')).toBe(true)
    expect(matches('東京', '今日は東京で')).toBe(false)
    expect(matches('東京', '今日は 東京 で')).toBe(true)
  })

  it('phrases: consecutive tokens only', () => {
    expect(matches('"whole foods"', 'Whole-Foods prices!')).toBe(true)
    expect(matches('"whole foods"', 'whole grain foods')).toBe(false)
    expect(matches('"whole foods"', 'foods whole')).toBe(false)
    expect(matches('mach-e', 'the Mach E is here')).toBe(true)
    expect(matches('F-150', 'my f 150 broke')).toBe(true)
    expect(matches('"a a b"', 'a a a b')).toBe(true)
  })

  it('AND, OR, NOT and grouping', () => {
    expect(matches('comcast outage', 'Comcast outage again')).toBe(true)
    expect(matches('comcast outage', 'Comcast is fine')).toBe(false)
    expect(matches('apple OR iphone ipad', 'apple pie')).toBe(true)
    expect(matches('apple OR iphone ipad', 'new iphone')).toBe(false)
    expect(matches('apple OR iphone ipad', 'iphone and ipad')).toBe(true)
    expect(matches('(apple OR iphone) ipad', 'apple pie')).toBe(false)
    expect(matches('comcast -outage', 'comcast outage')).toBe(false)
    expect(matches('comcast NOT outage', 'comcast rocks')).toBe(true)
    expect(matches('comcast -(outage OR down)', 'comcast down')).toBe(false)
    expect(matches('comcast -(outage down)', 'comcast down')).toBe(true)
    expect(matches('--comcast', 'comcast')).toBe(true)
  })

  it('a query of only negations means everything except', () => {
    expect(matches('-spam', 'hello')).toBe(true)
    expect(matches('-spam', 'SPAM here')).toBe(false)
  })

  it('#hashtag matches the hashtag, not the bare word', () => {
    expect(matches('#jetblue', 'flying #JetBlue')).toBe(true)
    expect(matches('#jetblue', 'flying jetblue')).toBe(false)
    expect(matches('#uber_cool', 'so #Über_cool')).toBe(true)
  })

  it('@handle matches a mention of the user or a post by them', () => {
    expect(matches('@jetblue', 'hey @JetBlue')).toBe(true)
    expect(matches('@jetblue', 'hey jetblue')).toBe(false)
    expect(matches('@jetblue', 'we are sorry', { author: { handle: 'JetBlue', followers: 1 } })).toBe(true)
    expect(matches('-@jetblue', 'we are sorry', { author: { handle: 'JetBlue', followers: 1 } })).toBe(false)
  })

  it('from: is the author, to: the user replied to', () => {
    expect(matches('from:comcastcares', 'x', { author: { handle: 'ComcastCares', followers: 1 } })).toBe(true)
    expect(matches('from:comcastcares', '@comcastcares hi')).toBe(false)
    expect(matches('from:alice.bsky.social', 'x', { author: { handle: 'Alice.bsky.social', followers: 1 } })).toBe(true)
    expect(matches('to:jetblue', 'x', { replyTo: 'JetBlue' })).toBe(true)
    expect(matches('to:jetblue', '@jetblue hi', { replyTo: null })).toBe(false)
    expect(matches('-to:jetblue', 'x', { replyTo: undefined })).toBe(true)
  })

  it('lang: equal, or the query language covers a regional variant', () => {
    expect(matches('lang:pt', 'x', { lang: 'pt-BR' })).toBe(true)
    expect(matches('lang:pt', 'x', { lang: 'pt' })).toBe(true)
    expect(matches('lang:pt-br', 'x', { lang: 'pt' })).toBe(false)
    expect(matches('lang:PT-BR', 'x', { lang: 'pt_br' })).toBe(true)
    expect(matches('lang:pt', 'x', { lang: 'ptx' })).toBe(false)
    expect(matches('lang:en', 'x', { lang: null })).toBe(false)
    expect(matches('-lang:en', 'x', { lang: null })).toBe(true)
  })

  it('source:, is:, has:, sentiment:, min_followers:', () => {
    expect(matches('source:bluesky', 'x', { source: 'bluesky' })).toBe(true)
    expect(matches('source:bluesky', 'x', { source: 'x' })).toBe(false)
    expect(matches('is:reply', 'x', { kind: 'reply' })).toBe(true)
    expect(matches('is:retweet', 'x', { kind: 'repost' })).toBe(true)
    expect(matches('is:quote', 'x', { kind: 'post' })).toBe(false)
    expect(matches('has:links', 'see https://a.com')).toBe(true)
    expect(matches('has:links', 'see a.com')).toBe(false)
    expect(matches('has:media', 'x', { hasMedia: true })).toBe(true)
    expect(matches('sentiment:negative', 'x', { sentimentLabel: 'negative' })).toBe(true)
    expect(matches('sentiment:negative', 'x', { sentimentLabel: 'neutral' })).toBe(false)
    expect(matches('min_followers:1000', 'x', { author: { handle: 'a', followers: 1000 } })).toBe(true)
    expect(matches('min_followers:1000', 'x', { author: { handle: 'a', followers: 999 } })).toBe(false)
  })

  it('url: is a case-insensitive substring of any link', () => {
    expect(matches('url:example.com', 'read https://www.Example.com/news')).toBe(true)
    expect(matches('url:"EXAMPLE.COM/NEWS"', 'read https://www.example.com/news.')).toBe(true)
    expect(matches('url:example.com', 'example.com is down')).toBe(false)
    expect(matches('url:example.com', 'https://other.org https://example.com')).toBe(true)
  })

  it('a phrase agrees with a naive contiguous-token search', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'A', 'é', 'E')
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), fc.array(word, { minLength: 2, maxLength: 3 }), (text, phrase) => {
        const r = parseQuery(`"${phrase.join(' ')}"`)
        if (!r.ok) return
        const tokens = tokenize(text.join(' '))
        const p = tokenize(phrase.join(' '))
        const naive = tokens.some((_, i) => p.every((t, j) => tokens[i + j] === t))
        expect(compileMatcher(r.ast)(toMatchInput(source(text.join(' '))))).toBe(naive)
      }),
    )
  })

  it('and/or/not obey boolean algebra (De Morgan) on random trees and mentions', () => {
    fc.assert(
      fc.property(fc.array(queryNode(3), { minLength: 2, maxLength: 3 }), matchSource(), (children, s) => {
        const m = toMatchInput(s)
        const each = children.map((c) => compileMatcher(c)(m))
        expect(compileMatcher({ type: 'and', children })(m)).toBe(each.every(Boolean))
        expect(compileMatcher({ type: 'or', children })(m)).toBe(each.some(Boolean))
        const notAll = compileMatcher({ type: 'not', child: { type: 'and', children } })(m)
        const anyNot = compileMatcher({ type: 'or', children: children.map((c) => ({ type: 'not', child: c })) })(m)
        expect(notAll).toBe(anyNot)
      }),
    )
  })
})
