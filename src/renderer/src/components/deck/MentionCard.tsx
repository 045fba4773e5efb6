// One mention as a card: avatar, author, followers, age, text, source badge,
// kind (reply/repost/quote), language when not English, an "edited" mark
// when its author edited it at the source, and sentiment (the
// left border colour plus a small score label with a tooltip). On the deck
// it also shows triage: unread dot, done, selected ring, and a chips row.
import { memo, useId, type FocusEventHandler, type ReactNode, type Ref } from 'react'
import type { Author, Mention, MentionKind, SourceId } from '../../../../shared/domain'
import { formatCompact, formatExact, formatScore } from '../../lib/format'
import { Avatar } from '../common/Avatar'
import { MentionText } from './MentionText'
import { RelativeTime } from '../common/RelativeTime'

const SOURCE_BADGES: Record<SourceId, string> = {
  demo: 'DEMO',
  x: 'X',
  bluesky: 'BSKY',
  mastodon: 'MASTO',
  rss: 'RSS',
  hackernews: 'HN',
  reddit: 'REDDIT',
  appstore: 'APP STORE',
  replay: 'REPLAY',
  import: 'IMPORT',
}

const KIND_MARKERS: Record<Exclude<MentionKind, 'post'>, { icon: string; text: string }> = {
  reply: { icon: '↩', text: 'Reply' },
  repost: { icon: '⟳', text: 'Repost' },
  quote: { icon: '❝', text: 'Quote' },
}

/** Sources that say nothing of an author's audience: their cards show no "0 followers". */
const NO_FOLLOWER_COUNTS: ReadonlySet<SourceId> = new Set(['rss', 'hackernews', 'reddit', 'appstore'])

const SENTIMENT_SHORT = {
  positive: 'POS',
  neutral: 'NEU',
  negative: 'NEG',
  unscored: 'UNSCORED',
} as const

interface MentionCardProps {
  mention: Mention
  phrases: readonly (readonly string[])[]
  /** Extra controls at the end of the meta row (archive search: "Show in context"). */
  actions?: ReactNode
  /** Deck cards: triage state for the look (unread, done, selected) and its chips row. */
  status?: { unread: boolean; done: boolean; selected: boolean }
  triage?: ReactNode
  /**
   * Deck cards are the articles of a WAI-ARIA feed: focusable (one per column
   * in the tab order, the roving tabindex), with their place in the list.
   */
  feed?: {
    ref: Ref<HTMLElement>
    tabbable: boolean
    posInSet: number
    /** -1 while older mentions can still be loaded (the total is unknown). */
    setSize: number
    onFocus: FocusEventHandler<HTMLElement>
  }
}

/** The author's name (with the verified mark) and handle, as a card's head shows them. */
export function CardAuthor({ author, id }: { author: Author; id?: string }) {
  const name = author.name.trim() || author.handle
  return (
    <>
      <span className="card-name" title={name} id={id}>
        {name}
        {author.verified && (
          <>
            {' '}
            <span className="card-verified" title="Verified" role="img" aria-label="verified">
              ✓
            </span>
          </>
        )}
      </span>
      <span className="card-handle" title={`@${author.handle}`}>
        @{author.handle}
      </span>
    </>
  )
}

export const MentionCard = memo(function MentionCard({
  mention: m,
  phrases,
  actions,
  status,
  triage,
  feed,
}: MentionCardProps) {
  const ids = useId()
  const kind = m.kind === 'post' ? null : KIND_MARKERS[m.kind]
  const score = formatScore(m.sentiment)
  return (
    <article
      className={[
        'card',
        `card--${m.sentimentLabel}`,
        status?.unread ? 'card--unread' : '',
        status?.done ? 'card--done' : '',
        status?.selected ? 'is-selected' : '',
      ].join(' ')}
      data-mention-id={m.id}
      aria-current={status?.selected ? 'true' : undefined}
      aria-labelledby={`${ids}-author`}
      aria-describedby={`${ids}-text`}
      {...(feed && {
        ref: feed.ref,
        tabIndex: feed.tabbable ? 0 : -1,
        'aria-posinset': feed.posInSet,
        'aria-setsize': feed.setSize,
        onFocus: feed.onFocus,
      })}
    >
      <Avatar name={m.author.name} handle={m.author.handle} />
      <div className="card-main">
        <header className="card-head">
          {status?.unread && <span className="card-unread-dot" title="Unread" role="img" aria-label="Unread" />}
          <CardAuthor author={m.author} id={`${ids}-author`} />
          <RelativeTime at={m.createdAt} href={m.url} />
          {m.editedAt !== undefined && (
            <span className="card-edited" title={`Edited by its author ${new Date(m.editedAt).toLocaleString()}`}>
              edited
            </span>
          )}
        </header>
        {m.warning && (
          <p className="card-warning" title="Content warning">
            CW: {m.warning}
          </p>
        )}
        <MentionText id={`${ids}-text`} text={m.text} phrases={phrases} />
        {triage}
        <footer className="card-meta">
          <span className={`badge badge--${m.source}`}>{SOURCE_BADGES[m.source]}</span>
          {kind && (
            <span className="card-kind">
              <span aria-hidden="true">{kind.icon} </span>
              {kind.text}
            </span>
          )}
          {m.reposts !== undefined && m.reposts > 0 && (
            <span className="card-reposts" title={`Reposted ${formatExact(m.reposts)} times (collapsed)`}>
              <span aria-hidden="true">↻ </span>
              {formatCompact(m.reposts)} {m.reposts === 1 ? 'repost' : 'reposts'}
            </span>
          )}
          {typeof m.rating === 'number' && (
            <span className={`card-rating card-rating--${m.rating}`} role="img" aria-label={`${m.rating} of 5 stars`}>
              {'★'.repeat(m.rating)}
              <span className="card-rating-off">{'★'.repeat(5 - m.rating)}</span>
            </span>
          )}
          {m.lang !== null && m.lang !== '' && m.lang !== 'en' && (
            <span className="card-lang" title={`Language: ${m.lang}`}>
              {m.lang}
            </span>
          )}
          {m.author.followers > 0 || !NO_FOLLOWER_COUNTS.has(m.source) ? (
            <span className="card-followers" title={`${formatExact(m.author.followers)} followers`}>
              {formatCompact(m.author.followers)} followers
            </span>
          ) : null}
          {m.hasMedia && <span className="card-media">media</span>}
          {m.sentimentLabel === 'unscored' ? (
            <span
              className="sentiment sentiment--unscored"
              title="Sentiment: unscored (a language the sentiment model does not read)"
            >
              {SENTIMENT_SHORT.unscored}
            </span>
          ) : (
            <span
              className={`sentiment sentiment--${m.sentimentLabel}`}
              title={`Sentiment: ${m.sentimentLabel} (score ${score})`}
            >
              {SENTIMENT_SHORT[m.sentimentLabel]} {score}
            </span>
          )}
          {actions !== undefined && <span className="card-actions">{actions}</span>}
        </footer>
      </div>
    </article>
  )
})
