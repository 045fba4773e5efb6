// Handles from networks other than X: dotted Bluesky handles and Mastodon
// `user@host` accounts work in `from:`, `to:` and `@`, and stay local-only in
// the X rule.
import { describe, expect, it } from 'vitest'
import { compileMatcher, parseQuery, toMatchInput, toXRule } from '../../../src/shared/query'
import { extractMentions } from '../../../src/shared/query/match-input'
import type { MatchSource } from '../../../src/shared/query/match-input'

function mention(text: string, handle: string, replyTo: string | null = null): MatchSource {
  return {
    text,
    author: { handle, followers: 0 },
    lang: 'en',
    source: 'bluesky',
    kind: 'post',
    hasMedia: false,
    sentimentLabel: 'neutral',
    replyTo,
  }
}

function matches(query: string, m: MatchSource): boolean {
  const parsed = parseQuery(query)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return compileMatcher(parsed.ast)(toMatchInput(m))
}

describe('non-X handles', () => {
  it('extracts the long form of a mention as well as its X-style prefix', () => {
    expect(extractMentions('hi @Alice.bsky.social. and @bob@Mastodon.Social, @carol')).toEqual([
      'alice',
      'bob',
      'carol',
      'alice.bsky.social',
      'bob@mastodon.social',
    ])
    expect(extractMentions('mail bob@example.com')).toEqual([])
  })

  it('from: and to: take dotted and user@host handles', () => {
    expect(matches('from:alice.bsky.social', mention('x', 'Alice.bsky.social'))).toBe(true)
    expect(matches('from:alice.bsky.social', mention('x', 'alice.bsky.socia'))).toBe(false)
    expect(matches('from:@bob@mastodon.social', mention('x', 'bob@mastodon.social'))).toBe(true)
    expect(matches('to:bob@mastodon.social', mention('x', 'z', 'Bob@Mastodon.social'))).toBe(true)
  })

  it('@handle matches the long form in text or the author', () => {
    expect(matches('@alice.bsky.social', mention('thanks @alice.bsky.social!', 'z'))).toBe(true)
    expect(matches('@alice.bsky.social', mention('thanks @alice!', 'z'))).toBe(false)
    expect(matches('@alice', mention('thanks @alice.bsky.social!', 'z'))).toBe(true)
    expect(matches('@bob@mastodon.social', mention('cc @bob@mastodon.social', 'z'))).toBe(true)
    expect(matches('@bob@mastodon.social', mention('post', 'bob@mastodon.social'))).toBe(true)
  })

  it('rejects malformed long handles with a position', () => {
    const bad = parseQuery('x @alice..social')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.position).toBe(2)
    expect(parseQuery('@bob@').ok).toBe(false)
  })

  it('keeps the X rule correct: a non-X handle is local-only, never sent to X', () => {
    const dotted = parseQuery('comcast @alice.bsky.social')
    if (!dotted.ok) throw new Error('parse')
    const rule = toXRule(dotted.ast)
    expect(rule.rule).toBe('comcast')
    expect(rule.localOnly.join(' ')).toContain('@alice.bsky.social')
    const from = parseQuery('comcast OR from:bob@mastodon.social')
    if (!from.ok) throw new Error('parse')
    expect(toXRule(from.ast).rule).toBe('comcast')
  })
})
