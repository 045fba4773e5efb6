// How the fake serves a stored post: a post past 280 characters comes as X
// sends a long ("note") post, its `text` cut at a word boundary near 280
// characters with only the entities that fall inside the cut, and the whole
// text with its own entities in `note_tweet`, but only when the request's
// tweet.fields asked for note_tweet.
import type { FakeTweet } from './server'

const SHORT_MAX = 280

interface Entity {
  start: number
  end: number
}
type Entities = Record<string, Entity[] | undefined>

export function asServed(tweet: FakeTweet, tweetFields: ReadonlySet<string>): FakeTweet {
  const chars = Array.from(tweet.text)
  if (chars.length <= SHORT_MAX) return tweet
  const head = chars.slice(0, SHORT_MAX + 1).join('')
  const cut = Array.from(head.slice(0, Math.max(head.lastIndexOf(' '), 1)).trimEnd())
  const entities = tweet.entities as Entities | undefined
  return {
    ...tweet,
    text: cut.join(''),
    ...(entities ? { entities: inside(entities, cut.length) } : {}),
    ...(tweetFields.has('note_tweet') ? { note_tweet: { text: tweet.text, ...(entities ? { entities } : {}) } } : {}),
  }
}

function inside(entities: Entities, length: number): Entities {
  return Object.fromEntries(
    Object.entries(entities).map(([kind, list]) => [kind, list?.filter((e) => e.end <= length)]),
  )
}

export function tweetFieldsOf(query: URLSearchParams): Set<string> {
  return new Set((query.get('tweet.fields') ?? '').split(',').filter((f) => f !== ''))
}
