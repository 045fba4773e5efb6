// The "Add column" / "Edit column" dialog: title and keywords (any-of terms,
// "quoted phrases"), a live preview of what the keywords match, and the
// server's validation error when it refuses. A new column scrolls into view.
import { useId, useState, type FormEvent } from 'react'
import type { Column } from '../../../shared/domain'
import { parseKeywords } from '../../../shared/query/keywords'
import { describeError, type ErrorText } from '../api/errors'
import { createColumn, updateColumn } from '../state/deck'
import { Modal } from './Modal'

interface ColumnDialogProps {
  /** The column to edit; absent to add one. */
  column?: Column
  onClose: () => void
}

function KeywordPreview({ query }: { query: string }) {
  const parsed = parseKeywords(query)
  if (query.trim() === '') return null
  if (!parsed.ok) return <p className="field-hint field-hint--warn">Check the keywords: {parsed.error}.</p>
  if (parsed.query.phrases.length === 0) return <p className="field-hint field-hint--warn">No words to match yet.</p>
  return (
    <p className="field-hint">
      Matches any of:{' '}
      {parsed.query.phrases.map((p, i) => (
        <span key={i} className="term">
          {p.length > 1 ? `“${p.join(' ')}”` : p[0]}
        </span>
      ))}
    </p>
  )
}

export function ColumnDialog({ column, onClose }: ColumnDialogProps) {
  const editing = column !== undefined
  const [title, setTitle] = useState(column?.title ?? '')
  const [query, setQuery] = useState(column?.query ?? '')
  const [error, setError] = useState<ErrorText | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const queryId = useId()
  const helpId = useId()
  const errorId = useId()

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (busy) return
    if (title.trim() === '') {
      setError({ message: 'Give the column a title.', issues: [] })
      return
    }
    setBusy(true)
    setError(null)
    try {
      const input = { title: title.trim(), query: query.trim() }
      const saved = column ? await updateColumn(column.id, input) : await createColumn(input)
      onClose()
      if (!editing) {
        requestAnimationFrame(() =>
          document.getElementById(`column-${saved.id}`)?.scrollIntoView({ inline: 'nearest' }),
        )
      }
    } catch (err) {
      setError(describeError(err))
      setBusy(false)
    }
  }

  return (
    <Modal title={editing ? 'Edit column' : 'Add column'} onClose={onClose} className="column-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={titleId}>Title</label>
          <input
            id={titleId}
            className="input"
            data-autofocus
            value={title}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={queryId}>Keywords</label>
          <input
            id={queryId}
            className="input"
            value={query}
            maxLength={2000}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={error ? `${helpId} ${errorId}` : helpId}
            onChange={(e) => setQuery(e.target.value)}
          />
          <p id={helpId} className="field-help">
            Any of the terms, separated by spaces or commas; use &quot;quoted phrases&quot; for words that must appear
            together. Case and accents are ignored.
          </p>
          <KeywordPreview query={query} />
        </div>
        {error && (
          <div id={errorId} className="form-error" role="alert">
            <p>{error.message}</p>
            {error.issues.length > 0 && (
              <ul>
                {error.issues.map((issue, i) => (
                  <li key={i}>{issue}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {editing ? 'Save' : 'Add'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
