// The Reddit connector against a fake Reddit on 127.0.0.1: OAuth with the
// app's client credentials (a refused token is renewed), keyword search and
// subreddit listings into linked mentions once each, cursors across a
// restart, the public listings without credentials, the rate-limit headers
// and a 429, and a private subreddit that does not stop the others.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RedditConnector, toMention } from '../../src/main/core/connectors/reddit/connector'
import { until } from '../helpers'
import { connectorContext, type TestContext } from '../connector-context'
import { CLIENT, FakeReddit } from '../fakes/reddit/server'

let reddit: FakeReddit
let t: TestContext
let connector: RedditConnector | undefined
const NOW_S = Math.floor(Date.now() / 1000)

beforeEach(async () => {
  reddit = await new FakeReddit().start()
  t = connectorContext()
  t.setColumns([{ id: 'c', query: 'comcast' }])
})
afterEach(async () => {
  await connector?.stop()
  connector = undefined
  await reddit.close()
})

function run(o: Partial<ConstructorParameters<typeof RedditConnector>[0]> = {}): RedditConnector {
  connector = new RedditConnector({
    pollMs: 40,
    searchKeywords: true,
    subreddits: ['Comcast_Xfinity'],
    clientId: CLIENT.id,
    clientSecret: CLIENT.secret,
    wwwBase: reddit.origin,
    oauthBase: reddit.origin,
    perMinute: 6_000,
    backoff: { initialMs: 40, maxMs: 80 },
    ...o,
  })
  connector.start(t.ctx)
  return connector
}

const rounds = () => t.statuses.filter((s) => s.state === 'connected').length

describe('Reddit connector', () => {
  it('signs in with the app credentials, searches and reads subreddits, each post once', async () => {
    reddit.post('a1', 'technology', NOW_S - 50, 'Comcast data caps are back', 'Ugh.')
    reddit.post('a2', 'Comcast_Xfinity', NOW_S - 40, 'Outage in Denver?', 'Comcast down since 9am')
    reddit.post('a3', 'Comcast_Xfinity', NOW_S - 30, 'Modem question', 'Which one to buy')
    reddit.post('a0', 'technology', NOW_S - 7_200, 'Comcast two hours ago')
    run()
    await until(() => rounds() >= 2, 'two rounds')
    const got = t.emitted()
    expect(got.map((m) => m.externalId).sort()).toEqual(['t3_a1', 't3_a2'])
    expect(got.find((m) => m.externalId === 't3_a2')).toMatchObject({
      source: 'reddit',
      kind: 'post',
      url: 'https://www.reddit.com/r/Comcast_Xfinity/comments/a2/slug/',
      text: 'Outage in Denver?\n\nComcast down since 9am',
      title: 'Outage in Denver?',
      author: { handle: 'user_a2', name: 'user_a2 in r/Comcast_Xfinity' },
    })
    const token = reddit.requests.filter((r) => r.url.pathname === '/api/v1/access_token')
    expect(token).toHaveLength(1)
    const search = reddit.requests.find((r) => r.url.pathname === '/search')!
    expect(search.headers.authorization).toBe('bearer tok-1')
    expect(search.headers['user-agent']).toMatch(/earshot/)
    expect(search.url.searchParams.get('sort')).toBe('new')
    expect(t.statuses.at(-1)!.detail).toMatch(/2 listings read \(OAuth\); \d+ requests left this window/)
  })

  it('renews a refused token, and carries on from its cursors after a restart', async () => {
    reddit.post('b1', 'Comcast_Xfinity', NOW_S - 20, 'Comcast billing')
    run()
    await until(() => t.emitted().length === 1, 'the first post')
    reddit.expireTokens()
    await until(
      () => reddit.requests.filter((r) => r.url.pathname === '/api/v1/access_token').length === 2,
      'a new token',
    )
    await connector!.stop()
    reddit.post('b2', 'Comcast_Xfinity', NOW_S - 10, 'Comcast billing, again')
    run()
    await until(() => rounds() >= 3, 'a round after the restart')
    // b2 is new; b1 comes at most once more, from a listing whose cursor the token failure kept from being
    // saved (the archive stores a post once, by source and id).
    expect([...new Set(t.emitted().map((m) => m.externalId))]).toEqual(['t3_b1', 't3_b2'])
    const search = reddit.requests.filter((r) => r.url.pathname === '/search').at(-1)!
    expect(search.headers.authorization).toMatch(/^bearer tok-[23]$/)
  })

  it('reads the public listings without credentials, and a private subreddit does not stop the rest', async () => {
    reddit.post('c1', 'technology', NOW_S - 5, 'Comcast news')
    reddit.privateSubs.add('comcast_xfinity')
    run({ clientId: undefined, clientSecret: undefined })
    await until(() => rounds() >= 1, 'a round')
    expect(t.emitted().map((m) => m.externalId)).toEqual(['t3_c1'])
    expect(reddit.requests.every((r) => r.url.pathname.endsWith('.json'))).toBe(true)
    expect(reddit.requests.some((r) => r.headers.authorization)).toBe(false)
    expect(t.statuses.at(-1)!.detail).toMatch(/public listings, lower rate/)
  })

  it('waits for the window to reset when its requests are used up, and after a 429', async () => {
    reddit.post('d1', 'Comcast_Xfinity', NOW_S - 5, 'Comcast')
    reddit.fail(429, { 'Retry-After': '1' })
    run({ subreddits: [] })
    await until(() => t.statuses.some((s) => s.state === 'rate_limited'), 'the 429')
    expect(t.statuses.find((s) => s.state === 'rate_limited')!.detail).toMatch(
      /^rate limited while signing in; retrying in 1 s/,
    )
    await until(() => t.emitted().length === 1, 'the post after the wait')
    reddit.remaining = 1
    await until(() => t.statuses.filter((s) => s.state === 'rate_limited').length >= 2, 'the used-up window')
    expect(t.statuses.filter((s) => s.state === 'rate_limited').at(-1)!.detail).toMatch(
      /^rate limit used up; retrying in (4|5) min/,
    )
    expect(t.gaps.length).toBeGreaterThanOrEqual(1)
  })

  it('refuses bad credentials clearly, and skips things that are not posts or comments', async () => {
    run({ clientSecret: 'wrong' })
    await until(() => t.statuses.some((s) => s.state === 'error'), 'the refusal')
    expect(t.statuses.find((s) => s.state === 'error')!.detail).toMatch(/^Reddit refused the app’s client id or secret/)
    expect(toMention({ kind: 't5', data: { id: 'x', created_utc: 1 } }, Date.now())).toBeNull()
    expect(toMention({ kind: 't3', data: { id: '', created_utc: 1, title: 'x' } }, Date.now())).toBeNull()
    expect(
      toMention(
        { kind: 't1', data: { id: 'k', created_utc: 1, body: 'Comcast &amp; me', link_title: 'Thread' } },
        Date.now(),
      ),
    ).toMatchObject({ externalId: 't1_k', kind: 'reply', text: 'Comcast & me', title: 'Thread' })
  })
})
