// The non-card rows of a column's list: the empty / loading / failed state
// when there is nothing to show, and the footer under the cards (loading
// older, end of the archive, paging error).
import { highlightPhrases } from '../../../../shared/query/highlights'

function describeQuery(query: string): string {
  const phrases = highlightPhrases(query)
  if (phrases.length === 0) return query.trim()
  return phrases.map((p) => (p.length > 1 ? `“${p.join(' ')}”` : (p[0] ?? ''))).join(', ')
}

interface FeedEmptyProps {
  loaded: boolean
  error: string | null
  query: string
  onRetry: () => void
}

export function FeedEmpty({ loaded, error, query, onRetry }: FeedEmptyProps) {
  if (error !== null) {
    return (
      <div className="feed-empty" role="alert">
        <p>Could not load mentions.</p>
        <p className="feed-empty-detail">{error}</p>
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Retry
        </button>
      </div>
    )
  }
  if (!loaded) {
    return (
      <div className="feed-empty">
        <span className="banner-spinner" aria-hidden="true" />
        <p>Loading mentions…</p>
      </div>
    )
  }
  const terms = describeQuery(query)
  return (
    <div className="feed-empty">
      <span className="feed-empty-icon" aria-hidden="true" />
      {terms === '' ? (
        <p>This column has no keywords yet. Edit its keywords to start listening.</p>
      ) : (
        <>
          <p>Waiting for mentions matching</p>
          <p className="feed-empty-terms">{terms}</p>
        </>
      )}
    </div>
  )
}

interface FeedFooterProps {
  loadingOlder: boolean
  error: string | null
  end: boolean
  onRetry: () => void
}

export function FeedFooter({ loadingOlder, error, end, onRetry }: FeedFooterProps) {
  if (loadingOlder) {
    return (
      <div className="feed-footer" role="status">
        <span className="banner-spinner" aria-hidden="true" /> Loading older mentions…
      </div>
    )
  }
  if (error !== null) {
    return (
      <div className="feed-footer feed-footer--error" role="alert">
        Could not load older mentions: {error}{' '}
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Retry
        </button>
      </div>
    )
  }
  if (end) return <div className="feed-footer">No more mentions</div>
  return <div className="feed-footer" aria-hidden="true" />
}
