// The conversation in the composer, the way TweetDeck shows one: the posts
// above the selected mention (compact cards, oldest first, joined by a line),
// the mention itself, then the archive's other replies and our own replies
// from here. Posts fetched from their network say they are not in the
// archive; one that could not be loaded says why, in place, never in a dialog.
import { useEffect, useRef } from 'react'
import type { OutboxItem } from '../../../../shared/contracts/replies'
import type { ThreadAncestor, ThreadReply } from '../../../../shared/contracts/thread'
import type { Mention, MentionInput } from '../../../../shared/domain'
import { useThread } from '../../hooks/useThread'
import { ancestorPost, missingNote } from '../../lib/threadView'
import { Avatar } from '../common/Avatar'
import { CardAuthor, MentionCard } from '../deck/MentionCard'
import { MentionText } from '../deck/MentionText'
import { RelativeTime } from '../common/RelativeTime'
import { TriageChips } from '../triage/TriageChips'
import '../../styles/thread.css'

const NO_PHRASES: readonly (readonly string[])[] = []

export function ComposerThread({ mention, earlier }: { mention: Mention; earlier: OutboxItem[] }) {
  const state = useThread(mention.id)
  const current = useRef<HTMLLIElement>(null)
  const ready = state.status === 'ready'

  // Once the posts above are in, keep the mention itself in view.
  useEffect(() => {
    if (ready) current.current?.scrollIntoView({ block: 'nearest' })
  }, [ready])

  const thread = ready ? state.thread : null
  const ancestors = thread?.ancestors ?? []
  const replies = thread?.replies ?? []
  return (
    <section className="composer-thread" aria-label="Thread" aria-busy={state.status === 'loading'} tabIndex={0}>
      <ol className="thread-list" aria-label="Conversation, oldest first">
        {thread?.truncated && <li className="thread-more">Earlier posts in this thread are not shown</li>}
        {state.status === 'loading' && mention.refId !== null && (
          <li className="thread-item thread-item--above thread-loading" role="status">
            Loading the post it {mention.kind === 'quote' ? 'quotes' : 'replies to'}…
          </li>
        )}
        {state.status === 'error' && mention.refId !== null && (
          <li className="thread-item thread-item--above thread-note" role="status">
            The thread could not be loaded: {state.message}
          </li>
        )}
        {ancestors.map((a, i) => (
          <li key={key(a)} className="thread-item thread-item--above">
            <Ancestor ancestor={a} child={below(ancestors, i) ?? mention} nearest={i === ancestors.length - 1} />
          </li>
        ))}
        <li ref={current} className="thread-item thread-item--current" aria-current="true">
          <MentionCard mention={mention} phrases={NO_PHRASES} />
        </li>
      </ol>
      {replies.length > 0 && (
        <ol className="thread-list thread-replies" aria-label="Other replies in the archive, newest first">
          {replies.map((r) => (
            <li key={r.mention.id} className="thread-item">
              <p className="thread-relation">{relation(r, mention)}</p>
              <CompactCard post={r.mention} mentionId={r.mention.id} />
            </li>
          ))}
        </ol>
      )}
      {earlier.length > 0 && (
        <ol className="composer-earlier" aria-label="Replies from here">
          {earlier.map((r) => (
            <li key={r.id}>
              <span className="composer-earlier-text">{r.text}</span>
              <TriageChips state={undefined} reply={r} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function Ancestor({
  ancestor: a,
  child,
  nearest,
}: {
  ancestor: ThreadAncestor
  child: MentionInput
  nearest: boolean
}) {
  if (a.from === 'archive') return <CompactCard post={a.mention} mentionId={a.mention.id} />
  if (a.from === 'network') return <CompactCard post={a.post} mentionId={null} />
  return (
    <div className="thread-missing" role="note">
      <span className="thread-missing-mark" aria-hidden="true">
        ?
      </span>
      <p>
        {missingNote(a.reason, child, nearest)}
        {a.author && <span className="thread-missing-author"> (a post by @{a.author})</span>}
      </p>
    </div>
  )
}

/** A post above or beside the mention: smaller than a deck card, no triage. */
function CompactCard({ post: p, mentionId }: { post: MentionInput; mentionId: number | null }) {
  return (
    <article className="thread-card" data-mention-id={mentionId ?? undefined} aria-label={`@${p.author.handle}`}>
      <Avatar name={p.author.name} handle={p.author.handle} />
      <div className="thread-card-main">
        <header className="card-head">
          <CardAuthor author={p.author} />
          <RelativeTime at={p.createdAt} href={p.url} />
        </header>
        {p.warning && <p className="card-warning">CW: {p.warning}</p>}
        <MentionText text={p.text} phrases={NO_PHRASES} />
        {mentionId === null && (
          <p className="thread-fetched" title="Fetched from its network for this thread; it matched no column">
            Not in your archive
          </p>
        )}
      </div>
    </article>
  )
}

/** The post just below ancestor i (null for the nearest: the mention is below it). */
function below(ancestors: readonly ThreadAncestor[], i: number): MentionInput | null {
  const next = ancestors[i + 1]
  return next ? ancestorPost(next) : null
}

function relation(r: ThreadReply, mention: Mention): string {
  if (r.to === 'mention') return `Reply to @${mention.author.handle}`
  return mention.refAuthor ? `Also replying to @${mention.refAuthor}` : 'Also replying to the same post'
}

function key(a: ThreadAncestor): string {
  return a.from === 'archive' ? `a${a.mention.id}` : a.from === 'network' ? `n${a.post.externalId}` : `m${a.externalId}`
}
