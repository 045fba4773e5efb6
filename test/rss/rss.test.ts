// The RSS/Atom connector against fake feeds on 127.0.0.1: parsing both
// formats with HTML summaries as text, GUID dedupe across feeds, conditional
// requests answered 304, and a malformed feed reported while the others go on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RssConnector, type PolledFeed } from '../../src/main/core/connectors/rss/connector'
import { parseFeed } from '../../src/main/core/connectors/rss/parse'
import { connectorContext, type TestContext } from '../connector-context'
import { FakeFeeds, atom, rss2 } from '../fakes/feeds/server'

let feeds: FakeFeeds
let t: TestContext
let connector: RssConnector | undefined

beforeEach(async () => {
  feeds = await new FakeFeeds().start()
  t = connectorContext()
  t.setColumns([{ id: 'c', query: 'comcast OR xfinity' }])
})
afterEach(async () => {
  await connector?.stop()
  connector = undefined
  await feeds.close()
})

function run(list: Array<Partial<PolledFeed> & { url: string }>): RssConnector {
  connector = new RssConnector({
    feeds: list.map((f) => ({ intervalMs: 40, title: null, ...f })),
    backoff: { initialMs: 40, maxMs: 80 },
  })
  connector.start(t.ctx)
  return connector
}

const NEWS = rss2('Outage news', [
  {
    guid: 'tag:news.example.com,2026:1',
    title: 'Comcast outage hits Denver',
    link: 'https://news.example.com/1',
    description:
      '<p>Thousands of <b>Xfinity</b> customers lost service. <a href="https://status.example.com/x">Status page</a></p>',
    pubDate: 'Mon, 23 Nov 2026 09:00:00 GMT',
  },
  {
    guid: 'tag:news.example.com,2026:2',
    title: 'Local bakery opens',
    link: 'https://news.example.com/2',
    description: 'Bread.',
  },
])

describe('feed parsing', () => {
  it('reads RSS 2.0 and Atom, HTML to text, titles kept apart', () => {
    const rss = parseFeed(NEWS)
    expect(rss.title).toBe('Outage news')
    expect(rss.items[0]).toMatchObject({ id: 'tag:news.example.com,2026:1', title: 'Comcast outage hits Denver' })
    const a = parseFeed(
      atom('Reviews', [
        {
          id: 'urn:r1',
          title: 'Xfinity review',
          link: 'https://reviews.example.org/r1',
          html: '<p>Slow &amp; pricey</p>',
          updated: '2026-11-20T10:00:00Z',
        },
      ]),
    )
    expect(a.items[0]).toMatchObject({
      id: 'urn:r1',
      link: 'https://reviews.example.org/r1',
      author: 'Critic',
      published: Date.parse('2026-11-20T10:00:00Z'),
    })
  })

  it('rejects what is not a feed with a clear message', () => {
    expect(() => parseFeed('<rss><channel><item></rss>')).toThrow(/malformed XML at line 1/)
    expect(() => parseFeed('<html><body>hi</body></html>')).toThrow('not an RSS or Atom feed')
  })
})

describe('RSS connector', () => {
  it('emits matching items as text with their title, and the same GUID in two feeds once', async () => {
    feeds.set('/news.xml', { body: NEWS })
    feeds.set('/mirror.xml', { body: NEWS })
    run([{ url: feeds.url('/news.xml'), title: 'News' }, { url: feeds.url('/mirror.xml') }])
    await vi.waitFor(() => expect(feeds.requestsFor('/mirror.xml').length).toBeGreaterThan(1))
    expect(t.emitted()).toHaveLength(1)
    const m = t.emitted()[0]!
    expect(m).toMatchObject({
      source: 'rss',
      externalId: 'tag:news.example.com,2026:1',
      url: 'https://news.example.com/1',
      title: 'Comcast outage hits Denver',
      createdAt: Date.parse('Mon, 23 Nov 2026 09:00:00 GMT'),
      author: { handle: 'news.example.com', name: 'Reporter' },
    })
    expect(m.text).toBe(
      'Comcast outage hits Denver\n\nThousands of Xfinity customers lost service. Status page (https://status.example.com/x)',
    )
    expect(t.statuses.at(-1)).toMatchObject({ state: 'connected', detail: '2 feeds polled' })
  })

  it('sends its validators and takes a 304 as nothing new', async () => {
    feeds.set('/etag.xml', { body: NEWS })
    feeds.set('/lm.xml', {
      body: NEWS.replaceAll('news.example.com,2026', 'lm'),
      etag: false,
      lastModified: 'Mon, 23 Nov 2026 08:00:00 GMT',
    })
    const c = run([{ url: feeds.url('/etag.xml') }, { url: feeds.url('/lm.xml') }])
    await vi.waitFor(() => expect(c.feedStates().every((s) => s.notModified >= 2)).toBe(true))
    const etag = feeds.requestsFor('/etag.xml')
    expect(etag[0]!.status).toBe(200)
    expect(etag[0]!.headers['if-none-match']).toBeUndefined()
    expect(etag[1]).toMatchObject({ status: 304, headers: { 'if-none-match': expect.stringMatching(/^".+"$/) } })
    expect(feeds.requestsFor('/lm.xml')[1]).toMatchObject({
      status: 304,
      headers: { 'if-modified-since': 'Mon, 23 Nov 2026 08:00:00 GMT' },
    })
    expect(
      t
        .emitted()
        .map((m) => m.externalId)
        .sort(),
    ).toEqual(['tag:lm:1', 'tag:news.example.com,2026:1'])
    // A changed feed is fetched in full again.
    feeds.set('/etag.xml', { body: NEWS.replace('Local bakery opens', 'Comcast bakery opens') })
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(3))
  })

  it('reports a malformed feed and keeps polling it and the others', async () => {
    feeds.set('/good.xml', { body: NEWS })
    feeds.set('/bad.xml', { body: '<rss><channel><item><title>broken' })
    feeds.set('/down.xml', { body: '', status: 503 })
    const c = run([
      { url: feeds.url('/good.xml') },
      { url: feeds.url('/bad.xml'), title: 'Broken feed' },
      { url: feeds.url('/down.xml') },
    ])
    await vi.waitFor(() => expect(feeds.requestsFor('/bad.xml').length).toBeGreaterThan(2))
    expect(t.emitted()).toHaveLength(1)
    const status = t.statuses.at(-1)!
    expect(status.state).toBe('connected')
    expect(status.detail).toContain('1 of 3 feeds OK')
    expect(status.detail).toMatch(/Broken feed: malformed feed: malformed XML at line 1/)
    expect(status.detail).toContain('HTTP 503')
    expect(t.gaps).toHaveLength(1)
    expect(t.gaps[0]!.reason).toContain('down.xml')
    // Fixed feeds recover: their items arrive, the status clears and the gap closes.
    feeds.set('/bad.xml', {
      body: rss2('Fixed', [{ guid: 'g-fixed', title: 'xfinity fixed', link: 'https://x.example/f', description: '' }]),
    })
    feeds.set('/down.xml', { body: rss2('Up', []) })
    await vi.waitFor(() => expect(c.feedStates().every((s) => s.error === null)).toBe(true))
    await vi.waitFor(() => expect(t.emitted()).toHaveLength(2))
    expect(t.gaps[0]!.endedAt).not.toBeNull()
    expect(t.statuses.at(-1)).toMatchObject({ state: 'connected', detail: '3 feeds polled' })
  })
})
