// A fake of Apple's customer-reviews feed on 127.0.0.1:
// /<country>/rss/customerreviews/page=<n>/id=<app>/sortby=mostrecent/json,
// the JSON shape Apple serves (label objects, `im:` fields, 50 reviews a
// page, newest first, an object instead of a list for one review, no `entry`
// for none). Scriptable: a status for the next answers, a malformed body.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeReview {
  id: string
  updated: string
  rating: number
  title: string
  content: string
  author: string
}

export class FakeAppStore {
  readonly requests: string[] = []
  private reviews = new Map<string, FakeReview[]>()
  private failures: Array<{ status: number; body?: string; headers?: Record<string, string> }> = []
  private server: Server

  constructor() {
    this.server = createServer((req, res) => {
      const path = req.url ?? '/'
      this.requests.push(path)
      const failure = this.failures.shift()
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers })
        return res.end(failure.body ?? '')
      }
      const m = /^\/([a-z]{2})\/rss\/customerreviews\/page=(\d+)\/id=(\d+)\/sortby=mostrecent\/json$/.exec(path)
      if (!m) {
        res.writeHead(404)
        return res.end()
      }
      const [, country, pageText, appId] = m
      const page = Number(pageText)
      const all = [...(this.reviews.get(`${appId}/${country}`) ?? [])].sort((a, b) =>
        b.updated.localeCompare(a.updated),
      )
      const slice = all.slice((page - 1) * 50, page * 50)
      const entries = slice.map((r) => ({
        author: {
          uri: { label: `https://itunes.apple.com/${country}/reviews/id${r.id}9` },
          name: { label: r.author },
          label: '',
        },
        updated: { label: r.updated },
        'im:rating': { label: String(r.rating) },
        'im:version': { label: '5.2.1' },
        id: { label: r.id },
        title: { label: r.title },
        content: { label: r.content, attributes: { type: 'text' } },
        link: {
          attributes: {
            rel: 'related',
            href: `https://itunes.apple.com/${country}/review?id=${appId}&type=Purple%20Software`,
          },
        },
        'im:voteSum': { label: '0' },
        'im:contentType': { attributes: { term: 'Application', label: 'Application' } },
        'im:voteCount': { label: '0' },
      }))
      const feed: Record<string, unknown> = {
        author: { name: { label: 'iTunes Store' }, uri: { label: 'http://www.apple.com/itunes/' } },
        updated: { label: new Date().toISOString() },
        rights: { label: 'Copyright 2008 Apple Inc.' },
        title: { label: 'iTunes Store: Customer Reviews' },
        icon: { label: 'http://itunes.apple.com/favicon.ico' },
        link: [
          {
            attributes: {
              rel: 'alternate',
              type: 'text/html',
              href: `https://apps.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc=${country}&id=1`,
            },
          },
        ],
        id: {
          label: `https://mzstoreservices-int-st.itunes.apple.com/${country}/rss/customerreviews/page=${page}/id=${appId}/sortby=mostrecent/json`,
        },
      }
      if (entries.length === 1) feed.entry = entries[0]
      else if (entries.length > 1) feed.entry = entries
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ feed }))
    })
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r))
    return this
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  add(appId: string, country: string, ...reviews: FakeReview[]): void {
    const key = `${appId}/${country}`
    this.reviews.set(key, [...(this.reviews.get(key) ?? []), ...reviews])
  }

  fail(status: number, body?: string, headers?: Record<string, string>): void {
    this.failures.push({ status, ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) })
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()))
  }
}

/** A review posted `minutesAgo` minutes ago, with Apple's time format (an offset, no milliseconds). */
export function review(id: string, minutesAgo: number, rating: number, title: string, content: string): FakeReview {
  const at = new Date(Date.now() - minutesAgo * 60_000)
  const iso = at.toISOString().replace(/\.\d{3}Z$/, '-00:00')
  return { id, updated: iso, rating, title, content, author: `reviewer${id}` }
}
