// "Show in context" beside the search results: every mention from the same
// source within ten minutes of the chosen one, newest first, the chosen one
// highlighted and scrolled into view.
import { useEffect, useRef } from 'react'
import type { Mention } from '../../../../shared/domain'
import { useMentionContext } from '../../hooks/useMentionContext'
import { formatTimestamp } from '../../lib/relativeTime'
import { MentionCard } from '../deck/MentionCard'

const NO_PHRASES: readonly (readonly string[])[] = []

export function ContextPane({ mention, onClose }: { mention: Mention; onClose: () => void }) {
  const ctx = useMentionContext(mention)
  const chosenRef = useRef<HTMLLIElement>(null)
  const found = ctx.items.some((m) => m.id === mention.id)

  useEffect(() => {
    if (ctx.status === 'ready') chosenRef.current?.scrollIntoView({ block: 'center' })
  }, [ctx.status])

  return (
    <section className="search-context" aria-label="Mention in context">
      <header className="search-context-head">
        <p>
          <strong>In context</strong> · {mention.source} · 10 minutes either side of{' '}
          {formatTimestamp(mention.createdAt)}
        </p>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Close context
        </button>
      </header>
      {ctx.status === 'loading' && <p className="search-summary">Loading…</p>}
      {ctx.status === 'error' && <p className="search-summary field-hint--warn">{ctx.error}</p>}
      {ctx.status === 'ready' && !found && (
        <p className="search-summary">The chosen mention is further down; load more to reach it.</p>
      )}
      <ol className="search-list">
        {ctx.items.map((m) =>
          m.id === mention.id ? (
            <li key={m.id} ref={chosenRef} className="search-item is-chosen" aria-current="true">
              <MentionCard mention={m} phrases={NO_PHRASES} />
            </li>
          ) : (
            <li key={m.id} className="search-item">
              <MentionCard mention={m} phrases={NO_PHRASES} />
            </li>
          ),
        )}
      </ol>
      {ctx.next !== null && (
        <button type="button" className="btn search-more" disabled={ctx.loadingMore} onClick={ctx.loadMore}>
          {ctx.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  )
}
