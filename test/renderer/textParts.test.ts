// Mention text display parts: links, hashtags, @mentions and keyword hits.
import { describe, expect, it } from 'vitest'
import { highlightPhrases } from '../../src/shared/query/highlights'
import { keywordRanges, shortenUrl, splitText, trimUrl } from '../../src/renderer/src/lib/textParts'

function phrases(query: string): string[][] {
  return highlightPhrases(query)
}

function joined(text: string, q = ''): string {
  return splitText(text, phrases(q))
    .map((p) => p.text)
    .join('')
}

describe('splitText', () => {
  it('finds links, hashtags and mentions', () => {
    const parts = splitText('Hi @acme see https://example.com/x. #Launch2024 now')
    expect(parts.map((p) => p.kind)).toEqual(['text', 'mention', 'text', 'link', 'text', 'hashtag', 'text'])
    const link = parts.find((p) => p.kind === 'link')
    expect(link).toMatchObject({
      href: 'https://example.com/x',
      display: 'example.com/x',
    })
  })

  it('round-trips the text', () => {
    const samples = [
      'plain text',
      'email me@example.com is not a mention',
      'a (link https://en.wikipedia.org/wiki/Foo_(bar)) here',
      'issue #1 is not a tag but #café is',
      '@alice.bsky.social and @bob@mastodon.social.',
      'ftp://nope and http://',
      '',
    ]
    for (const s of samples) expect(joined(s, 'foo bar')).toBe(s)
  })

  it('does not treat emails, numbers or bare schemes as entities', () => {
    expect(splitText('me@example.com').every((p) => p.kind === 'text')).toBe(true)
    expect(splitText('issue #1').every((p) => p.kind === 'text')).toBe(true)
    expect(splitText('see http:// there').every((p) => p.kind === 'text')).toBe(true)
  })

  it('keeps Bluesky and Mastodon handles whole', () => {
    const handles = splitText('@alice.bsky.social and @bob@mastodon.social.').filter((p) => p.kind === 'mention')
    expect(handles.map((p) => p.text)).toEqual(['@alice.bsky.social', '@bob@mastodon.social'])
  })

  it('keeps balanced parentheses in URLs', () => {
    const link = splitText('(https://en.wikipedia.org/wiki/Foo_(bar))').find((p) => p.kind === 'link')
    expect(link?.text).toBe('https://en.wikipedia.org/wiki/Foo_(bar)')
  })

  it('marks keyword hits, folding case and accents', () => {
    const parts = splitText('Loving the new CAFÉ menu', phrases('cafe'))
    expect(parts).toContainEqual({ kind: 'text', text: 'CAFÉ', hit: true })
  })

  it('marks phrases across punctuation and hashtags that match', () => {
    const parts = splitText('Air-Max drop #nike', phrases('"air max" nike'))
    expect(parts).toContainEqual({ kind: 'text', text: 'Air-Max', hit: true })
    expect(parts).toContainEqual({ kind: 'hashtag', text: '#nike', hit: true })
  })
})

describe('url helpers', () => {
  it('trims trailing punctuation', () => {
    expect(trimUrl('https://a.com/x).')).toBe('https://a.com/x')
    expect(trimUrl('https://a.com/?q=1!')).toBe('https://a.com/?q=1')
  })

  it('shortens for display', () => {
    expect(shortenUrl('https://www.example.com/')).toBe('example.com')
    expect(shortenUrl('https://example.com/a/very/long/path/that/goes/on', 20)).toBe('example.com/a/very/…')
  })
})

describe('keywordRanges', () => {
  it('merges overlapping hits and prefers the longest phrase', () => {
    expect(keywordRanges('big data big', [['big'], ['big', 'data']])).toEqual([
      [0, 8],
      [9, 12],
    ])
  })

  it('returns nothing without phrases', () => {
    expect(keywordRanges('anything', [])).toEqual([])
  })
})
