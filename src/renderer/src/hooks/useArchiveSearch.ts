// Archive search results for one request (query, date range, order): the
// first page when the request changes, more pages on demand through the
// cursor. Replies to a request since replaced are dropped.
import { useEffect, useState } from 'react'
import type { SEARCH_ORDERS, SearchCursor } from '../../../shared/contract'
import type { Mention } from '../../../shared/domain'
import { errorLine } from '../lib/errors'
import { searchMentions } from '../state/search'
import { createLatest } from '../lib/latest'
import { appendPage } from '../lib/search'

export type SearchOrder = (typeof SEARCH_ORDERS)[number]

export interface SearchRequest {
  query: string
  since: number | null
  until: number | null
  order: SearchOrder
}

export interface SearchResults {
  /** The request these results answer (null before the first reply). */
  key: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  items: Mention[]
  next: SearchCursor | null
  loadingMore: boolean
  error: string | null
}

const IDLE: SearchResults = { key: null, status: 'idle', items: [], next: null, loadingMore: false, error: null }

export function useArchiveSearch(request: SearchRequest | null, limit = 50) {
  const [results, setResults] = useState<SearchResults>(IDLE)
  const [latest] = useState(createLatest)
  const key = request === null ? null : JSON.stringify(request)

  const fetchPage = (req: SearchRequest, after: SearchCursor | null) => searchMentions({ ...req, after, limit })

  useEffect(() => {
    const ticket = latest.next()
    if (key === null) return
    const req = JSON.parse(key) as SearchRequest
    searchMentions({ ...req, after: null, limit }).then(
      (page) => {
        if (latest.isCurrent(ticket))
          setResults({ key, status: 'ready', items: page.items, next: page.next, loadingMore: false, error: null })
      },
      (err: unknown) => {
        if (latest.isCurrent(ticket)) setResults({ ...IDLE, key, status: 'error', error: errorLine(err) })
      },
    )
    return () => latest.invalidate()
  }, [key, limit, latest])

  const loadMore = (): void => {
    if (request === null || results.next === null || results.loadingMore || results.key !== key) return
    const ticket = latest.next()
    setResults((r) => ({ ...r, loadingMore: true }))
    fetchPage(request, results.next).then(
      (page) => {
        if (!latest.isCurrent(ticket)) return
        setResults((r) => ({ ...r, items: appendPage(r.items, page.items), next: page.next, loadingMore: false }))
      },
      (err: unknown) => {
        if (latest.isCurrent(ticket)) setResults((r) => ({ ...r, loadingMore: false, error: errorLine(err) }))
      },
    )
  }

  // A new request shows the previous results (marked stale) until its first page arrives.
  if (key === null) return { ...IDLE, stale: false, loadMore }
  if (results.key !== key) return { ...results, status: 'loading' as const, error: null, stale: true, loadMore }
  return { ...results, stale: false, loadMore }
}
