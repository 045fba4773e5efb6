// Archive search: a query (validated live, like the column editor), an
// optional date range and an order; results as mention cards, paged with
// the cursor, each with "Show in context" (ContextPane beside the results),
// and "Export results…" (the export dialog over the search).
// Opened from the top bar or with "/"; Escape closes.
import { useId, useState } from 'react'
import type { Mention } from '../../../../shared/domain'
import { useCheckedQuery } from '../../hooks/useCheckedQuery'
import { useArchiveSearch, type SearchOrder, type SearchRequest } from '../../hooks/useArchiveSearch'
import { useColumnPhrases } from '../../hooks/useColumnPhrases'
import { rangeFromInputs } from '../../lib/dateInput'
import { formatExact } from '../../lib/format'
import { shownCheck, validQuery } from '../../lib/queryCheck'
import { ContextPane } from './ContextPane'
import { DateTimeField } from '../common/DateTimeField'
import { ExportDialog } from './ExportDialog'
import { MentionCard } from '../deck/MentionCard'
import { Modal } from '../common/Modal'
import { QueryField } from '../common/QueryField'

const ORDERS: { value: SearchOrder; label: string }[] = [
  { value: 'newest', label: 'Newest first' },
  { value: 'followers', label: 'Most followed first' },
]

const SEARCH_HINT = 'Same language as column queries, e.g. comcast sentiment:negative. Type ? for the cheat sheet.'

export function SearchDialog({ onClose }: { onClose: () => void }) {
  const field = useCheckedQuery('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [order, setOrder] = useState<SearchOrder>('newest')
  const [chosen, setChosen] = useState<Mention | null>(null)
  const [exporting, setExporting] = useState(false)
  const orderId = useId()

  const range = rangeFromInputs(from, to)
  const query = validQuery(field.check)
  const request: SearchRequest | null =
    query === null || range.error !== null ? null : { query, since: range.since, until: range.until, order }
  const results = useArchiveSearch(request)
  const phrases = useColumnPhrases(query ?? '')
  const checked = shownCheck(field.check)
  const archived = checked?.result.ok ? checked.result.archived : null
  const unbounded = range.since === null && range.until === null

  let summary: string
  if (range.error !== null) summary = range.error
  else if (request === null) summary = field.query.trim() === '' ? 'Type a query to search the archive.' : ''
  else if (results.status === 'error') summary = `Search failed: ${results.error ?? ''}`
  else if (results.status === 'loading' && results.items.length === 0) summary = 'Searching…'
  else if (results.items.length === 0) summary = 'No matches'
  else if (unbounded && archived !== null && !results.stale)
    summary = `Showing ${formatExact(results.items.length)} of ${formatExact(archived)} matches`
  else summary = `Showing ${formatExact(results.items.length)}${results.next ? '+' : ''} matches`

  return (
    <Modal title="Archive search" onClose={onClose} className="search-dialog">
      <button type="button" className="icon-btn search-close" aria-label="Close search" onClick={onClose}>
        ×
      </button>
      <form className="search-form" onSubmit={(e) => e.preventDefault()}>
        <QueryField label="Search query" field={field} showX={false} idleHint={SEARCH_HINT} autoFocus />
        <div className="search-filters">
          <DateTimeField label="From" value={from} onChange={setFrom} />
          <DateTimeField label="To" value={to} onChange={setTo} />
          <div className="field">
            <label htmlFor={orderId}>Order</label>
            <select
              id={orderId}
              className="input"
              value={order}
              onChange={(e) => setOrder(e.target.value === 'followers' ? 'followers' : 'newest')}
            >
              {ORDERS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <div className={chosen ? 'search-body search-body--split' : 'search-body'}>
        <section className={results.stale ? 'search-results is-stale' : 'search-results'} aria-label="Search results">
          <div className="search-summary-row">
            <p className={range.error ? 'search-summary field-hint--warn' : 'search-summary'} role="status">
              {summary}
            </p>
            {request !== null && results.items.length > 0 && (
              <button type="button" className="btn btn--small" onClick={() => setExporting(true)}>
                Export results…
              </button>
            )}
          </div>
          <ol className="search-list">
            {results.items.map((m) => (
              <li key={m.id} className={chosen?.id === m.id ? 'search-item is-chosen' : 'search-item'}>
                <MentionCard
                  mention={m}
                  phrases={phrases}
                  actions={
                    <button type="button" className="btn btn--small" onClick={() => setChosen(m)}>
                      Show in context
                    </button>
                  }
                />
              </li>
            ))}
          </ol>
          {results.next !== null && !results.stale && (
            <button type="button" className="btn search-more" disabled={results.loadingMore} onClick={results.loadMore}>
              {results.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          )}
        </section>
        {chosen && <ContextPane key={chosen.id} mention={chosen} onClose={() => setChosen(null)} />}
      </div>
      {exporting && request !== null && (
        <ExportDialog
          scope={{ kind: 'query', query: request.query }}
          title="search results"
          since={request.since}
          until={request.until}
          onClose={() => setExporting(false)}
        />
      )}
    </Modal>
  )
}
