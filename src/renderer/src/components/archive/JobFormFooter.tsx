// The foot of an archive job's form (export, import): the error of the last
// attempt, then "Close" and the submit button that starts the job.
import type { ReactNode } from 'react'

interface JobFormFooterProps {
  error: string | null
  submitLabel: ReactNode
  disabled: boolean
  /** Whether the submit button takes the dialog's first focus. */
  autoFocusSubmit?: boolean
  onClose: () => void
}

export function JobFormFooter({ error, submitLabel, disabled, autoFocusSubmit = false, onClose }: JobFormFooterProps) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
        <button
          type="submit"
          className="btn btn--primary"
          data-autofocus={autoFocusSubmit ? true : undefined}
          disabled={disabled}
        >
          {submitLabel}
        </button>
      </div>
    </>
  )
}
