// "Show in context": the mentions from the same source within ten minutes
// either side of a chosen one, newest first. Pages are fetched until the
// chosen mention is among them (so it can be highlighted), up to a cap;
// older ones after it come with "Load more".
import { useEffect, useState } from 'react'
import type { SearchCursor, SearchPage } from '../../../shared/contract'
import type { Mention } from '../../../shared/domain'
import { errorLine } from '../lib/errors'
import { searchMentions } from '../state/search'
import { createLatest } from '../lib/latest'
import { appendPage, contextRequest } from '../lib/search'

const PAGE = 200
const MAX_PAGES_TO_FIND = 10

interface ContextState {
  forId: number | null
  status: 'loading' | 'ready' | 'error'
  items: Mention[]
  next: SearchCursor | null
  error: string | null
  loadingMore: boolean
}

export function useMentionContext(chosen: Mention) {
  const [state, setState] = useState<ContextState>({
    forId: null,
    status: 'loading',
    items: [],
    next: null,
    error: null,
    loadingMore: false,
  })
  const [latest] = useState(createLatest)
  const request = contextRequest(chosen)
  const { since, until, query } = request

  useEffect(() => {
    const ticket = latest.next()
    const forId = chosen.id
    const req = { query, since, until, order: 'newest' as const, limit: PAGE }
    const run = async (): Promise<void> => {
      let items: Mention[] = []
      let next: SearchCursor | null = null
      for (let i = 0; i < MAX_PAGES_TO_FIND; i++) {
        const page: SearchPage = await searchMentions({ ...req, after: next })
        if (!latest.isCurrent(ticket)) return
        items = appendPage(items, page.items)
        next = page.next
        if (next === null || items.some((m) => m.id === forId)) break
      }
      setState({ forId, status: 'ready', items, next, error: null, loadingMore: false })
    }
    run().catch((err: unknown) => {
      if (latest.isCurrent(ticket))
        setState({ forId, status: 'error', items: [], next: null, error: errorLine(err), loadingMore: false })
    })
    return () => latest.invalidate()
  }, [chosen.id, query, since, until, latest])

  const loadMore = (): void => {
    if (state.next === null || state.loadingMore || state.forId !== chosen.id) return
    const ticket = latest.next()
    setState((s) => ({ ...s, loadingMore: true }))
    searchMentions({ ...request, after: state.next, limit: PAGE }).then(
      (page) => {
        if (latest.isCurrent(ticket))
          setState((s) => ({ ...s, items: appendPage(s.items, page.items), next: page.next, loadingMore: false }))
      },
      (err: unknown) => {
        if (latest.isCurrent(ticket)) setState((s) => ({ ...s, loadingMore: false, error: errorLine(err) }))
      },
    )
  }

  const fresh = state.forId === chosen.id
  return { ...state, status: fresh ? state.status : ('loading' as const), items: fresh ? state.items : [], loadMore }
}
