// Review mode: search the brushed window with the query language, then
// annotate each result (a note and tags) and mark it reviewed. Annotations are
// saved in the archive being reported on; a read-only archive says so.
import { useEffect, useId, useState } from 'react'
import type { Annotation, ReviewPage } from '../../../../shared/contracts/reports'
import type { Mention } from '../../../../shared/domain'
import { annotateReview, searchReview } from '../../state/review'
import { errorLine } from '../../lib/errors'
import { notifyError } from '../../state/notices'
import { MentionCard } from '../deck/MentionCard'
import { formatWindow, type TimeWindow } from './series'

type Item = ReviewPage['items'][number]

const NO_PHRASES: readonly (readonly string[])[] = []

function parseTags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((t) => t.replace(/^#/, ''))
    .filter((t) => t !== '')
}

function AnnotationEditor({
  mention,
  annotation,
  readOnly,
  onSaved,
}: {
  mention: Mention
  annotation: Annotation
  readOnly: boolean
  onSaved: (a: Annotation) => void
}) {
  const [note, setNote] = useState(annotation.note ?? '')
  const [tags, setTags] = useState(annotation.tags.join(' '))
  const [busy, setBusy] = useState(false)
  const noteId = useId()
  const tagsId = useId()
  const dirty = note !== (annotation.note ?? '') || tags !== annotation.tags.join(' ')
  const who = `@${mention.author.handle}`

  async function save(patch: { note?: string | null; tags?: string[]; reviewed?: boolean }) {
    setBusy(true)
    try {
      onSaved(await annotateReview({ mentionId: mention.id, ...patch }))
    } catch (err) {
      notifyError('Could not save the annotation', err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="annotation"
      aria-label={`Annotation of the post by ${who}`}
      onSubmit={(e) => {
        e.preventDefault()
        void save({ note: note.trim() === '' ? null : note, tags: parseTags(tags) })
      }}
    >
      <label htmlFor={noteId}>Note</label>
      <input
        id={noteId}
        className="input"
        value={note}
        maxLength={4000}
        disabled={readOnly}
        placeholder={readOnly ? 'Read-only archive' : 'What should others know?'}
        onChange={(e) => setNote(e.target.value)}
      />
      <label htmlFor={tagsId}>Tags</label>
      <input
        id={tagsId}
        className="input annotation-tags"
        value={tags}
        disabled={readOnly}
        placeholder="e.g. outage billing"
        onChange={(e) => setTags(e.target.value)}
      />
      <button type="submit" className="btn btn--small" disabled={readOnly || busy || !dirty}>
        Save
      </button>
      <button
        type="button"
        className="btn btn--small annotation-reviewed"
        aria-pressed={annotation.reviewed}
        disabled={readOnly || busy}
        onClick={() => void save({ reviewed: !annotation.reviewed })}
      >
        {annotation.reviewed ? '✓ Reviewed' : 'Mark reviewed'}
      </button>
    </form>
  )
}

export function ReviewPanel({ window: w, readOnly }: { window: TimeWindow; readOnly: boolean }) {
  const [query, setQuery] = useState('')
  const [submitted, setSubmitted] = useState<string | null>(null)
  const [items, setItems] = useState<Item[]>([])
  const [next, setNext] = useState<ReviewPage['next']>(null)
  const [status, setStatus] = useState<{ kind: 'idle' | 'loading' | 'done' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  })
  const queryId = useId()

  // A new window or query starts the results over (debounced while the brush moves).
  useEffect(() => {
    if (submitted === null) return
    let live = true
    const timer = setTimeout(() => {
      setStatus({ kind: 'loading' })
      searchReview({ query: submitted, since: w.since, until: w.until, limit: 50 }).then(
        (page) => {
          if (!live) return
          setItems(page.items)
          setNext(page.next)
          setStatus({ kind: 'done' })
        },
        (err: unknown) => live && setStatus({ kind: 'error', message: errorLine(err) }),
      )
    }, 200)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [submitted, w.since, w.until])

  async function more() {
    if (!next || submitted === null) return
    try {
      const page = await searchReview({ query: submitted, since: w.since, until: w.until, after: next })
      setItems((list) => [...list, ...page.items])
      setNext(page.next)
    } catch (err) {
      notifyError('Could not load more results', err)
    }
  }

  const saved = (a: Annotation) =>
    setItems((list) => list.map((item) => (item.mention.id === a.mentionId ? { ...item, annotation: a } : item)))
  const reviewed = items.filter((i) => i.annotation.reviewed).length

  return (
    <section className="report-card review-panel" aria-label="Review">
      <h3>Review</h3>
      <p className="review-window" data-testid="review-window">
        Window: {formatWindow(w)}
        <span className="review-hint"> · drag the handles under the volume chart to narrow it</span>
      </p>
      <form
        className="review-form"
        onSubmit={(e) => {
          e.preventDefault()
          setSubmitted(query.trim())
        }}
      >
        <label htmlFor={queryId} className="visually-hidden">
          Search this window
        </label>
        <input
          id={queryId}
          className="input"
          value={query}
          placeholder="Search this window: comcast sentiment:negative"
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="btn btn--primary btn--small" disabled={query.trim() === ''}>
          Search window
        </button>
      </form>
      {readOnly && <p className="field-hint field-hint--warn">This archive is open read-only: annotations are off.</p>}
      <p className="review-summary" role="status">
        {status.kind === 'loading' && 'Searching…'}
        {status.kind === 'error' && `Search failed: ${status.message}`}
        {status.kind === 'done' &&
          (items.length === 0
            ? 'No matches in this window'
            : `${items.length}${next ? '+' : ''} matches · ${reviewed} reviewed`)}
      </p>
      <ul className="review-results">
        {items.map((item) => (
          <li key={item.mention.id} className={item.annotation.reviewed ? 'is-reviewed' : undefined}>
            <MentionCard mention={item.mention} phrases={NO_PHRASES} />
            <AnnotationEditor
              key={`${item.mention.id}:${item.annotation.note ?? ''}:${item.annotation.tags.join(' ')}`}
              mention={item.mention}
              annotation={item.annotation}
              readOnly={readOnly}
              onSaved={saved}
            />
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="btn btn--small" onClick={() => void more()}>
          Load more
        </button>
      )}
    </section>
  )
}
