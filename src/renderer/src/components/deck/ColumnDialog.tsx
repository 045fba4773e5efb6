// The "Add column" / "Edit column" dialog: title and query (the full query
// language), validated live as it is typed (QueryField: error position, the
// plain-English reading, archived matches, the X rule), and the server's
// error when it refuses. Add/Save stays disabled while the query is invalid.
// A new column scrolls into view.
import { useId, useState, type FormEvent } from 'react'
import type { Column } from '../../../../shared/domain'
import { describeError, type ErrorText } from '../../lib/errors'
import { useCheckedQuery } from '../../hooks/useCheckedQuery'
import { isQueryInvalid } from '../../lib/queryCheck'
import { createColumn, updateColumn } from '../../state/deck'
import { ErrorAlert } from '../common/ErrorAlert'
import { Modal } from '../common/Modal'
import { QueryField } from '../common/QueryField'
import { SubmitActions } from '../common/SubmitActions'

const COLUMN_HINT =
  'Words, "phrases", OR, ( ), -exclusions and operators such as from: or is:reply. Type ? for the cheat sheet.'

interface ColumnDialogProps {
  /** The column to edit; absent to add one. */
  column?: Column
  onClose: () => void
}

export function ColumnDialog({ column, onClose }: ColumnDialogProps) {
  const editing = column !== undefined
  const [title, setTitle] = useState(column?.title ?? '')
  const field = useCheckedQuery(column?.query ?? '')
  const invalid = isQueryInvalid(field.check, field.query)
  const [error, setError] = useState<ErrorText | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const errorId = useId()

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (busy || invalid) return
    if (title.trim() === '') {
      setError({ message: 'Give the column a title.', issues: [] })
      return
    }
    setBusy(true)
    setError(null)
    try {
      const input = { title: title.trim(), query: field.query.trim() }
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
        <QueryField label="Query" field={field} showX idleHint={COLUMN_HINT} />
        <ErrorAlert error={error} id={errorId} />
        <SubmitActions submitLabel={editing ? 'Save' : 'Add'} disabled={busy || invalid} onCancel={onClose} />
      </form>
    </Modal>
  )
}
