// X API v2 payloads to mentions.
import { describe, expect, it } from 'vitest'
import { expandLinks, normalizePage, normalizeTweet } from '../../src/main/core/connectors/x/normalize'
import { XStreamPostSchema } from '../../src/main/core/connectors/x/payload'

// The docs' stream line (shared/fixtures/x-api-v2/stream_line_with_includes_and_matching_rules.json).
const DOCS_LINE = {
  data: {
    id: '1234567890',
    text: 'Look at this cute cat! 🐱',
    author_id: '9876543210',
    created_at: '2024-01-15T10:35:00.000Z',
    edit_history_tweet_ids: ['1234567890'],
  },
  includes: { users: [{ id: '9876543210', username: 'catperson' }] },
  matching_rules: [{ id: '1273026480692322304', tag: 'cats with images' }],
}

describe('normalizeTweet', () => {
  it("reads the docs' stream line", () => {
    const line = XStreamPostSchema.parse(DOCS_LINE)
    expect(normalizeTweet(line.data, line.includes)).toEqual({
      source: 'x',
      externalId: '1234567890',
      url: 'https://x.com/catperson/status/1234567890',
      createdAt: Date.parse('2024-01-15T10:35:00.000Z'),
      author: { handle: 'catperson', name: 'catperson', followers: 0, avatarUrl: null, verified: false },
      text: 'Look at this cute cat! 🐱',
      lang: null,
      kind: 'post',
      refId: null,
      replyTo: null,
      refAuthor: null,
      hasMedia: false,
    })
  })

  it('expands t.co links by code-point offsets, after an emoji', () => {
    const text = '🐱 outage map https://t.co/abc123 and https://t.co/zz'
    const expanded = expandLinks({
      id: '1',
      text,
      entities: {
        urls: [
          { start: 13, end: 32, url: 'https://t.co/abc123', expanded_url: 'https://status.comcast.com/map' },
          { start: 37, end: 52, url: 'https://t.co/zz', expanded_url: 'https://example.com/z' },
        ],
      },
    })
    expect(expanded).toBe('🐱 outage map https://status.comcast.com/map and https://example.com/z')
  })

  it('falls back to replacing by value when the offsets do not fit', () => {
    const expanded = expandLinks({
      id: '1',
      text: 'see https://t.co/q',
      entities: { urls: [{ start: 0, end: 3, url: 'https://t.co/q', expanded_url: 'https://x.org/' }] },
    })
    expect(expanded).toBe('see https://x.org/')
  })

  it('takes replyTo from in_reply_to_user_id via includes.users, else from the mention entities', () => {
    const reply = {
      id: '2',
      text: '@JetBlue where is my bag',
      author_id: '1',
      in_reply_to_user_id: '6449282',
      referenced_tweets: [{ type: 'replied_to' as const, id: '99' }],
      entities: { mentions: [{ username: 'JetBlue', id: '6449282' }] },
    }
    const withUser = normalizeTweet(reply, {
      users: [
        { id: '1', username: 'flyer' },
        { id: '6449282', username: 'JetBlue' },
      ],
    })
    expect(withUser).toMatchObject({ kind: 'reply', refId: '99', replyTo: 'JetBlue', refAuthor: 'JetBlue' })
    const fromEntities = normalizeTweet(reply, { users: [{ id: '1', username: 'flyer' }] })
    expect(fromEntities).toMatchObject({ replyTo: 'JetBlue', refAuthor: 'JetBlue' })
  })

  it('takes refAuthor from an expanded referenced post, or a quote permalink, or an RT prefix', () => {
    const quote = {
      id: '3',
      text: 'this https://t.co/q1',
      author_id: '1',
      referenced_tweets: [{ type: 'quoted' as const, id: '77' }],
      entities: {
        urls: [
          { start: 5, end: 20, url: 'https://t.co/q1', expanded_url: 'https://twitter.com/EarshotCare/status/77' },
        ],
      },
    }
    expect(normalizeTweet(quote, undefined)).toMatchObject({ kind: 'quote', refAuthor: 'EarshotCare' })
    const expanded = normalizeTweet(quote, {
      users: [{ id: '5', username: 'RealAuthor' }],
      tweets: [{ id: '77', text: 'x', author_id: '5' }],
    })
    expect(expanded.refAuthor).toBe('RealAuthor')
    const rt = {
      id: '4',
      text: 'RT @Oreo: You can still dunk in the dark.',
      referenced_tweets: [{ type: 'retweeted' as const, id: '88' }],
    }
    expect(normalizeTweet(rt, undefined)).toMatchObject({ kind: 'repost', refId: '88', refAuthor: 'Oreo' })
  })

  it('reads author metrics, language and media', () => {
    const m = normalizeTweet(
      {
        id: '5',
        text: 'photo',
        author_id: '1',
        lang: 'pt',
        entities: {
          urls: [{ start: 0, end: 1, url: 'p', media_key: '3_1', expanded_url: 'https://x.com/a/status/5/photo/1' }],
        },
      },
      {
        users: [
          {
            id: '1',
            username: 'a',
            name: 'A',
            verified: true,
            profile_image_url: 'https://pbs.twimg.com/a.jpg',
            public_metrics: { followers_count: 1234 },
          },
        ],
      },
    )
    expect(m).toMatchObject({
      lang: 'pt',
      hasMedia: true,
      author: { handle: 'a', name: 'A', followers: 1234, verified: true, avatarUrl: 'https://pbs.twimg.com/a.jpg' },
    })
  })

  it("reads a long post's whole text from note_tweet, its links expanded by note_tweet's own offsets", () => {
    const full = `${'Day three without internet. '.repeat(11)}Status page: https://t.co/st4tus`
    const cut = Array.from(full).slice(0, 270).join('')
    const at = Array.from(full).length - 'https://t.co/st4tus'.length
    const m = normalizeTweet(
      {
        id: '6',
        text: cut,
        note_tweet: {
          text: full,
          entities: {
            urls: [
              { start: at, end: at + 19, url: 'https://t.co/st4tus', expanded_url: 'https://status.example.net/' },
            ],
          },
        },
      },
      undefined,
    )
    expect(m.text).toBe(full.replace('https://t.co/st4tus', 'https://status.example.net/'))
  })

  it('takes the time from the snowflake id when created_at is absent', () => {
    const m = normalizeTweet({ id: '1880000000000000001', text: 'no time' }, undefined)
    expect(new Date(m.createdAt).toISOString()).toBe('2025-01-16T21:11:43.367Z')
  })

  it('ranks the kinds: repost over reply over quote, whatever the order X lists them in', () => {
    const kind = (...types: string[]) =>
      normalizeTweet(
        { id: '7', text: 't', referenced_tweets: types.map((type, i) => ({ type, id: String(i + 1) })) },
        undefined,
      )
    expect(kind('quoted', 'replied_to')).toMatchObject({ kind: 'reply', refId: '2' })
    expect(kind('quoted', 'retweeted')).toMatchObject({ kind: 'repost', refId: '2' })
    expect(kind('quoted')).toMatchObject({ kind: 'quote', refId: '1' })
    // A kind X adds later leaves the post a plain post rather than refusing it.
    expect(kind('edited_from')).toMatchObject({ kind: 'post', refId: null })
  })
})

describe('normalizePage', () => {
  it('reads a twarc flattened post with its author inline', () => {
    const page = normalizePage({ id: '8', text: 'flat', author_id: '3', author: { id: '3', username: 'flat_ann' } })
    expect(page.problems).toEqual([])
    expect(page.mentions).toEqual([
      expect.objectContaining({ externalId: '8', author: expect.objectContaining({ handle: 'flat_ann' }) }),
    ])
  })

  it('reports each bad post with its reason and keeps the others', () => {
    const page = normalizePage({
      data: [
        { id: '1', text: 'fine', author_id: '7' },
        { id: '2', text: 'when?', author_id: '7', created_at: 'yesterday' },
        { id: '3', text: 'who?', author_id: '8' },
        { text: 'no id', author_id: '7' },
      ],
      // An unreadable user is dropped; the posts of the others still import.
      includes: { users: [{ id: '7', username: 'zed' }, { id: 8 }] },
    })
    expect(page.mentions.map((m) => m.externalId)).toEqual(['1'])
    expect(page.problems).toEqual([
      { index: 1, message: 'post 2: created_at "yesterday" is not a date' },
      { index: 2, message: 'post 3: its author 8 is not in includes.users' },
      { index: 3, message: expect.stringMatching(/^post 4: /) },
    ])
  })

  it('refuses what is not a response page, and takes an empty or error-only page as nothing', () => {
    expect(() => normalizePage({ hello: 'world' })).toThrow(/not an X API v2 response page/)
    expect(normalizePage({ errors: [{ title: 'Not Found Error' }] })).toEqual({ mentions: [], problems: [] })
    expect(normalizePage({ meta: { result_count: 0 } })).toEqual({ mentions: [], problems: [] })
  })
})
