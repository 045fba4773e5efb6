// A mention's thread through the real core (SQLite archive, handler table)
// against the fake networks on 127.0.0.1: ancestors from the archive without
// a network call, from X / Bluesky / Mastodon when the archive lacks them,
// notes for a deleted post, a rate limit, a failure and a source that cannot
// look posts up, the five-minute cache, and the other replies the archive holds.
import { createServer, type Socket } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MastodonThreadFetcher } from '../../src/main/core/connectors/mastodon/thread'
import { createCore, type Core } from '../../src/main/core/app/core'
import { ThreadService } from '../../src/main/core/thread/service'
import type { Thread } from '../../src/shared/contracts/thread'
import type { MentionInput } from '../../src/shared/domain'
import { FakeBluesky, postEvent } from '../fakes/jetstream/server'
import { FakeMastodon } from '../fakes/mastodon/server'
import { FakeXApi, problems } from '../fakes/x-api'
import { mentionInput, ok, tempArchive, TEST_CORE } from '../helpers'

let clock = 1_790_000_000_000
let core: Core | undefined

function start(env: Record<string, string> = {}): Core {
  core = createCore({ archivePath: tempArchive(), ...TEST_CORE, env, now: () => clock })
  core.start()
  return core
}

afterEach(async () => {
  await core?.stop()
  core = undefined
})

function store(c: Core, ...inputs: MentionInput[]): number[] {
  c.ingest.push(inputs)
  c.ingest.flush()
  return inputs.map((m) => {
    const row = c.db.prepare('SELECT id FROM mentions WHERE source = ? AND external_id = ?').get(m.source, m.externalId)
    return (row as { id: number }).id
  })
}

async function thread(c: Core, mentionId: number): Promise<Thread> {
  return ok<Thread>(await c.call('mentions.thread', { mentionId }))
}

/** The ancestors as "from:text" (or "missing:reason"), oldest first. */
const chain = (t: Thread) =>
  t.ancestors.map((a) =>
    a.from === 'archive'
      ? `archive:${a.mention.text}`
      : a.from === 'network'
        ? `network:${a.post.text}`
        : `missing:${a.reason}`,
  )

/** Stores the mention, reads its thread, checks the chain and the fetched post it refers to; returns its id. */
async function fetchedThread(c: Core, input: MentionInput, expected: string[], parent: object): Promise<number> {
  const [mention] = store(c, input)
  const t = await thread(c, mention!)
  expect(chain(t)).toEqual(expected)
  const nearest = t.ancestors.at(-1)
  expect(nearest?.from === 'network' && nearest.post).toMatchObject(parent)
  return mention!
}

const reply = (source: MentionInput['source'], externalId: string, refId: string, text: string, at = 0) =>
  mentionInput({ source, externalId, kind: 'reply', refId, text, createdAt: clock - 60_000 + at })

describe('thread: X', () => {
  let x: FakeXApi
  beforeEach(async () => {
    x = new FakeXApi({ now: () => clock })
    await x.start()
  })
  afterEach(() => x.close())

  const env = () => ({ EARSHOT_X_BEARER_TOKEN: 'test-bearer', EARSHOT_X_API_BASE: x.url })
  const lookups = () => x.requests.filter((r) => r.path.startsWith('/2/tweets') && !r.path.includes('search')).length
  const onX = (id: string, text: string, authorId: string, username: string, repliedTo?: string) =>
    x.searchable.push({
      tweet: {
        id,
        text,
        author_id: authorId,
        created_at: new Date(clock - 3_600_000).toISOString(),
        lang: 'en',
        conversation_id: '100',
        ...(repliedTo ? { referenced_tweets: [{ type: 'replied_to' as const, id: repliedTo }] } : {}),
      },
      users: [{ id: authorId, username, name: `${username} name` }],
    })

  it('takes ancestors stored in the archive without asking X, oldest first, with the other replies', async () => {
    const c = start(env())
    const [, , mention] = store(
      c,
      mentionInput({ source: 'x', externalId: '100', text: 'Internet down again' }),
      reply('x', '101', '100', 'Same here in Boston', 1),
      reply('x', '102', '101', 'Day three for us', 2),
      reply('x', '103', '101', 'Restart the modem?', 3),
      reply('x', '104', '102', 'We are on it, sorry', 4),
    )
    const t = await thread(c, mention!)
    expect(chain(t)).toEqual(['archive:Internet down again', 'archive:Same here in Boston'])
    expect(t.truncated).toBe(false)
    expect(t.replies.map((r) => [r.to, r.mention.text])).toEqual([
      ['mention', 'We are on it, sorry'],
      ['parent', 'Restart the modem?'],
    ])
    expect(lookups()).toBe(0)
  })

  it('fetches what the archive lacks with the connector fields, shows it unstored, and caches it', async () => {
    onX('200', 'My flight was cancelled @JetBlue', '7', 'traveler')
    onX('201', 'We are sorry to hear that', '8', 'JetBlue', '200')
    const c = start(env())
    const mention = await fetchedThread(
      c,
      reply('x', '202', '201', 'Still waiting for a rebooking'),
      ['network:My flight was cancelled @JetBlue', 'network:We are sorry to hear that'],
      {
        source: 'x',
        externalId: '201',
        kind: 'reply',
        refId: '200',
        author: { handle: 'JetBlue', name: 'JetBlue name' },
        url: 'https://x.com/JetBlue/status/201',
      },
    )
    const first = x.requests.find((r) => r.path === '/2/tweets')!
    expect(first.query.get('ids')).toBe('201')
    expect(first.query.get('tweet.fields')).toContain('referenced_tweets')
    expect(first.query.get('expansions')).toBe('author_id')
    expect(lookups()).toBe(2)
    // Fetched posts are not stored as mentions.
    expect(c.db.prepare("SELECT count(*) AS n FROM mentions WHERE source = 'x'").get()).toEqual({ n: 1 })

    // Moving away and back within five minutes asks X nothing more; after that it asks again.
    expect(chain(await thread(c, mention!))).toHaveLength(2)
    expect(lookups()).toBe(2)
    clock += 5 * 60_000 + 1
    await thread(c, mention!)
    expect(lookups()).toBe(4)
  })

  it('notes a deleted post (X answers 200 with a not-found error) and does not ask again soon', async () => {
    const c = start(env())
    const [mention] = store(c, reply('x', '301', '300', 'Replying to a deleted post'))
    const t = await thread(c, mention!)
    expect(t.ancestors).toEqual([
      { from: 'missing', externalId: '300', author: null, reason: 'it was deleted or is not public (404)' },
    ])
    await thread(c, mention!)
    expect(lookups()).toBe(1)
  })

  it('notes a rate limit and a failure, and keeps the mention and its archive context', async () => {
    const c = start(env())
    const [limited, failed] = store(
      c,
      reply('x', '401', '400', 'Parent rate-limited'),
      reply('x', '403', '402', 'Parent failing'),
    )
    x.script('tweets.lookup', {
      status: 429,
      body: problems.tooManyRequests(),
      headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.ceil(clock / 1000) + 600) },
    })
    x.script('tweets.lookup', { status: 503, body: problems.serviceUnavailable() })
    expect(chain(await thread(c, limited!))).toEqual(['missing:X rate limit reached (429)'])
    expect(chain(await thread(c, failed!))).toEqual(['missing:X: HTTP 503: Service Unavailable'])
    // The rate limit is remembered until X's reset time: no request meanwhile.
    await thread(c, limited!)
    expect(lookups()).toBe(2)
  })

  it('says why when X is not set up, or the source cannot look posts up', async () => {
    const c = start()
    const [onXOnly, demo] = store(
      c,
      reply('x', '501', '500', 'X reply'),
      mentionInput({ source: 'demo', kind: 'reply', refId: 'gone-1', refAuthor: 'alice', text: 'demo reply' }),
    )
    expect(chain(await thread(c, onXOnly!))).toEqual([
      'missing:X is not set up here (add the app bearer token in Sources)',
    ])
    expect((await thread(c, demo!)).ancestors).toEqual([
      { from: 'missing', externalId: 'gone-1', author: 'alice', reason: 'demo posts exist only in this archive' },
    ])
  })

  it('stops at the limit and says the chain goes on', async () => {
    const c = start(env())
    const ids = store(
      c,
      mentionInput({ source: 'x', externalId: '600', text: 'p0' }),
      ...[1, 2, 3, 4].map((i) => reply('x', `60${i}`, `60${i - 1}`, `p${i}`, i)),
    )
    const t = ok<Thread>(await c.call('mentions.thread', { mentionId: ids.at(-1)!, ancestors: 2 }))
    expect(chain(t)).toEqual(['archive:p2', 'archive:p3'])
    expect(t.truncated).toBe(true)
  })
})

describe('thread: Bluesky', () => {
  const ALICE = 'did:plc:alice000000000000000000'
  const BOB = 'did:plc:bob00000000000000000000'
  let bsky: FakeBluesky
  beforeEach(async () => {
    bsky = await new FakeBluesky().start()
    bsky.addProfile({ did: ALICE, handle: 'alice.bsky.social', displayName: 'Alice' })
    bsky.addProfile({ did: BOB, handle: 'bob.bsky.social' })
  })
  afterEach(() => bsky.close())

  const uriOf = (e: Record<string, unknown>) =>
    `at://${String(e.did)}/app.bsky.feed.post/${(e.commit as { rkey: string }).rkey}`
  const ref = (e: Record<string, unknown>) => ({ uri: uriOf(e), cid: (e.commit as { cid: string }).cid })

  async function configured(): Promise<Core> {
    const c = start()
    ok(await c.call('sources.configure', { source: 'bluesky', config: { service: bsky.serviceUrl } }))
    return c
  }

  it('brings the parent and its parents in one getPostThread call, then from the cache', async () => {
    const root = postEvent(ALICE, 1_000, 'Whole Foods delivery never came')
    bsky.push(root)
    const answer = postEvent(BOB, 2_000, 'Same thing happened to me', { reply: { root: ref(root), parent: ref(root) } })
    bsky.push(answer)
    const c = await configured()
    const input = reply('bluesky', 'at://did:plc:carol/app.bsky.feed.post/3zz', uriOf(answer), 'And me')
    const mention = await fetchedThread(
      c,
      input,
      ['network:Whole Foods delivery never came', 'network:Same thing happened to me'],
      {
        source: 'bluesky',
        externalId: uriOf(answer),
        kind: 'reply',
        refId: uriOf(root),
        author: { handle: 'bob.bsky.social' },
        replyTo: 'alice.bsky.social',
      },
    )
    expect(bsky.threadCalls).toEqual([uriOf(answer)])
    await thread(c, mention!)
    expect(bsky.threadCalls).toHaveLength(1)
  })

  it('notes a deleted post and a failing AppView', async () => {
    const c = await configured()
    const [gone, failing] = store(
      c,
      reply('bluesky', 'at://did:plc:carol/app.bsky.feed.post/a1', `at://${ALICE}/app.bsky.feed.post/deleted1`, 'r1'),
      reply('bluesky', 'at://did:plc:carol/app.bsky.feed.post/a2', `at://${ALICE}/app.bsky.feed.post/other2`, 'r2'),
    )
    expect(chain(await thread(c, gone!))).toEqual(['missing:it was deleted or is not public (404)'])
    bsky.threadAnswer = { status: 502 }
    expect(chain(await thread(c, failing!))).toEqual([expect.stringMatching(/^missing:Bluesky: .*\(502\)$/)])
  })
})

describe('thread: Mastodon', () => {
  let masto: FakeMastodon
  beforeEach(async () => {
    masto = await new FakeMastodon().start()
  })
  afterEach(() => masto.close())

  async function configured(): Promise<Core> {
    const c = start()
    ok(await c.call('sources.configure', { source: 'mastodon', config: { instance: masto.url } }))
    return c
  }

  it("reads a reply's ancestors from its context in one call, then from the cache", async () => {
    masto.status({ id: '100', content: '<p>Is <a href="#">#Ford</a> support open today?</p>', acct: 'dan' })
    masto.status({
      id: '101',
      content: '<p>Yes, until 8 pm</p>',
      acct: 'fordcare@ford.example',
      inReplyTo: { id: '100', accountId: 'acc-dan', acct: 'dan' },
    })
    masto.status({
      id: '102',
      content: '<p>Thanks!</p>',
      acct: 'dan',
      inReplyTo: { id: '101', accountId: 'acc-fordcare@ford.example', acct: 'fordcare@ford.example' },
    })
    const c = await configured()
    const mention = await fetchedThread(
      c,
      reply('mastodon', '102', '101', 'Thanks!'),
      ['network:Is #Ford support open today?', 'network:Yes, until 8 pm'],
      {
        source: 'mastodon',
        externalId: '101',
        refId: '100',
        author: { handle: 'fordcare@ford.example' },
      },
    )
    expect(masto.statusReads).toEqual(['/api/v1/statuses/102/context'])
    await thread(c, mention!)
    expect(masto.statusReads).toHaveLength(1)
  })

  it('notes a parent gone from the instance, and a rate limit', async () => {
    masto.status({ id: '200', content: '<p>Orphan reply</p>', inReplyTo: { id: '199', accountId: 'x', acct: 'x' } })
    const c = await configured()
    const [orphan, limited] = store(
      c,
      reply('mastodon', '200', '199', 'Orphan reply'),
      reply('mastodon', '300', '299', 'Rate limited'),
    )
    expect(chain(await thread(c, orphan!))).toEqual(['missing:it was deleted or is not public (404)'])
    masto.statusReadAnswer = { status: 429, headers: { 'x-ratelimit-reset': new Date(clock + 60_000).toISOString() } }
    expect(chain(await thread(c, limited!))).toEqual([`missing:${masto.host} rate limit reached (429)`])
  })
})

describe('thread: a network that never answers', () => {
  it('gives up after the time limit with a note', async () => {
    const sockets: Socket[] = []
    // Accepts connections and never answers, as a stalled server does.
    const silent = createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as { port: number }
    try {
      const c = start()
      const [mention] = store(c, reply('mastodon', '702', '701', 'Waiting'))
      const instance = `http://127.0.0.1:${port}`
      const service = new ThreadService({
        store: c.store,
        now: () => clock,
        fetcher: () => new MastodonThreadFetcher({ instance, accessToken: undefined, now: () => clock }),
        timeoutMs: 200,
      })
      const t = await service.thread(mention!, 5, 5)
      expect(chain(t)).toEqual(['missing:no answer within 1 s'])
      expect(sockets.length).toBeGreaterThan(0)
    } finally {
      for (const s of sockets) s.destroy()
      await new Promise((resolve) => silent.close(resolve))
    }
  })
})

describe('thread command', () => {
  it('answers a bad payload and an unknown mention with typed errors', async () => {
    const c = start()
    expect(await c.call('mentions.thread', { mentionId: 0 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    expect(await c.call('mentions.thread', { mentionId: 1, ancestors: 99 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    expect(await c.call('mentions.thread', { mentionId: 12345 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})
