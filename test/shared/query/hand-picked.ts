// Three mentions and what each operator must find among them: the hand-picked
// half of the differential tests of both engines' SQL (SQLite and PostgreSQL).
import type { MatchSource } from '../../../src/shared/query/match-input'

export const HAND_PICKED_SOURCES: MatchSource[] = [
  {
    text: 'Comcast #Outage in Boston https://Status.Example.com/x',
    author: { handle: 'alice', followers: 10 },
    lang: 'en',
    source: 'demo',
    kind: 'post',
    hasMedia: false,
    sentimentLabel: 'negative',
  },
  {
    text: "@ComcastCares help, it's DOWN again",
    author: { handle: 'bob', followers: 5000 },
    lang: 'pt-BR',
    source: 'rss',
    kind: 'reply',
    hasMedia: true,
    sentimentLabel: 'neutral',
    replyTo: 'ComcastCares',
    rating: 2,
  },
  {
    text: 'Café com leite',
    author: { handle: 'José', followers: 3 },
    lang: null,
    source: 'demo',
    kind: 'repost',
    hasMedia: false,
    sentimentLabel: 'positive',
  },
]

/** Each query with how many of HAND_PICKED_SOURCES it selects. */
export const HAND_PICKED_COUNTS: ReadonlyArray<[string, number]> = [
  ['#outage', 1],
  ['@comcastcares', 1],
  ['to:comcastcares is:reply', 1],
  ['lang:pt', 1],
  ['-lang:en', 2],
  ['CAFÉ from:jose', 1],
  ['"it s down"', 1],
  ['"down it"', 0],
  ['url:"status.example"', 1],
  ['has:links OR has:media', 2],
  ['min_followers:100 source:rss', 1],
  ['rating:<=2', 1],
  ['sentiment:negative OR is:repost', 2],
  ['-(comcast OR cafe)', 1],
]
