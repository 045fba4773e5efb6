// A column's filters (hide done, only unassigned, only unread) and mutes
// (words, authors, regular expressions; one per line). A pattern the JS
// engine refuses shows its message and blocks saving; the core checks again.
import { useState } from 'react'
import type { Column } from '../../../../shared/domain'
import { NO_FILTERS, NO_MUTES, regexError, type Mutes, type TriageFilters } from '../../../../shared/triage'
import { describeError, type ErrorText } from '../../lib/errors'
import { updateColumnTriage, useColumnTriage } from '../../state/triage'
import { ErrorAlert } from '../common/ErrorAlert'
import { Field } from '../common/Field'
import { Modal } from '../common/Modal'
import { SubmitActions } from '../common/SubmitActions'

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')

const FILTER_LABELS: [keyof TriageFilters, string][] = [
  ['hideDone', 'Hide done'],
  ['onlyUnassigned', 'Only unassigned'],
  ['onlyUnread', 'Only unread'],
]

export function ColumnTriageDialog({ column, onClose }: { column: Column; onClose: () => void }) {
  const current = useColumnTriage(column.id)
  const [filters, setFilters] = useState<TriageFilters>(current?.filters ?? NO_FILTERS)
  const start: Mutes = current?.mutes ?? NO_MUTES
  const [words, setWords] = useState(start.words.join('\n'))
  const [authors, setAuthors] = useState(start.authors.join('\n'))
  const [regexes, setRegexes] = useState(start.regexes.join('\n'))
  const [error, setError] = useState<ErrorText | null>(null)
  const [busy, setBusy] = useState(false)
  const regexProblems = lines(regexes)
    .map((r) => regexError(r))
    .filter((m): m is string => m !== null)

  const save = async (): Promise<void> => {
    setBusy(true)
    try {
      await updateColumnTriage(column.id, {
        filters,
        mutes: { words: lines(words), authors: lines(authors), regexes: lines(regexes) },
      })
      onClose()
    } catch (err) {
      setError(describeError(err))
      setBusy(false)
    }
  }

  return (
    <Modal title={`Filters and mutes: ${column.title}`} onClose={onClose} className="triage-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
        noValidate
      >
        <fieldset className="triage-filters">
          <legend>Show</legend>
          {FILTER_LABELS.map(([key, label], i) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                data-autofocus={i === 0 ? true : undefined}
                checked={filters[key]}
                onChange={(e) => setFilters({ ...filters, [key]: e.target.checked })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <p className="modal-text">Mutes hide matching mentions in this column only; the column says how many.</p>
        <div className="triage-mutes">
          <Field label="Muted words (one per line)">
            {(p) => (
              <textarea {...p} className="input" rows={4} value={words} onChange={(e) => setWords(e.target.value)} />
            )}
          </Field>
          <Field label="Muted authors (@handle, one per line)">
            {(p) => (
              <textarea
                {...p}
                className="input"
                rows={4}
                value={authors}
                onChange={(e) => setAuthors(e.target.value)}
              />
            )}
          </Field>
          <Field
            label="Muted patterns (regular expressions, one per line, any case)"
            error={regexProblems.length > 0 ? regexProblems.join(' · ') : undefined}
          >
            {(p) => (
              <textarea
                {...p}
                className="input input--mono"
                rows={4}
                value={regexes}
                onChange={(e) => setRegexes(e.target.value)}
              />
            )}
          </Field>
        </div>
        <ErrorAlert error={error} />
        <SubmitActions submitLabel="Save" disabled={busy || regexProblems.length > 0} onCancel={onClose} />
      </form>
    </Modal>
  )
}
