// The Mastodon connector and replies against a fake instance on 127.0.0.1:
// hashtag subscriptions following the columns, statuses to mentions (HTML to
// text, content warnings, replies, reblogs, full user@host handles), edits,
// deletes, malformed frames, reconnects with gaps, keyword search polling with
// min_id, and reply payloads (in_reply_to_id, Idempotency-Key, token).
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MastodonConnector } from '../../src/main/core/connectors/mastodon/connector'
import { MastodonReplies } from '../../src/main/core/replies/mastodon'
import { StatusSchema, toMention } from '../../src/main/core/connectors/mastodon/status'
import type { OutgoingReply } from '../../src/main/core/replies/channel'
import type { Mention } from '../../src/shared/domain'
import { connectorContext, type TestContext } from '../connector-context'
import { FakeMastodon } from '../fakes/mastodon/server'

let fake: FakeMastodon
let t: TestContext
let connector: MastodonConnector | undefined

beforeEach(async () => {
  fake = await new FakeMastodon().start()
  t = connectorContext()
})
afterEach(async () => {
  await connector?.stop()
  connector = undefined
  await fake.close()
})

function run(publicStream: 'none' | 'public' | 'public:remote' = 'none', token = fake.token): MastodonConnector {
  connector = new MastodonConnector({
    instance: fake.url,
    accessToken: token,
    publicStream,
    searchMs: 50,
    backoff: { initialMs: 20, maxMs: 100 },
  })
  connector.start(t.ctx)
  return connector
}

describe('Mastodon statuses', () => {
  it('maps the documented hashtag-stream Status', () => {
    const raw = JSON.parse(readFileSync('/work/shared/fixtures/mastodon/example_status_hashtag_update.json', 'utf8'))
    const m = toMention(StatusSchema.parse(raw), 'mastodon.social', Date.now())
    expect(m).toMatchObject({
      source: 'mastodon',
      externalId: '108914430312582020',
      url: 'https://mastodon.social/@trwnh/108914430312582020',
      text: '#test',
      kind: 'post',
      author: { handle: 'trwnh@mastodon.social', name: 'infinite love ⴳ' },
      warning: null,
    })
  })
})

describe('Mastodon connector', () => {
  it('subscribes to the hashtags of the columns and follows column changes', async () => {
    t.setColumns([
      { id: 'a', query: '#comcast OR #xfinity' },
      { id: 'b', query: 'jetblue -#spam' },
    ])
    run('public:remote')
    await vi.waitFor(() =>
      expect(fake.subscriptions()).toEqual(['hashtag#comcast', 'hashtag#xfinity', 'public:remote']),
    )
    const columns = t.setColumns([{ id: 'a', query: '#xfinity OR #Ford' }])
    connector!.columnsChanged(columns)
    await vi.waitFor(() => expect(fake.subscriptions()).toEqual(['hashtag#ford', 'hashtag#xfinity', 'public:remote']))
    expect(fake.subscriptionLog).toContainEqual({ type: 'unsubscribe', stream: 'hashtag', tag: 'comcast' })
  })

  it('emits matching statuses as text with warnings, replies and reblogs', async () => {
    t.setColumns([{ id: 'a', query: '#comcast' }])
    run()
    await vi.waitFor(() => expect(fake.subscriptions()).toEqual(['hashtag#comcast']))
    const tag =
      '<a href="https://mastodon.example/tags/comcast" class="mention hashtag" rel="tag">#<span>comcast</span></a>'
    fake.publish(
      'hashtag',
      'comcast',
      'update',
      fake.status({ id: '101', content: `<p>Internet down again ${tag}</p><p>third day</p>`, spoiler: 'rant' }),
    )
    fake.publish(
      'hashtag',
      'comcast',
      'update',
      fake.status({
        id: '102',
        acct: 'bob@other.social',
        content: `<p><span class="h-card"><a href="https://mastodon.example/@alice" class="u-url mention">@<span>alice</span></a></span> same here ${tag}</p>`,
        inReplyTo: { id: '101', accountId: 'acc-alice', acct: 'alice' },
      }),
    )
    const original = fake.status({ id: '103', content: `<p>Outage map ${tag}</p>` })
    fake.publish(
      'hashtag',
      'comcast',
      'update',
      fake.status({ id: '104', acct: 'carol', content: '', reblogOf: original }),
    )
    fake.publish('hashtag', 'comcast', 'update', fake.status({ id: '105', content: '<p>no tag here</p>' }))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(3))
    const [first, reply, reblog] = t.emitted()
    expect(first).toMatchObject({
      externalId: '101',
      text: 'Internet down again #comcast\n\nthird day',
      warning: 'rant',
      author: { handle: `alice@${fake.host}`, followers: 12 },
    })
    expect(reply).toMatchObject({
      kind: 'reply',
      refId: '101',
      replyTo: `alice@${fake.host}`,
      author: { handle: 'bob@other.social' },
      text: '@alice same here #comcast',
    })
    expect(reblog).toMatchObject({
      kind: 'repost',
      refId: '103',
      text: 'Outage map #comcast',
      refAuthor: `alice@${fake.host}`,
    })
  })

  it('hands deletes and edits to the core, edits whether or not they still match', async () => {
    t.setColumns([{ id: 'a', query: '#comcast' }])
    run()
    await vi.waitFor(() => expect(fake.subscriptions()).toEqual(['hashtag#comcast']))
    const tag =
      '<a href="https://mastodon.example/tags/comcast" class="mention hashtag" rel="tag">#<span>comcast</span></a>'
    fake.publish('hashtag', 'comcast', 'update', fake.status({ id: '201', content: `<p>Outage ${tag}</p>` }))
    fake.publish('hashtag', 'comcast', 'update', fake.status({ id: '202', content: `<p>Down ${tag}</p>` }))
    fake.editStatus('hashtag', 'comcast', '201', `<p>Outage fixed, thanks ${tag}</p>`)
    fake.editStatus('hashtag', 'comcast', '202', '<p>never mind</p>')
    fake.deleteStatus('hashtag', 'comcast', '202')
    await vi.waitFor(() => expect(t.retracted).toEqual(['202']))
    expect(t.emitted().map((m) => m.externalId)).toEqual(['201', '202'])
    expect(t.revised.map((m) => [m.externalId, m.text])).toEqual([
      ['201', 'Outage fixed, thanks #comcast'],
      ['202', 'never mind'],
    ])
    expect(t.revised[0]!.editedAt).toBeGreaterThan(0)
  })

  it('the documented edited Status becomes an edit with its edited_at', async () => {
    t.setColumns([{ id: 'a', query: '#piano' }])
    run('public')
    await vi.waitFor(() => expect(fake.subscriptions()).toEqual(['hashtag#piano', 'public']))
    const edited = readFileSync('/work/shared/fixtures/mastodon/example_status_update_edit.json', 'utf8')
    fake.publish('public', null, 'status.update', edited)
    await vi.waitFor(() => expect(t.revised).toHaveLength(1))
    expect(t.revised[0]).toMatchObject({
      externalId: '109348684737626801',
      editedAt: Date.parse('2022-11-15T16:10:43.000Z'),
    })
    expect(t.revised[0]!.text).toContain('Gravity Assist')
  })

  it('a malformed delete or edit is reported and skipped while the stream stays up', async () => {
    t.setColumns([{ id: 'a', query: '#ford' }])
    run()
    await vi.waitFor(() => expect(fake.subscriptions()).toEqual(['hashtag#ford']))
    fake.publish('hashtag', 'ford', 'delete', '')
    fake.publish('hashtag', 'ford', 'delete', '{"id": "1"}')
    fake.publish('hashtag', 'ford', 'status.update', '{"id": "2"}')
    fake.deleteStatus('hashtag', 'ford', '300')
    await vi.waitFor(() => expect(t.retracted).toEqual(['300']))
    expect(t.revised).toEqual([])
    expect(t.logs.filter((l) => l.includes('malformed'))).toHaveLength(3)
    expect(fake.streamConnections).toBe(1)
  })

  it('reports malformed frames and an unknown stream error, and stays up', async () => {
    t.setColumns([{ id: 'a', query: '#ford' }])
    run()
    await vi.waitFor(() => expect(fake.subscriptions()).toEqual(['hashtag#ford']))
    fake.sendRaw('{{{')
    fake.publish('hashtag', 'ford', 'update', '{"id": 1}')
    fake.sendRaw(JSON.stringify({ error: 'Unknown stream type', status: 400 }))
    fake.publish('hashtag', 'ford', 'update', fake.status({ id: '7', content: '<p>#ford truck</p>' }))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(1))
    expect(t.logs.filter((l) => l.includes('malformed'))).toHaveLength(2)
    expect(t.logs).toContain('streaming error: Unknown stream type')
    expect(fake.streamConnections).toBe(1)
  })

  it('reconnects with backoff after a drop, resubscribes and records the gap', async () => {
    t.setColumns([{ id: 'a', query: '#oreo' }])
    run()
    await vi.waitFor(() => expect(fake.subscriptions()).toEqual(['hashtag#oreo']))
    fake.publish('hashtag', 'oreo', 'update', fake.status({ id: '1', content: '<p>#oreo one</p>' }))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(1))
    fake.dropClients()
    await vi.waitFor(() => expect(fake.streamConnections).toBe(2))
    await vi.waitFor(() => expect(fake.subscriptions()).toEqual(['hashtag#oreo']))
    fake.publish('hashtag', 'oreo', 'update', fake.status({ id: '2', content: '<p>#oreo two</p>' }))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(2))
    expect(t.gaps).toHaveLength(1)
    expect(t.gaps[0]).toMatchObject({
      reason: expect.stringContaining('Mastodon stream lost'),
      endedAt: expect.any(Number),
    })
    expect(t.statuses.some((s) => s.state === 'reconnecting')).toBe(true)
  })

  it('polls search for plain keywords with min_id and emits each status once', async () => {
    t.setColumns([{ id: 'a', query: 'zappos' }])
    fake.status({ id: '300', content: '<p>Zappos shipped fast</p>' })
    fake.status({ id: '301', content: '<p>unrelated</p>' })
    run()
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(1))
    fake.status({ id: '302', content: '<p>zappos return was easy</p>' })
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(2))
    await vi.waitFor(() => expect(fake.searches.length).toBeGreaterThan(3))
    expect(t.emitted().map((m) => m.externalId)).toEqual(['300', '302'])
    expect(fake.searches[0]!.get('q')).toBe('zappos')
    expect(fake.searches[0]!.get('type')).toBe('statuses')
    expect(fake.searches.at(-1)!.get('min_id')).toBe('302')
    expect(t.cursors.get('search zappos')).toBe('302')
  })

  it('shows a failing search in the status while the stream stays up, and clears it', async () => {
    t.setColumns([
      { id: 'a', query: 'zappos' },
      { id: 'b', query: '#ford' },
    ])
    fake.searchStatus = 503
    run()
    await vi.waitFor(() =>
      expect(t.statuses.at(-1)).toMatchObject({
        state: 'connected',
        detail: expect.stringContaining('search failing: HTTP 503'),
      }),
    )
    fake.searchStatus = null
    await vi.waitFor(() => expect(t.statuses.at(-1)!.detail).not.toContain('search failing'))
    expect(fake.streamConnections).toBe(1)
  })

  it('a refused token shows as an error and is retried, never logged', async () => {
    t.setColumns([{ id: 'a', query: '#x' }])
    run('none', 'wrong-token-value')
    await vi.waitFor(() => expect(t.logs.some((l) => l.includes('access token was refused (401)'))).toBe(true))
    await vi.waitFor(() =>
      expect(t.statuses).toContainEqual(
        expect.objectContaining({ state: 'reconnecting', detail: expect.stringContaining('access token was refused') }),
      ),
    )
    expect(t.logs.join('\n')).not.toContain('wrong-token-value')
  })
})

describe('Mastodon replies', () => {
  const mention = {
    id: 1,
    source: 'mastodon',
    externalId: '101',
    url: null,
    author: { handle: 'alice@mastodon.example' },
  } as unknown as Mention
  const outgoing = (key: string): OutgoingReply => ({
    key,
    mode: 'reply',
    text: 'We are on it!',
    mention,
    firstAttemptAt: Date.now(),
  })

  it('posts in_reply_to_id with the outbox key as Idempotency-Key and the bearer token', async () => {
    const replies = new MastodonReplies({ instance: fake.url, accessToken: fake.token, charLimit: 500 })
    const sent = await replies.send(outgoing('outbox-key-0001'))
    expect(fake.posted).toHaveLength(1)
    const { headers, body } = fake.posted[0]!
    expect(headers['idempotency-key']).toBe('outbox-key-0001')
    expect(headers.authorization).toBe(`Bearer ${fake.token}`)
    expect(body).toMatchObject({
      in_reply_to_id: '101',
      status: '@alice@mastodon.example We are on it!',
      visibility: 'public',
    })
    expect(sent.remoteId).toMatch(/^9/)
    expect(replies.policy(mention as Mention)).toMatchObject({
      counting: 'graphemes',
      limit: 500,
      reply: { allowed: true },
    })
  })

  it('a lost response is found, and a resend with the same key posts nothing new', async () => {
    const replies = new MastodonReplies({ instance: fake.url, accessToken: fake.token, charLimit: 500 })
    fake.loseNextPost = true
    await expect(replies.send(outgoing('outbox-key-0002'))).rejects.toMatchObject({ kind: 'lost' })
    const found = await replies.find(outgoing('outbox-key-0002'))
    expect(found).not.toBeNull()
    const again = await replies.send(outgoing('outbox-key-0002'))
    expect(again.remoteId).toBe(found!.remoteId)
    expect(fake.posted).toHaveLength(1)
  })

  it('a bad token is rejected with the instance’s message', async () => {
    const replies = new MastodonReplies({ instance: fake.url, accessToken: 'nope', charLimit: 500 })
    await expect(replies.send(outgoing('outbox-key-0003'))).rejects.toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('401'),
    })
  })
})
