// A fake web of feeds for tests: serves RSS/Atom (or anything) per path on
// 127.0.0.1, port 0, with ETag and Last-Modified validators and 304 answers to
// conditional requests, as a careful web server would. Scriptable: replace a
// feed's body, make a path fail with a status, read the requests it got.
import { createHash } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FeedRoute {
  body: string
  contentType?: string
  /** Send an ETag (default true). */
  etag?: boolean
  /** Send this Last-Modified. */
  lastModified?: string
  /** Answer with this status instead (no body). */
  status?: number
}

export interface SeenRequest {
  path: string
  headers: IncomingHttpHeaders
  status: number
}

export class FakeFeeds {
  readonly requests: SeenRequest[] = []
  private routes = new Map<string, FeedRoute>()
  private server: Server

  constructor() {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      const route = this.routes.get(path)
      const answer = (status: number, headers: Record<string, string> = {}, body = '') => {
        this.requests.push({ path, headers: req.headers, status })
        res.writeHead(status, headers)
        res.end(body)
      }
      if (!route) return answer(404, { 'content-type': 'text/plain' }, 'not found')
      if (route.status) return answer(route.status, { 'content-type': 'text/plain' }, 'failing on purpose')
      const etag = route.etag === false ? null : `"${createHash('sha1').update(route.body).digest('hex').slice(0, 16)}"`
      const validators: Record<string, string> = {}
      if (etag) validators.etag = etag
      if (route.lastModified) validators['last-modified'] = route.lastModified
      const inm = req.headers['if-none-match']
      const ims = req.headers['if-modified-since']
      // RFC 9110: If-None-Match wins over If-Modified-Since when both are sent.
      const fresh =
        inm !== undefined
          ? etag !== null && inm.split(',').some((t) => t.trim() === etag)
          : ims !== undefined && route.lastModified !== undefined && Date.parse(ims) >= Date.parse(route.lastModified)
      if (fresh) return answer(304, validators)
      answer(
        200,
        { 'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8', ...validators },
        route.body,
      )
    })
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    return this
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`
  }

  set(path: string, route: FeedRoute): void {
    this.routes.set(path, route)
  }

  requestsFor(path: string): SeenRequest[] {
    return this.requests.filter((r) => r.path === path)
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

export interface TestItem {
  guid?: string
  title: string
  link: string
  description: string
  pubDate?: string
}

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

export function rss2(title: string, items: TestItem[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${esc(title)}</title><link>https://news.example.com/</link><description>test</description>
${items
  .map(
    (
      i,
    ) => `<item><title>${esc(i.title)}</title><link>${esc(i.link)}</link>${i.guid ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}
<description>${esc(i.description)}</description>${i.pubDate ? `<pubDate>${i.pubDate}</pubDate>` : ''}<dc:creator>Reporter</dc:creator></item>`,
  )
  .join('\n')}
</channel></rss>`
}

export function atom(
  title: string,
  entries: Array<{ id: string; title: string; link: string; html: string; updated: string }>,
): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><link href="https://reviews.example.org/"/>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id><updated>2026-11-01T00:00:00Z</updated>
${entries
  .map(
    (
      e,
    ) => `<entry><title type="html">${esc(e.title)}</title><link rel="alternate" href="${esc(e.link)}"/><id>${esc(e.id)}</id>
<updated>${e.updated}</updated><author><name>Critic</name></author><content type="html">${esc(e.html)}</content></entry>`,
  )
  .join('\n')}
</feed>`
}
