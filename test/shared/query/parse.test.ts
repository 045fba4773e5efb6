import { describe, expect, it } from 'vitest'
import type { QueryNode } from '../../../src/shared/query/ast'
import { MAX_QUERY_DEPTH, MAX_QUERY_LENGTH, parseQuery } from '../../../src/shared/query/parse'

function ast(input: string): QueryNode {
  const r = parseQuery(input)
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${r.error.message}`)
  return r.ast
}

function error(input: string): { message: string; position: number; length: number } {
  const r = parseQuery(input)
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to fail, got ${JSON.stringify(r.ast)}`)
  return r.error
}

const t = (token: string): QueryNode => ({ type: 'term', token })
const and = (...children: QueryNode[]): QueryNode => ({ type: 'and', children })
const or = (...children: QueryNode[]): QueryNode => ({ type: 'or', children })
const not = (child: QueryNode): QueryNode => ({ type: 'not', child })

describe('parseQuery: words and phrases', () => {
  it('folds a bare term: lower case, no diacritics', () => {
    expect(ast('comcast')).toEqual(t('comcast'))
    expect(ast('CAFÉ')).toEqual(t('cafe'))
    expect(ast('Über')).toEqual(t('uber'))
  })

  it('reads a term that tokenizes to several tokens as a phrase', () => {
    expect(ast('mach-e')).toEqual({ type: 'phrase', tokens: ['mach', 'e'] })
    expect(ast('F-150')).toEqual({ type: 'phrase', tokens: ['f', '150'] })
    expect(ast('a-')).toEqual(t('a'))
  })

  it('reads quoted phrases, folding and collapsing separators', () => {
    expect(ast('"Whole   Foods!"')).toEqual({ type: 'phrase', tokens: ['whole', 'foods'] })
    expect(ast('"naïve"')).toEqual(t('naive'))
  })

  it('a quote ends a bare word', () => {
    expect(ast('ford"mach e"')).toEqual(and(t('ford'), { type: 'phrase', tokens: ['mach', 'e'] }))
  })

  it('treats only upper-case OR / AND / NOT as keywords', () => {
    expect(ast('a or b')).toEqual(and(t('a'), t('or'), t('b')))
    expect(ast('not and')).toEqual(and(t('not'), t('and')))
    expect(ast('"OR"')).toEqual(t('or'))
  })

  it('words that look like prototype members are plain words', () => {
    expect(ast('constructor toString')).toEqual(and(t('constructor'), t('tostring')))
  })

  it('a colon inside a word that is not an operator name is text', () => {
    expect(ast('10:30')).toEqual({ type: 'phrase', tokens: ['10', '30'] })
    expect(ast('"re:invent"')).toEqual({ type: 'phrase', tokens: ['re', 'invent'] })
  })
})

describe('parseQuery: entities and operators', () => {
  it('#hashtag and @mention are folded and stored without the sigil', () => {
    expect(ast('#JetBlue')).toEqual({ type: 'hashtag', tag: 'jetblue' })
    expect(ast('#Über_Cool')).toEqual({ type: 'hashtag', tag: 'uber_cool' })
    expect(ast('@ComcastCares')).toEqual({ type: 'mention', handle: 'comcastcares' })
    expect(ast('@José_M')).toEqual({ type: 'mention', handle: 'jose_m' })
  })

  it('from: and to: take handles from any network, with or without @', () => {
    expect(ast('from:ComcastCares')).toEqual({ type: 'from', handle: 'comcastcares' })
    expect(ast('from:@JetBlue')).toEqual({ type: 'from', handle: 'jetblue' })
    expect(ast('from:alice.bsky.social')).toEqual({ type: 'from', handle: 'alice.bsky.social' })
    expect(ast('to:user@mastodon.social')).toEqual({ type: 'to', handle: 'user@mastodon.social' })
    expect(ast('to:"JetBlue"')).toEqual({ type: 'to', handle: 'jetblue' })
  })

  it('operator names are case-insensitive', () => {
    expect(ast('FROM:x')).toEqual({ type: 'from', handle: 'x' })
    expect(ast('Lang:EN')).toEqual({ type: 'lang', lang: 'en' })
  })

  it('lang: takes a 2-3 letter code with an optional region', () => {
    expect(ast('lang:en')).toEqual({ type: 'lang', lang: 'en' })
    expect(ast('lang:fil')).toEqual({ type: 'lang', lang: 'fil' })
    expect(ast('lang:pt-BR')).toEqual({ type: 'lang', lang: 'pt-br' })
    expect(ast('lang:pt_BR')).toEqual({ type: 'lang', lang: 'pt-br' })
    expect(ast('lang:es-419')).toEqual({ type: 'lang', lang: 'es-419' })
  })

  it('source: takes every source id', () => {
    for (const s of ['x', 'bluesky', 'mastodon', 'rss', 'demo', 'replay', 'import'])
      expect(ast(`source:${s.toUpperCase()}`)).toEqual({ type: 'source', source: s })
  })

  it('is: takes reply, repost, quote, and retweet as repost', () => {
    expect(ast('is:reply')).toEqual({ type: 'is', kind: 'reply' })
    expect(ast('is:repost')).toEqual({ type: 'is', kind: 'repost' })
    expect(ast('is:retweet')).toEqual({ type: 'is', kind: 'repost' })
    expect(ast('is:Quote')).toEqual({ type: 'is', kind: 'quote' })
  })

  it('has:, sentiment:, min_followers:', () => {
    expect(ast('has:links')).toEqual({ type: 'has', what: 'links' })
    expect(ast('has:media')).toEqual({ type: 'has', what: 'media' })
    expect(ast('sentiment:Negative')).toEqual({ type: 'sentiment', label: 'negative' })
    expect(ast('min_followers:1000')).toEqual({ type: 'min_followers', count: 1000 })
    expect(ast('min_followers:0')).toEqual({ type: 'min_followers', count: 0 })
    expect(ast('min_followers:007')).toEqual({ type: 'min_followers', count: 7 })
  })

  it('url: quoted or bare, lower-cased', () => {
    expect(ast('url:"Example.com/Path"')).toEqual({ type: 'url', url: 'example.com/path' })
    expect(ast('url:example.com')).toEqual({ type: 'url', url: 'example.com' })
    expect(ast('(url:example.com)')).toEqual({ type: 'url', url: 'example.com' })
  })
})

describe('parseQuery: precedence and negation', () => {
  it('OR binds looser than juxtaposition', () => {
    expect(ast('apple OR iphone ipad')).toEqual(or(t('apple'), and(t('iphone'), t('ipad'))))
    expect(ast('a b OR c d')).toEqual(or(and(t('a'), t('b')), and(t('c'), t('d'))))
  })

  it('explicit AND is the same as a space', () => {
    expect(ast('a AND b OR c')).toEqual(or(and(t('a'), t('b')), t('c')))
  })

  it('parentheses group; same-kind groups flatten', () => {
    expect(ast('(a OR b) c')).toEqual(and(or(t('a'), t('b')), t('c')))
    expect(ast('a (b c)')).toEqual(and(t('a'), t('b'), t('c')))
    expect(ast('a OR (b OR c)')).toEqual(or(t('a'), t('b'), t('c')))
    expect(ast('((a))')).toEqual(t('a'))
  })

  it('- and NOT negate the next operand only', () => {
    expect(ast('-a b')).toEqual(and(not(t('a')), t('b')))
    expect(ast('NOT a b')).toEqual(and(not(t('a')), t('b')))
    expect(ast('a OR -b')).toEqual(or(t('a'), not(t('b'))))
    expect(ast('a NOT b OR c')).toEqual(or(and(t('a'), not(t('b'))), t('c')))
  })

  it('negates groups, phrases, entities and operators', () => {
    expect(ast('-(a OR b)')).toEqual(not(or(t('a'), t('b'))))
    expect(ast('NOT (a b)')).toEqual(not(and(t('a'), t('b'))))
    expect(ast('-"mach e"')).toEqual(not({ type: 'phrase', tokens: ['mach', 'e'] }))
    expect(ast('-mach-e')).toEqual(not({ type: 'phrase', tokens: ['mach', 'e'] }))
    expect(ast('-#ad')).toEqual(not({ type: 'hashtag', tag: 'ad' }))
    expect(ast('-@bot')).toEqual(not({ type: 'mention', handle: 'bot' }))
    expect(ast('-from:comcastcares')).toEqual(not({ type: 'from', handle: 'comcastcares' }))
    expect(ast('-is:retweet')).toEqual(not({ type: 'is', kind: 'repost' }))
  })

  it('keeps double negation as written', () => {
    expect(ast('--a')).toEqual(not(not(t('a'))))
    expect(ast('NOT -a')).toEqual(not(not(t('a'))))
  })

  it('allows a query made only of negations', () => {
    expect(ast('-spam -#ad')).toEqual(and(not(t('spam')), not({ type: 'hashtag', tag: 'ad' })))
  })

  it('any whitespace separates', () => {
    expect(ast('a\tb\nOR\u00a0c')).toEqual(or(and(t('a'), t('b')), t('c')))
  })

  it(`accepts nesting up to ${MAX_QUERY_DEPTH} levels`, () => {
    const deep = '('.repeat(MAX_QUERY_DEPTH) + 'a' + ')'.repeat(MAX_QUERY_DEPTH)
    expect(ast(deep)).toEqual(t('a'))
    expect(ast('-'.repeat(MAX_QUERY_DEPTH) + 'a').type).toBe('not')
  })
})

describe('parseQuery: errors carry exact positions', () => {
  it('empty query', () => {
    expect(error('')).toEqual({ message: 'empty query', position: 0, length: 0 })
    expect(error('  \t ')).toEqual({ message: 'empty query', position: 0, length: 0 })
  })

  it('too long', () => {
    const input = 'a '.repeat(MAX_QUERY_LENGTH / 2) + 'b'
    expect(error(input)).toEqual({
      message: `query is longer than ${MAX_QUERY_LENGTH} characters at ${MAX_QUERY_LENGTH}`,
      position: MAX_QUERY_LENGTH,
      length: 1,
    })
    expect(parseQuery('a'.repeat(MAX_QUERY_LENGTH)).ok).toBe(true)
  })

  it('too deep, by parentheses or negations', () => {
    const n = MAX_QUERY_DEPTH + 1
    expect(error('('.repeat(n) + 'a' + ')'.repeat(n))).toEqual({
      message: `nesting deeper than ${MAX_QUERY_DEPTH} levels at ${MAX_QUERY_DEPTH}`,
      position: MAX_QUERY_DEPTH,
      length: 1,
    })
    expect(error('x ' + 'NOT '.repeat(n) + 'a').position).toBe(2 + 4 * MAX_QUERY_DEPTH)
  })

  it('unbalanced parentheses point at the unmatched one', () => {
    expect(error('comcast (xfinity')).toEqual({ message: 'unbalanced parenthesis at 8', position: 8, length: 1 })
    expect(error('comcast xfinity)')).toEqual({ message: 'unbalanced parenthesis at 15', position: 15, length: 1 })
    expect(error('((a) OR b')).toMatchObject({ position: 0 })
    expect(error(') a')).toMatchObject({ message: 'unbalanced parenthesis at 0' })
    expect(error('(')).toMatchObject({ message: 'unbalanced parenthesis at 0' })
  })

  it('positions are UTF-16 offsets', () => {
    expect(error('🙂x (a')).toMatchObject({ message: 'unbalanced parenthesis at 4', position: 4 })
  })

  it('unclosed quote', () => {
    expect(error('ford "mach e')).toEqual({ message: 'unclosed quote at 5', position: 5, length: 1 })
    expect(error('url:"example.com')).toEqual({ message: 'unclosed quote at 4', position: 4, length: 1 })
  })

  it('dangling OR and AND', () => {
    expect(error('a OR')).toEqual({
      message: 'dangling OR at 2 (OR needs a term on both sides)',
      position: 2,
      length: 2,
    })
    expect(error('OR a')).toMatchObject({ message: expect.stringMatching(/^dangling OR at 0/), position: 0 })
    expect(error('a OR OR b')).toMatchObject({ position: 2 })
    expect(error('(a OR) b')).toMatchObject({ position: 3 })
    expect(error('a AND')).toMatchObject({
      message: expect.stringMatching(/^dangling AND at 2/),
      position: 2,
      length: 3,
    })
    expect(error('AND a')).toMatchObject({ message: expect.stringMatching(/^dangling AND at 0/) })
    expect(error('a AND OR b')).toMatchObject({ message: expect.stringMatching(/^dangling AND at 2/) })
  })

  it('empty group', () => {
    expect(error('()')).toEqual({ message: 'empty group at 0', position: 0, length: 2 })
    expect(error('a ( )')).toEqual({ message: 'empty group at 2', position: 2, length: 3 })
  })

  it('negation without an operand', () => {
    expect(error('- a')).toMatchObject({ message: expect.stringMatching(/^'-' must be followed by a term at 0/) })
    expect(error('a -')).toMatchObject({ position: 2, length: 1 })
    expect(error('(a -)')).toMatchObject({ position: 3 })
    expect(error('NOT')).toEqual({ message: 'NOT needs a term after it at 0', position: 0, length: 3 })
    expect(error('a NOT OR b')).toMatchObject({ position: 2 })
  })

  it('a term with nothing to match', () => {
    expect(error('🙂')).toEqual({ message: '"🙂" has no letters or digits at 0', position: 0, length: 2 })
    expect(error('comcast !!')).toEqual({ message: '"!!" has no letters or digits at 8', position: 8, length: 2 })
    expect(error('a "!!"')).toMatchObject({ position: 2, length: 4 })
    expect(error('a ""')).toEqual({ message: 'empty phrase at 2', position: 2, length: 2 })
  })

  it('unknown operator lists the valid ones', () => {
    const e = error('comcast foo:bar')
    expect(e).toMatchObject({ position: 8, length: 4 })
    expect(e.message).toMatch(/^unknown operator "foo:" at 8/)
    for (const op of ['from:', 'to:', 'lang:', 'source:', 'is:', 'has:', 'sentiment:', 'min_followers:', 'url:'])
      expect(e.message).toContain(op)
    expect(error('https://example.com')).toMatchObject({ position: 0, length: 6 })
  })

  it('bad operator values point at the value', () => {
    expect(error('lang:english')).toMatchObject({
      message: expect.stringMatching(/^invalid lang: value "english" at 5/),
      position: 5,
      length: 7,
    })
    expect(error('lang:e')).toMatchObject({ position: 5 })
    expect(error('lang:pt-BR-x')).toMatchObject({ position: 5 })
    expect(error('is:banana')).toMatchObject({
      message: expect.stringMatching(/^invalid is: value "banana" at 3/),
      length: 6,
    })
    expect(error('x sentiment:happy')).toMatchObject({ position: 12, length: 5 })
    expect(error('min_followers:-3')).toMatchObject({
      message: expect.stringMatching(/^invalid min_followers: value "-3" at 14/),
    })
    expect(error('min_followers:1.5')).toMatchObject({ position: 14 })
    expect(error('min_followers:99999999999999999999')).toMatchObject({ position: 14 })
    expect(error('source:twitter')).toMatchObject({ position: 7, message: expect.stringContaining('bluesky') })
    expect(error('has:video')).toMatchObject({ position: 4 })
    expect(error('from:a/b')).toMatchObject({ position: 5, length: 3 })
    expect(error('url:"a b"')).toMatchObject({ position: 5, length: 3 })
  })

  it('missing operator value', () => {
    expect(error('comcast from:')).toEqual({ message: 'missing value for from: at 8', position: 8, length: 5 })
    expect(error('url:""')).toMatchObject({ position: 0, length: 6 })
    expect(error('lang: en')).toMatchObject({ position: 0 })
  })

  it('invalid hashtags and mentions', () => {
    expect(error('#')).toEqual({ message: 'empty hashtag at 0', position: 0, length: 1 })
    expect(error('a @')).toEqual({ message: 'empty @mention at 2', position: 2, length: 1 })
    expect(error('#mach-e')).toMatchObject({
      message: expect.stringMatching(/^invalid hashtag "#mach-e" at 0/),
      length: 7,
    })
    // Dotted and user@host handles are fine (see handles.test.ts); a broken one is not.
    expect(error('@alice..social')).toMatchObject({ message: expect.stringContaining('user@host'), position: 0 })
  })

  it('reports the first error in reading order', () => {
    expect(error('a OR foo:bar (')).toMatchObject({ position: 5 })
  })
})
