// A deck card's triage row: done, assignee, tags, note and the reply's
// outbox state (queued / sending / sent with its link / failed with the
// reason and Retry). Renders nothing for an untouched mention.
import type { OutboxItem } from '../../../../shared/contracts/replies'
import type { TriageState } from '../../../../shared/contracts/triage'
import { notifyError } from '../../state/notices'
import { retryReply } from '../../state/triage'

function ReplyChip({ reply }: { reply: OutboxItem }) {
  const label = reply.mode === 'quote' ? 'Quote' : 'Reply'
  switch (reply.state) {
    case 'queued':
      return <span className="tag-chip tag-chip--reply">{label} queued…</span>
    case 'sending':
      return <span className="tag-chip tag-chip--reply">{label} sending…</span>
    case 'unknown':
      return (
        <span className="tag-chip tag-chip--reply" title="The network is asked before anything is sent again">
          {label}: checking…
        </span>
      )
    case 'sent':
      return reply.remoteUrl ? (
        <a className="tag-chip tag-chip--sent" href={reply.remoteUrl} target="_blank" rel="noreferrer">
          ✓ {label} sent
        </a>
      ) : (
        <span className="tag-chip tag-chip--sent" title={reply.remoteId ?? undefined}>
          ✓ {label} sent
        </span>
      )
    case 'failed':
      return (
        <span className="tag-chip tag-chip--failed" title={reply.error ?? undefined}>
          {label} failed: {reply.error ?? 'unknown error'}{' '}
          <button
            type="button"
            className="chip-btn"
            onClick={() => retryReply(reply.id).catch((err: unknown) => notifyError('Retry failed', err))}
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
      {state?.done && <span className="tag-chip tag-chip--done">✓ Done</span>}
      {state?.assignee && (
        <span className="tag-chip tag-chip--assignee" title={`Assigned to ${state.assignee}`}>
          @{state.assignee}
        </span>
      )}
      {state?.tags.map((t) => (
        <span key={t} className="tag-chip tag-chip--tag">
          #{t}
        </span>
      ))}
      {state?.note && (
        <span className="tag-chip tag-chip--note" title={state.note}>
          <span aria-hidden="true">✎ </span>Note
        </span>
      )}
      {reply && <ReplyChip reply={reply} />}
    </div>
  )
}
