// A fake of Algolia's Hacker News search API on 127.0.0.1: GET
// /api/v1/search_by_date with `query` (every word must appear, case-folded, in
// a title, story text, comment text or URL, as Algolia's matching roughly
// does), `tags` (story, comment or "(story,comment)"), `numericFilters`
// (created_at_i>=N or >N), `hitsPerPage` and `page`; newest first; the
// documented page envelope. Scriptable: answer the next requests with a
// status (429 with Retry-After), read the requests it got.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HnHit } from '../../../src/main/core/connectors/hackernews/connector'

export class FakeHackerNews {
  readonly requests: URL[] = []
  private items: HnHit[] = []
  private failures: Array<{ status: number; headers?: Record<string, string> }> = []
  private server: Server

  constructor() {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x')
      this.requests.push(url)
      const failure = this.failures.shift()
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers })
        return res.end(JSON.stringify({ message: 'Too many requests', status: failure.status }))
      }
      if (url.pathname !== '/api/v1/search_by_date') {
        res.writeHead(404, { 'content-type': 'application/json' })
        return res.end('{"message":"not found"}')
      }
      const words = (url.searchParams.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean)
      const tags = (url.searchParams.get('tags') ?? '').replace(/[()]/g, '').split(',').filter(Boolean)
      const filter = /^created_at_i(>=|>)(\d+)$/.exec(url.searchParams.get('numericFilters') ?? '')
      const perPage = Number(url.searchParams.get('hitsPerPage') ?? 20)
      const page = Number(url.searchParams.get('page') ?? 0)
      const matched = this.items
        .filter((h) => {
          const hay = [h.title, h.story_text, h.comment_text, h.url].join(' ').toLowerCase()
          return words.every((w) => hay.includes(w))
        })
        .filter((h) => tags.length === 0 || tags.some((t) => h._tags?.includes(t)))
        .filter((h) => !filter || (filter[1] === '>=' ? h.created_at_i >= +filter[2]! : h.created_at_i > +filter[2]!))
        .sort((a, b) => b.created_at_i - a.created_at_i)
      const hits = matched.slice(page * perPage, (page + 1) * perPage)
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end(
        JSON.stringify({
          hits: hits.map((h) => ({ ...h, created_at: new Date(h.created_at_i * 1000).toISOString() })),
          nbHits: matched.length,
          page,
          nbPages: Math.ceil(matched.length / perPage),
          hitsPerPage: perPage,
          exhaustiveNbHits: true,
          query: words.join(' '),
          params: url.search.slice(1),
          processingTimeMS: 1,
        }),
      )
    })
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    return this
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  add(...items: HnHit[]): void {
    this.items.push(...items)
  }

  /** The next request(s) get this status instead of an answer. */
  fail(status: number, headers?: Record<string, string>, times = 1): void {
    for (let i = 0; i < times; i++) this.failures.push({ status, ...(headers ? { headers } : {}) })
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()))
  }
}

export function story(id: number, at: number, title: string, extra: Partial<HnHit> = {}): HnHit {
  return {
    objectID: String(id),
    created_at_i: at,
    author: 'pg',
    title,
    url: `https://example.com/${id}`,
    story_text: null,
    comment_text: null,
    _tags: ['story', `author_pg`, `story_${id}`],
    ...extra,
  }
}

export function comment(id: number, at: number, html: string, storyTitle: string): HnHit {
  return {
    objectID: String(id),
    created_at_i: at,
    author: 'dang',
    comment_text: html,
    story_title: storyTitle,
    story_id: 1,
    parent_id: 1,
    _tags: ['comment', 'author_dang', 'story_1'],
  }
}
