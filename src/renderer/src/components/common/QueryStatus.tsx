// What live validation says about a query, under its field: the error with
// its position marked (message "at column N", the query with the offending
// part underlined and a caret line), or the plain-English reading, how many
// archived mentions match and, for columns, the X rule it compiles to.
import type { QueryCheck } from '../../../../shared/contract'
import { formatExact } from '../../lib/format'
import { shownCheck, type CheckState } from '../../lib/queryCheck'
import { errorMarker, errorMessage } from '../../lib/queryError'

interface QueryStatusProps {
  id: string
  check: CheckState
  /** Show the X rule, local-only operators and X errors (column queries). */
  showX: boolean
  idleHint: string
}

function ErrorView({ query, error }: { query: string; error: Extract<QueryCheck, { ok: false }> }) {
  const marker = errorMarker(query, error.position, error.length)
  return (
    <div className="query-error">
      <p className="query-error-message">{errorMessage(error.message, error.position, query.length)}</p>
      {query.trim() !== '' && (
        <pre className="query-marker" aria-hidden="true">
          {marker.clippedStart && '…'}
          {marker.before}
          {marker.bad === '' ? <span className="query-marker-point"> </span> : <mark>{marker.bad}</mark>}
          {marker.after}
          {marker.clippedEnd && '…'}
          {'\n'}
          <span className="query-marker-caret">{marker.caretLine}</span>
        </pre>
      )}
    </div>
  )
}

function XDetails({ result }: { result: Extract<QueryCheck, { ok: true }> }) {
  return (
    <div className="query-x">
      <p className="query-x-label">X rule</p>
      {result.xRule !== null ? (
        <code className="query-x-rule">{result.xRule}</code>
      ) : (
        <p className="query-x-none">This query cannot listen on X.</p>
      )}
      {result.localOnly.length > 0 && (
        <p className="query-x-note">
          X can&apos;t filter on {result.localOnly.join(', ')}; Earshot applies{' '}
          {result.localOnly.length > 1 ? 'them' : 'it'} locally
        </p>
      )}
      {result.xErrors.length > 0 && (
        <ul className="query-x-errors">
          {result.xErrors.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

export function QueryStatus({ id, check, showX, idleHint }: QueryStatusProps) {
  const checked = shownCheck(check)
  const shown = checked?.result ?? null
  const stale = check.status === 'pending'
  let body
  if (check.status === 'idle') body = <p className="field-help">{idleHint}</p>
  else if (check.status === 'failed')
    body = <p className="field-hint field-hint--warn">Could not check the query: {check.message}</p>
  else if (shown === null) body = <p className="field-help">Checking…</p>
  else if (!shown.ok) body = <ErrorView query={checked?.query ?? ''} error={shown} />
  else
    body = (
      <>
        <p className="query-description">{shown.description}</p>
        <p className="query-count">
          <strong>{formatExact(shown.archived)}</strong> archived mention{shown.archived === 1 ? ' matches' : 's match'}
        </p>
        {showX && <XDetails result={shown} />}
      </>
    )
  return (
    <div id={id} className={stale ? 'query-status is-stale' : 'query-status'} aria-live="polite">
      {body}
    </div>
  )
}
