// X API v2 payloads to mentions.
import { describe, expect, it } from 'vitest'
import { expandLinks, normalizeTweet } from '../../src/main/core/connectors/x/normalize'
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
    expect(normalizeTweet(line.data, line.includes, 0)).toEqual({
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
    const withUser = normalizeTweet(
      reply,
      {
        users: [
          { id: '1', username: 'flyer' },
          { id: '6449282', username: 'JetBlue' },
        ],
      },
      0,
    )
    expect(withUser).toMatchObject({ kind: 'reply', refId: '99', replyTo: 'JetBlue', refAuthor: 'JetBlue' })
    const fromEntities = normalizeTweet(reply, { users: [{ id: '1', username: 'flyer' }] }, 0)
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
    expect(normalizeTweet(quote, undefined, 0)).toMatchObject({ kind: 'quote', refAuthor: 'EarshotCare' })
    const expanded = normalizeTweet(
      quote,
      { users: [{ id: '5', username: 'RealAuthor' }], tweets: [{ id: '77', text: 'x', author_id: '5' }] },
      0,
    )
    expect(expanded.refAuthor).toBe('RealAuthor')
    const rt = {
      id: '4',
      text: 'RT @Oreo: You can still dunk in the dark.',
      referenced_tweets: [{ type: 'retweeted' as const, id: '88' }],
    }
    expect(normalizeTweet(rt, undefined, 5)).toMatchObject({
      kind: 'repost',
      refId: '88',
      refAuthor: 'Oreo',
      createdAt: 5,
    })
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
      0,
    )
    expect(m).toMatchObject({
      lang: 'pt',
      hasMedia: true,
      author: { handle: 'a', name: 'A', followers: 1234, verified: true, avatarUrl: 'https://pbs.twimg.com/a.jpg' },
    })
  })
})
