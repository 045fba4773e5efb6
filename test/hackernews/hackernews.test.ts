// The Hacker News connector against a fake Algolia search on 127.0.0.1:
// stories and comments of the column keywords become mentions with their item
// links, a cursor per keyword carries on from the last poll (also across a
// restart), a 429 waits as long as Retry-After says, and a 5xx is a gap.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/app/core'
import { HackerNewsConnector, toMention } from '../../src/main/core/connectors/hackernews/connector'
import { connectorContext, type TestContext } from '../connector-context'
import { comment, FakeHackerNews, story } from '../fakes/hn/server'
import { ok, tempArchive, TEST_CORE, until } from '../helpers'

let hn: FakeHackerNews
let t: TestContext
let connector: HackerNewsConnector | undefined
const NOW_S = Math.floor(Date.now() / 1000)

beforeEach(async () => {
  hn = await new FakeHackerNews().start()
  t = connectorContext()
  t.setColumns([{ id: 'c', query: 'comcast OR "fiber outage"' }])
})
afterEach(async () => {
  await connector?.stop()
  connector = undefined
  await hn.close()
})

function run(o: Partial<ConstructorParameters<typeof HackerNewsConnector>[0]> = {}): HackerNewsConnector {
  connector = new HackerNewsConnector({
    pollMs: 40,
    include: 'both',
    apiBase: hn.origin,
    backoff: { initialMs: 40, maxMs: 80 },
    ...o,
  })
  connector.start(t.ctx)
  return connector
}

describe('Hacker News connector', () => {
  it('turns stories and comments of the column keywords into linked mentions, once each', async () => {
    hn.add(
      story(101, NOW_S - 60, 'Comcast raises prices again'),
      comment(
        102,
        NOW_S - 30,
        '<p>My <i>Comcast</i> bill went up &amp; service got worse</p>',
        'Comcast raises prices',
      ),
      story(103, NOW_S - 20, 'Big fiber outage in Oregon', { url: null, story_text: 'Cut cable near Portland' }),
      story(104, NOW_S - 10, 'Show HN: a bakery'),
      story(99, NOW_S - 7_200, 'Comcast news from two hours ago'),
    )
    run()
    await until(() => t.statuses.at(-1)?.state === 'connected', 'a whole round')
    const got = t.emitted()
    expect(got.map((m) => m.externalId).sort()).toEqual(['101', '102', '103'])
    const c = got.find((m) => m.externalId === '102')!
    expect(c).toMatchObject({
      source: 'hackernews',
      kind: 'reply',
      url: 'https://news.ycombinator.com/item?id=102',
      text: 'My Comcast bill went up & service got worse',
      title: 'Comcast raises prices',
      author: { handle: 'dang' },
      createdAt: (NOW_S - 30) * 1000,
    })
    expect(got.find((m) => m.externalId === '101')).toMatchObject({
      kind: 'post',
      text: 'Comcast raises prices again\n\nhttps://example.com/101',
    })
    // One search per keyword, for stories and comments, from an hour back.
    const first = hn.requests.filter((u) => u.searchParams.get('query') === 'comcast')[0]!
    expect(first.searchParams.get('tags')).toBe('(story,comment)')
    expect(Number(/>=(\d+)/.exec(first.searchParams.get('numericFilters')!)![1])).toBeGreaterThanOrEqual(NOW_S - 3_700)
    expect(hn.requests.some((u) => u.searchParams.get('query') === 'fiber outage')).toBe(true)
    expect(t.statuses.at(-1)).toMatchObject({ state: 'connected', detail: '2 keywords searched every 0 s' })
  })

  it('goes on from its cursor: a restart asks only for what is newer', async () => {
    hn.add(story(201, NOW_S - 100, 'Comcast outage'))
    run()
    await until(() => t.emitted().length === 1, 'the first mention')
    await connector!.stop()
    expect(t.cursors.get('since comcast')).toBe(`${NOW_S - 100} 201`)
    const before = hn.requests.length
    hn.add(story(202, NOW_S - 5, 'Comcast outage, day two'))
    run()
    await until(() => t.statuses.filter((s) => s.state === 'connected').length >= 2, 'a round after the restart')
    const after = hn.requests.slice(before).find((u) => u.searchParams.get('query') === 'comcast')!
    expect(after.searchParams.get('numericFilters')).toBe(`created_at_i>=${NOW_S - 100}`)
    expect(t.emitted().map((m) => m.externalId)).toEqual(['201', '202'])
  })

  it('waits out a 429 as Retry-After says, records a gap for a failing search, and recovers', async () => {
    hn.add(story(301, NOW_S - 1, 'Comcast'))
    hn.fail(429, { 'Retry-After': '1' })
    run()
    await until(() => t.statuses.some((s) => s.state === 'rate_limited'), 'the rate limit status')
    const limited = t.statuses.find((s) => s.state === 'rate_limited')!
    expect(limited.detail).toMatch(/^rate limited \(HTTP 429\); retrying in 1 s/)
    expect(t.gaps).toHaveLength(1)
    await until(() => t.emitted().length === 1, 'the mention after the wait')
    await until(() => t.gaps[0]!.endedAt !== null, 'the gap to close')

    hn.fail(503, {}, 1)
    await until(() => t.statuses.some((s) => s.state === 'error'), 'the error status')
    expect(t.statuses.find((s) => s.state === 'error')!.detail).toMatch(/^search failed: HTTP 503/)
    await until(() => t.statuses.at(-1)!.state === 'connected', 'recovery')
  })

  it('reads only stories or only comments when asked, and skips malformed hits', async () => {
    hn.add(story(401, NOW_S - 5, 'Comcast story'), comment(402, NOW_S - 4, 'Comcast comment', 'x'))
    run({ include: 'comments' })
    await until(() => t.emitted().length === 1, 'one comment')
    expect(t.emitted()[0]!.externalId).toBe('402')
    expect(hn.requests[0]!.searchParams.get('tags')).toBe('comment')
    expect(toMention({ objectID: '', created_at_i: 1, author: 'a', title: 'x' }, Date.now())).toBeNull()
    expect(
      toMention({ objectID: '5', created_at_i: 1, author: 'a', comment_text: '', _tags: ['comment'] }, Date.now()),
    ).toBeNull()
    expect(toMention({ objectID: '6', created_at_i: NaN, author: 'a', title: 'x' }, Date.now())).toBeNull()
  })
})

describe('Hacker News through the core', () => {
  it('is configured in Sources, lands in the columns, and `source:hackernews` selects it', async () => {
    hn.add(story(501, NOW_S - 3, 'Comcast fiber rollout'))
    const core = createCore({ archivePath: tempArchive(), ...TEST_CORE, env: { EARSHOT_HN_API: hn.origin } })
    core.start()
    try {
      const column = ok<{ id: string }>(
        await core.call('columns.create', { title: 'HN', query: 'comcast source:hackernews' }),
      )
      expect(await core.call('sources.configure', { source: 'hackernews', config: { pollSeconds: 5 } })).toMatchObject({
        ok: false,
        error: { issues: [expect.stringMatching(/^config\.pollSeconds: poll at most every 30 seconds/)] },
      })
      ok(await core.call('sources.configure', { source: 'hackernews', config: { enabled: true, pollSeconds: 30 } }))
      let items: Array<{ source: string; url: string }> = []
      for (let i = 0; i < 300 && items.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 10))
        items = ok<{ items: typeof items }>(await core.call('mentions.page', { columnId: column.id })).items
      }
      expect(items).toMatchObject([{ source: 'hackernews', url: 'https://news.ycombinator.com/item?id=501' }])
    } finally {
      await core.stop()
    }
  })
})
