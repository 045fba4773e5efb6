import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { QueryNode } from '../../../src/shared/query/ast'
import { compileMatcher } from '../../../src/shared/query/match'
import { parseQuery } from '../../../src/shared/query/parse'
import { toXRule, toXSearchQuery, type XRuleResult } from '../../../src/shared/query/x-rule'
import { matchInput, vocabQueryNode } from './arbitraries'
import type { MatchInput } from '../../../src/shared/query/match-input'

function ast(input: string): QueryNode {
  const r = parseQuery(input)
  if (!r.ok) throw new Error(r.error.message)
  return r.ast
}

function x(input: string, maxLength?: number): XRuleResult {
  return toXRule(ast(input), maxLength === undefined ? {} : { maxLength })
}

describe('toXRule: rule strings', () => {
  const cases: [query: string, rule: string, localOnly: string[]][] = [
    ['comcast', 'comcast', []],
    ['Café', 'cafe', []],
    ['apple OR iphone ipad', 'apple OR (iphone ipad)', []],
    ['(comcast OR xfinity) outage', '(comcast OR xfinity) outage', []],
    ['mach-e OR "Mach E"', '"mach e"', []],
    ['skiing -(snow OR day OR noschool)', 'skiing -snow -day -noschool', []],
    ['comcast -(outage down)', 'comcast (-outage OR -down)', []],
    ['comcast NOT NOT xfinity', 'comcast xfinity', []],
    ['comcast -(-outage OR down)', 'comcast outage -down', []],
    [
      '(comcast OR xfinity) -from:comcastcares sentiment:negative',
      '(comcast OR xfinity) -from:comcastcares',
      ['sentiment:negative'],
    ],
    ['comcast -sentiment:positive', 'comcast', ['-sentiment:positive']],
    ['comcast -(sentiment:negative OR refund)', 'comcast -refund', ['-sentiment:negative']],
    ['comcast -(sentiment:negative refund)', 'comcast', ['-sentiment:negative']],
    ['comcast min_followers:1000 is:reply to:ComcastCares', 'comcast is:reply to:comcastcares', ['min_followers:1000']],
    ['#JetBlue lang:pt-BR', '#jetblue lang:pt', ['lang:pt-br']],
    ['#JetBlue -lang:pt-BR', '#jetblue', ['-lang:pt-br']],
    ['#JetBlue -lang:pt', '#jetblue -lang:pt', []],
    ['oreo is:repost', 'oreo is:retweet', []],
    ['oreo -is:retweet -is:quote', 'oreo -is:retweet -is:quote', []],
    ['url:Example.com/News has:links has:media', 'url:"example.com/news" has:links has:media', []],
    ['@JetBlue delay', '(@jetblue OR from:jetblue) delay', []],
    ['delay -@JetBlue', 'delay -@jetblue -from:jetblue', []],
    ['comcast (source:x OR source:bluesky)', 'comcast', []],
    ['comcast -source:bluesky', 'comcast', []],
    ['comcast OR (xfinity source:mastodon)', 'comcast', []],
    ['comcast OR from:alice.bsky.social', 'comcast', []],
    ['(a b) OR (c -d)', '(a b) OR (c -d)', []],
    ['comcast @東京', 'comcast', ['@東京']],
  ]
  for (const [query, rule, localOnly] of cases)
    it(`${query}  =>  ${rule}`, () => {
      expect(x(query)).toEqual({ rule, localOnly, errors: [] })
    })
})

describe('toXRule: rejected queries', () => {
  it('a query that excludes X never listens to X', () => {
    expect(x('comcast source:bluesky')).toEqual({
      rule: null,
      localOnly: [],
      errors: ['this column never listens to X: source:bluesky excludes X'],
    })
    expect(x('comcast -source:x').errors[0]).toMatch(/^this column never listens to X: -source:x excludes X/)
    expect(x('from:alice.bsky.social hi').errors[0]).toContain('"alice.bsky.social" is not an X username')
  })

  it('only negations: needs a positive term', () => {
    for (const q of [
      '-comcast',
      '-comcast -xfinity',
      '-(a b)',
      'comcast OR -xfinity',
      'has:media lang:en',
      'is:reply -spam',
    ]) {
      const r = x(q)
      expect(r.rule, q).toBeNull()
      expect(r.errors[0], q).toMatch(/needs at least one positive term X can match/)
    }
  })

  it('unconstrained once local-only operators are dropped', () => {
    for (const q of ['sentiment:negative', 'comcast OR sentiment:negative', 'min_followers:5 -source:rss']) {
      const r = x(q)
      expect(r.rule, q).toBeNull()
      expect(r.errors[0], q).toMatch(/unconstrained after dropping what X cannot filter \((sentiment|min_followers)/)
    }
    expect(x('sentiment:negative').localOnly).toEqual(['sentiment:negative'])
  })

  it('over-long rules name both lengths', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`)
    const query = words.join(' OR ')
    const rule = words.join(' OR ')
    expect(rule.length).toBeGreaterThan(1024)
    expect(x(query)).toEqual({
      rule: null,
      localOnly: [],
      errors: [`the rule is ${rule.length} characters long; X accepts at most 1024`],
    })
    expect(x(query, 2000).rule).toBe(rule)
  })

  it('toXSearchQuery uses the 512-character recent-search limit', () => {
    const words = Array.from({ length: 70 }, (_, i) => `word${i}`).join(' OR ')
    expect(words.length).toBeGreaterThan(512)
    expect(words.length).toBeLessThanOrEqual(1024)
    expect(toXRule(ast(words)).rule).toBe(words)
    expect(toXSearchQuery(ast(words)).errors).toEqual([
      `the rule is ${words.length} characters long; X accepts at most 512`,
    ])
  })
})

/**
 * Evaluate a parsed X rule the way X does. Our parser reads X rule syntax and
 * our matcher agrees with X on every operator a rule can contain except `@h`,
 * which on X means "mentions h" only (ours also accepts posts by h).
 */
function evalX(node: QueryNode, m: MatchInput): boolean {
  switch (node.type) {
    case 'mention':
      return m.mentions.has(node.handle)
    case 'not':
      return !evalX(node.child, m)
    case 'and':
      return node.children.every((c) => evalX(c, m))
    case 'or':
      return node.children.some((c) => evalX(c, m))
    default:
      return compileMatcher(node)(m)
  }
}

describe('toXRule: the rule selects a superset of the local query', () => {
  it('every X post the local matcher accepts is accepted by the rule', () => {
    const xPost = matchInput({ sources: ['x'], handles: ['comcastcares', 'jetblue', 'e', 'ComcastCares'] })
    // Often AND an anchor word into the query so that most cases yield a rule.
    const query = fc.oneof(
      vocabQueryNode(4),
      fc
        .tuple(fc.constantFrom('comcast', 'jetblue', 'e'), vocabQueryNode(4))
        .map(([token, q]): QueryNode => ({ type: 'and', children: [{ type: 'term', token }, q] })),
    )
    let accepted = 0
    fc.assert(
      fc.property(query, fc.array(xPost, { minLength: 1, maxLength: 10 }), (q, posts) => {
        const { rule } = toXRule(q, { maxLength: 100_000 })
        if (rule === null) return
        const parsed = parseQuery(rule)
        if (!parsed.ok) throw new Error(`unparseable rule ${rule}: ${parsed.error.message}`)
        const local = compileMatcher(q)
        for (const p of posts)
          if (local(p)) {
            expect(evalX(parsed.ast, p), rule).toBe(true)
            accepted++
          }
      }),
      { numRuns: 5000 },
    )
    // The property is vacuous unless the local side accepts posts often enough.
    expect(accepted).toBeGreaterThan(1000)
  })
})
