// The Jetstream connector against the fake Jetstream + XRPC server: client-side
// matching, profile resolution, resume across a mid-stream disconnect without
// loss or duplicates, deletes and edits handed to the core, and malformed
// frames skipped while the stream stays up.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { JetstreamConnector, OVERLAP_US, CURSOR_KEY } from '../../src/main/core/connectors/bluesky/connector'
import { profileLookup } from '../../src/main/core/connectors/bluesky'
import { Profiles } from '../../src/main/core/connectors/bluesky/profiles'
import { connectorContext, type TestContext } from '../connector-context'
import { deleteEvent, FakeBluesky, postEvent, updateEvent } from '../fakes/jetstream/server'

const ALICE = 'did:plc:alice000000000000000000'
const BOB = 'did:plc:bob00000000000000000000'
const T0 = 1_779_719_000_000_000

let fake: FakeBluesky
let t: TestContext
let connector: JetstreamConnector

beforeEach(async () => {
  fake = await new FakeBluesky().start()
  fake.addProfile({ did: ALICE, handle: 'alice.bsky.social', displayName: 'Alice A.', followersCount: 42 })
  fake.addProfile({ did: BOB, handle: 'bob.example.com', displayName: 'Bob' })
  t = connectorContext()
})

afterEach(async () => {
  await connector?.stop()
  await fake.close()
})

function startConnector(): void {
  connector = new JetstreamConnector({
    url: fake.jetstreamUrl,
    profiles: new Profiles(profileLookup(fake.serviceUrl)),
    backoff: { initialMs: 20, maxMs: 100 },
    resolveMs: 5,
  })
  connector.start(t.ctx)
}

async function connected(count = 1): Promise<void> {
  await vi.waitFor(() => expect(fake.connections.length).toBe(count))
  await vi.waitFor(() => expect(fake.clientCount).toBe(1))
}

describe('Jetstream connector', () => {
  it('subscribes to posts and emits only what a column matches, with resolved profiles', async () => {
    t.setColumns([{ id: 'c', query: 'comcast' }])
    startConnector()
    await connected()
    expect(fake.connections[0]!.getAll('wantedCollections')).toEqual(['app.bsky.feed.post'])
    fake.push(postEvent(ALICE, T0 + 1, 'My Comcast internet is down again'))
    fake.push(postEvent(BOB, T0 + 2, 'Lovely weather today'))
    fake.push(postEvent(BOB, T0 + 3, 'comcast fixed it', { embed: { $type: 'app.bsky.embed.images', images: [] } }))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(2))
    const [first, second] = t.emitted()
    expect(first).toMatchObject({
      source: 'bluesky',
      externalId: expect.stringMatching(new RegExp(`^at://${ALICE}/app.bsky.feed.post/`)),
      author: { handle: 'alice.bsky.social', name: 'Alice A.', followers: 42 },
      kind: 'post',
      lang: 'en',
      hasMedia: false,
    })
    expect(first!.url).toMatch(/^https:\/\/bsky\.app\/profile\/alice\.bsky\.social\/post\//)
    expect(second).toMatchObject({ author: { handle: 'bob.example.com' }, hasMedia: true })
  })

  it('matches from: a dotted handle before any post by it arrives (resolved up front)', async () => {
    t.setColumns([{ id: 'c', query: 'from:alice.bsky.social' }])
    startConnector()
    await connected()
    await vi.waitFor(() => expect(fake.profileCalls).toBeGreaterThan(0))
    fake.push(postEvent(BOB, T0 + 1, 'not from alice'))
    fake.push(postEvent(ALICE, T0 + 2, 'hello from alice'))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(1))
    expect(t.emitted()[0]!.text).toBe('hello from alice')
  })

  it('takes handles from identity events and falls back to the DID when unknown', async () => {
    t.setColumns([{ id: 'c', query: 'outage' }])
    startConnector()
    await connected()
    const carol = 'did:plc:carol0000000000000000000'
    const dave = 'did:plc:dave00000000000000000000'
    fake.push({
      did: carol,
      time_us: T0,
      kind: 'identity',
      identity: { did: carol, handle: 'carol.test', seq: 1, time: '' },
    })
    fake.push(postEvent(carol, T0 + 1, 'outage here'))
    fake.push(postEvent(dave, T0 + 2, 'outage there'))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(2))
    expect(t.emitted().map((m) => m.author.handle)).toEqual(['carol.test', dave])
  })

  it('resumes from the cursor less an overlap after a mid-stream disconnect, without loss or duplicates', async () => {
    t.setColumns([{ id: 'c', query: 'jetblue' }])
    startConnector()
    await connected()
    for (let i = 0; i < 5; i++) fake.push(postEvent(ALICE, T0 + i * 1_000_000, `jetblue delay ${i}`))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(5))
    fake.dropClients()
    // Posted while the client is away: only the replay can deliver these.
    for (let i = 5; i < 8; i++) fake.push(postEvent(BOB, T0 + i * 1_000_000, `jetblue delay ${i}`))
    await connected(2)
    const cursor = Number(fake.connections[1]!.get('cursor'))
    expect(cursor).toBe(T0 + 4 * 1_000_000 - OVERLAP_US)
    for (let i = 8; i < 10; i++) fake.push(postEvent(ALICE, T0 + i * 1_000_000, `jetblue delay ${i}`))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(10))
    const texts = t.emitted().map((m) => m.text)
    expect(new Set(texts).size).toBe(10)
    expect(texts.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `jetblue delay ${i}`).sort())
    expect(t.gaps).toHaveLength(1)
    expect(t.gaps[0]!.endedAt).not.toBeNull()
    expect(t.statuses.some((s) => s.state === 'reconnecting' && s.until !== null)).toBe(true)
    expect(t.statuses.at(-1)).toMatchObject({ state: 'connected', detail: expect.stringContaining('resumed') })
    await connector.stop()
    expect(Number(t.cursors.get(CURSOR_KEY))).toBe(T0 + 9 * 1_000_000)
  })

  it('reports malformed frames and skips them while the stream stays up', async () => {
    t.setColumns([{ id: 'c', query: 'ford' }])
    startConnector()
    await connected()
    fake.sendRaw('this is not json')
    fake.sendRaw(JSON.stringify({ kind: 'commit', did: ALICE }))
    fake.push({
      ...postEvent(ALICE, T0 + 1, 'x'),
      commit: { operation: 'create', collection: 'app.bsky.feed.post', rkey: 'a', record: { text: 7 } },
    })
    fake.push(postEvent(ALICE, T0 + 2, 'new ford truck'))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(1))
    expect(t.logs.filter((l) => l.includes('malformed'))).toHaveLength(3)
    expect(t.statuses.some((s) => s.detail.includes('1 malformed event skipped'))).toBe(true)
    expect(fake.connections).toHaveLength(1)
  })

  it('hands deletes and edits of posts to the core, edits whether or not they still match', async () => {
    t.setColumns([{ id: 'c', query: 'ford' }])
    startConnector()
    await connected()
    const post = postEvent(ALICE, T0 + 1, 'my ford truck broke')
    fake.push(post)
    const uri = `at://${ALICE}/app.bsky.feed.post/${(post.commit as { rkey: string }).rkey}`
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(1))
    fake.push(updateEvent(post, T0 + 2, 'my truck is fine now'))
    fake.push(deleteEvent(post, T0 + 3))
    // A delete of another collection (from the golden file) is not a post's.
    fake.push({
      ...deleteEvent(post, T0 + 4),
      commit: { operation: 'delete', collection: 'app.bsky.feed.like', rkey: 'x' },
    })
    await vi.waitFor(() => expect(t.retracted).toEqual([uri]))
    expect(t.emitted().map((m) => m.externalId)).toEqual([uri])
    expect(t.revised).toHaveLength(1)
    expect(t.revised[0]).toMatchObject({
      externalId: uri,
      text: 'my truck is fine now',
      editedAt: Math.floor(T0 / 1000),
    })
  })

  it('a post deleted while its author is looked up never goes on', async () => {
    t.setColumns([{ id: 'c', query: 'jetblue' }])
    startConnector()
    await connected()
    let open!: () => void
    fake.profilesGate = new Promise((resolve) => (open = resolve))
    const carol = 'did:plc:carol0000000000000000000'
    const post = postEvent(carol, T0 + 1, 'jetblue lost my bag')
    fake.push(post)
    await vi.waitFor(() => expect(fake.profileCalls).toBe(1))
    fake.push(deleteEvent(post, T0 + 2))
    await vi.waitFor(() => expect(t.retracted).toHaveLength(1))
    open()
    fake.push(postEvent(ALICE, T0 + 3, 'jetblue found it'))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(1))
    expect(t.emitted()[0]!.text).toBe('jetblue found it')
  })

  it('a malformed delete or edit is reported and skipped while the stream stays up', async () => {
    t.setColumns([{ id: 'c', query: 'ford' }])
    startConnector()
    await connected()
    const post = postEvent(ALICE, T0 + 1, 'ford')
    fake.push({ ...deleteEvent(post, T0 + 2), commit: { operation: 'delete', collection: 'app.bsky.feed.post' } })
    fake.push({
      ...updateEvent(post, T0 + 3, 'ford'),
      commit: { operation: 'update', collection: 'app.bsky.feed.post', rkey: 'a' },
    })
    fake.push(deleteEvent(post, T0 + 4))
    await vi.waitFor(() => expect(t.retracted).toHaveLength(1))
    expect(t.revised).toEqual([])
    expect(t.logs.filter((l) => l.includes('malformed'))).toHaveLength(2)
    expect(fake.connections).toHaveLength(1)
  })

  it('reads the golden Jetstream events: posts only, replies linked to their parent', async () => {
    t.setColumns([{ id: 'c', query: 'rsv' }])
    startConnector()
    await connected()
    const golden = readFileSync('/work/shared/fixtures/bluesky-jetstream/golden_v1.jsonl', 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
    for (const line of golden) fake.push(JSON.parse(line) as Record<string, unknown>)
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(1))
    expect(t.emitted()[0]).toMatchObject({
      kind: 'reply',
      text: 'Try RSV for a good time !!',
      refId: 'at://did:plc:j76trmiofvaxxpvx2vnb2vwf/app.bsky.feed.post/3mmojbrjwbs26',
      replyTo: 'did:plc:j76trmiofvaxxpvx2vnb2vwf',
    })
  })
})
