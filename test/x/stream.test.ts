// The filtered-stream reader against the fake X API, with the real
// twitter-api-v2 client: matching_rules -> columns, malformed lines,
// operational disconnects, stalls and the gaps they leave.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { STALL_MS } from '../../src/main/core/connectors/x/stream'
import { FIELD_PARAMS } from '../../src/main/core/connectors/x/payload'
import { startHarness, tweet } from './harness'

type H = Awaited<ReturnType<typeof startHarness>>
let h: H | undefined
afterEach(async () => h?.stop())

const lastStatus = (x: H) => x.t.statuses.at(-1)

async function live(columns: Array<{ id: string; query: string }>) {
  h = await startHarness()
  h.connect(columns)
  await h.fake.nextStream(true)
  await vi.waitFor(() => expect(lastStatus(h!)?.state).toBe('connected'))
  return h
}

describe('X filtered stream', () => {
  it('asks for exactly the fields of the issue and syncs rules before connecting', async () => {
    const x = await live([{ id: 'comcast', query: 'comcast outage' }])
    const req = x.fake.requestsTo('/2/tweets/search/stream')[0]!
    expect(req.query.get('tweet.fields')).toBe(FIELD_PARAMS['tweet.fields'].join(','))
    expect(req.query.get('tweet.fields')).toBe(
      'created_at,lang,author_id,conversation_id,in_reply_to_user_id,referenced_tweets,public_metrics,entities,note_tweet',
    )
    expect(req.query.get('expansions')).toBe('author_id')
    expect(req.query.get('user.fields')).toBe('username,name,public_metrics,verified,profile_image_url')
    expect(x.fake.rules).toEqual([expect.objectContaining({ value: 'comcast outage', tag: 'comcast' })])
    expect(lastStatus(x)).toMatchObject({ state: 'connected', detail: 'Filtered stream, 1 rule' })
  })

  it('emits posts whose matching_rules name a live column, and drops posts of stale rules', async () => {
    const x = await live([
      { id: 'comcast', query: 'comcast' },
      { id: 'jetblue', query: 'jetblue' },
    ])
    const a = tweet('comcast is down again')
    const b = tweet('jetblue lost my bag')
    x.fake.streamPost(a.tweet, a.users, ['comcast'])
    x.fake.streamPost(b.tweet, b.users, ['jetblue'])
    // A rule left behind by another client: its tag names no column here.
    x.fake.stream!.writeLine({ data: tweet('stale').tweet, matching_rules: [{ id: '1', tag: 'gone' }] })
    await vi.waitFor(() => expect(x.t.emitted()).toHaveLength(2))
    const [m1, m2] = x.t.emitted()
    expect(m1).toMatchObject({ source: 'x', externalId: a.tweet.id, text: 'comcast is down again' })
    expect(m1!.author.handle).toBe(a.users[0]!.username)
    expect(m2!.externalId).toBe(b.tweet.id)
  })

  it("carries a long post's whole text from note_tweet, with its links expanded", async () => {
    const x = await live([{ id: 'c', query: 'comcast' }])
    const body = `${'Comcast has been down since Monday and support keeps telling me to restart the router. '.repeat(4)}`
    const link = 'https://t.co/0utage'
    const at = Array.from(body).length
    const long = tweet(`${body}${link}`, {
      created_at: undefined,
      entities: { urls: [{ start: at, end: at + link.length, url: link, expanded_url: 'https://example.com/outage' }] },
    })
    x.fake.streamPost(long.tweet, long.users, ['c'])
    await vi.waitFor(() => expect(x.t.emitted()).toHaveLength(1))
    const sent = JSON.parse(x.fake.stream!.sent.at(-1)!) as { data: { text: string; note_tweet: { text: string } } }
    // X cuts `text` short and puts the whole post in note_tweet, which the stream asked for.
    expect(Array.from(sent.data.text).length).toBeLessThanOrEqual(280)
    expect(sent.data.note_tweet.text).toBe(long.tweet.text)
    expect(x.t.emitted()[0]).toMatchObject({
      text: `${body}https://example.com/outage`,
      // No created_at: the time the snowflake id carries (the harness's ids are of 16 January 2025).
      createdAt: Date.parse('2025-01-16T21:11:43.367Z'),
    })
  })

  it('reports malformed lines and skips them while the stream stays up', async () => {
    const x = await live([{ id: 'c', query: 'comcast' }])
    x.fake.stream!.writeRaw('{"data":{"id":"1","text":"cut off\r\n')
    x.fake.stream!.writeLine({ unexpected: 'shape' })
    const ok = tweet('comcast ok')
    x.fake.streamPost(ok.tweet, ok.users, ['c'])
    await vi.waitFor(() => expect(x.t.emitted()).toHaveLength(1))
    expect(x.t.logs.filter((l) => /skipped/.test(l))).toHaveLength(2)
    expect(x.fake.streamsOpened()).toBe(1)
    expect(lastStatus(x)?.state).toBe('connected')
    expect(x.t.gaps).toEqual([])
  })

  it('handles an operational disconnect: gap opened, reconnect after 250 ms, gap closed by the first keep-alive', async () => {
    const x = await live([{ id: 'c', query: 'comcast' }])
    const opened = x.clock.now()
    x.fake.stream!.operationalDisconnect('UpstreamOperationalDisconnect')
    await vi.waitFor(() => expect(lastStatus(x)?.state).toBe('reconnecting'))
    expect(lastStatus(x)).toMatchObject({ until: opened + 250 })
    expect(lastStatus(x)!.detail).toMatch(/UpstreamOperationalDisconnect/)
    expect(x.t.gaps).toEqual([{ startedAt: opened, endedAt: null, reason: expect.stringMatching(/disconnected/) }])

    const next = x.fake.nextStream()
    x.clock.advance(250)
    const stream = await next
    await vi.waitFor(() => expect(lastStatus(x)?.state).toBe('connected'))
    // Connected is not listening yet: the gap closes when something arrives.
    expect(x.t.gaps[0]!.endedAt).toBeNull()
    x.clock.advance(1_000)
    stream.keepAlive()
    await vi.waitFor(() => expect(x.t.gaps[0]!.endedAt).toBe(opened + 1_250))
  })

  it('treats 30 s without data or keep-alive as a stall and reconnects', async () => {
    const x = await live([{ id: 'c', query: 'comcast' }])
    x.fake.stream!.keepAlive()
    await vi.waitFor(() => expect(x.clock.waiting()).toContain(STALL_MS))
    x.clock.advance(20_000)
    x.fake.stream!.keepAlive()
    // The keep-alive re-arms the watchdog: 30 s from now, not from the start.
    await vi.waitFor(() => expect(x.clock.waiting()).toContain(STALL_MS))
    x.clock.advance(STALL_MS - 1)
    expect(lastStatus(x)?.state).toBe('connected')
    x.clock.advance(1)
    expect(lastStatus(x)).toMatchObject({ state: 'reconnecting', detail: expect.stringMatching(/stalled/) })
    expect(x.t.gaps).toHaveLength(1)
    await vi.waitFor(() => expect(x.fake.stream).toBeUndefined())
    const next = x.fake.nextStream()
    x.clock.advance(250)
    await next
    expect(x.fake.streamsOpened()).toBe(2)
  })

  it('shows X rule-validation errors on the column and streams the others', async () => {
    h = await startHarness({}, (fake) => fake.invalidRules.set('ford', ['Rules must contain a non-negation term']))
    h.connect([
      { id: 'ok', query: 'jetblue' },
      { id: 'bad', query: 'ford' },
    ])
    await h.fake.nextStream(true)
    await vi.waitFor(() => expect(h!.notices.get('bad')).toMatch(/X refused the rule.*non-negation/))
    expect(h.notices.get('ok') ?? null).toBeNull()
    expect(h.fake.rules.map((r) => r.tag)).toEqual(['ok'])
  })

  it('re-syncs rules when columns change, on the live connection', async () => {
    h = await startHarness()
    const connector = h.connect([{ id: 'a', query: 'comcast' }])
    await h.fake.nextStream(true)
    await vi.waitFor(() => expect(lastStatus(h!)?.state).toBe('connected'))
    h.t.setColumns([
      { id: 'a', query: 'comcast' },
      { id: 'b', query: 'jetblue' },
    ])
    connector.columnsChanged()
    h.clock.advance(1_000)
    await vi.waitFor(() => expect(h!.fake.rules.map((r) => r.tag)).toEqual(['a', 'b']))
    expect(h.fake.streamsOpened()).toBe(1)
    const b = tweet('jetblue again')
    h.fake.streamPost(b.tweet, b.users, ['b'])
    await vi.waitFor(() => expect(h!.t.emitted()).toHaveLength(1))
  })
})
