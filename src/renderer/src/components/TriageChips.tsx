// A deck card's triage row: done, assignee, tags, note and the reply's
// outbox state (queued / sending / sent with its link / failed with the
// reason and Retry). Renders nothing for an untouched mention.
import type { OutboxItem } from '../../../shared/contracts/replies'
import type { TriageState } from '../../../shared/contracts/triage'
import { api } from '../api/transport'
import { notifyError } from '../state/notices'

function ReplyChip({ reply }: { reply: OutboxItem }) {
  const label = reply.mode === 'quote' ? 'Quote' : 'Reply'
  switch (reply.state) {
    case 'queued':
      return <span className="chip chip--reply">{label} queued…</span>
    case 'sending':
      return <span className="chip chip--reply">{label} sending…</span>
    case 'unknown':
      return (
        <span className="chip chip--reply" title="The network is asked before anything is sent again">
          {label}: checking…
        </span>
      )
    case 'sent':
      return reply.remoteUrl ? (
        <a className="chip chip--sent" href={reply.remoteUrl} target="_blank" rel="noreferrer">
          ✓ {label} sent
        </a>
      ) : (
        <span className="chip chip--sent" title={reply.remoteId ?? undefined}>
          ✓ {label} sent
        </span>
      )
    case 'failed':
      return (
        <span className="chip chip--failed" title={reply.error ?? undefined}>
          {label} failed: {reply.error ?? 'unknown error'}{' '}
          <button
            type="button"
            className="chip-btn"
            onClick={() =>
              api.call('replies.retry', { id: reply.id }).catch((err: unknown) => notifyError('Retry failed', err))
            }
          >
            Retry
          </button>
        </span>
      )
  }
}

export function TriageChips({ state, reply }: { state: TriageState | undefined; reply: OutboxItem | undefined }) {
  const hasState = state && (state.done || state.assignee || state.tags.length > 0 || state.note)
  if (!hasState && !reply) return null
  return (
    <div className="card-triage">
      {state?.done && <span className="chip chip--done">✓ Done</span>}
      {state?.assignee && (
        <span className="chip chip--assignee" title={`Assigned to ${state.assignee}`}>
          @{state.assignee}
        </span>
      )}
      {state?.tags.map((t) => (
        <span key={t} className="chip chip--tag">
          #{t}
        </span>
      ))}
      {state?.note && (
        <span className="chip chip--note" title={state.note}>
          <span aria-hidden="true">✎ </span>Note
        </span>
      )}
      {reply && <ReplyChip reply={reply} />}
    </div>
  )
}
