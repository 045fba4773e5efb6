// The progress step of an archive job (export, import): a bar, a status line,
// then "Cancel …" while it runs and "Close" once it is over. Escape or the
// close button cancels a running job rather than leaving it behind.
import type { ReactNode } from 'react'
import { Modal } from '../common/Modal'

interface JobProgressProps {
  title: string
  /** Accessible name of the bar, e.g. "Export progress". */
  label: string
  max: number
  value: number
  status: string
  running: boolean
  /** Text of the button that cancels a running job. */
  cancelLabel: string
  onCancel: () => void
  onClose: () => void
  /** More to show under the status line. */
  children?: ReactNode
}

export function JobProgress({
  title,
  label,
  max,
  value,
  status,
  running,
  cancelLabel,
  onCancel,
  onClose,
  children,
}: JobProgressProps) {
  return (
    <Modal title={title} onClose={running ? onCancel : onClose} className="archive-dialog">
      <progress className="archive-progress" aria-label={label} max={max} value={value} />
      <p className="modal-text" role="status">
        {status}
      </p>
      {children}
      <div className="modal-actions">
        {running ? (
          <button type="button" className="btn" onClick={onCancel}>
            {cancelLabel}
          </button>
        ) : (
          <button type="button" className="btn btn--primary" data-autofocus onClick={onClose}>
            Close
          </button>
        )}
      </div>
    </Modal>
  )
}
