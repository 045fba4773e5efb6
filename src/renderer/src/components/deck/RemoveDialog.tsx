// Confirmation before removing a column (its mentions stay in the archive).
import { useState } from 'react'
import type { Column } from '../../../../shared/domain'
import { describeError } from '../../lib/errors'
import { deleteColumn } from '../../state/deck'
import { Modal } from '../common/Modal'

export function RemoveDialog({ column, onClose }: { column: Column; onClose: () => void }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const remove = async (): Promise<void> => {
    setBusy(true)
    try {
      await deleteColumn(column.id)
      onClose()
    } catch (err) {
      setError(describeError(err).message)
      setBusy(false)
    }
  }
  return (
    <Modal title="Remove column" role="alertdialog" onClose={onClose}>
      <p className="modal-text">
        Remove <strong>{column.title}</strong> from the deck? Its mentions stay in the archive.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" data-autofocus onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void remove()}>
          Remove
        </button>
      </div>
    </Modal>
  )
}
