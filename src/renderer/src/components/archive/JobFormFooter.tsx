// The foot of an archive job's form (export, import): the error of the last
// attempt, then "Close" and the submit button that starts the job.
import type { ReactNode } from 'react'
import { SubmitActions } from '../common/SubmitActions'

interface JobFormFooterProps {
  error: string | null
  submitLabel: ReactNode
  disabled: boolean
  /** Whether the submit button takes the dialog's first focus. */
  autoFocusSubmit?: boolean
  onClose: () => void
}

export function JobFormFooter({ error, submitLabel, disabled, autoFocusSubmit, onClose }: JobFormFooterProps) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <SubmitActions
        cancelLabel="Close"
        onCancel={onClose}
        submitLabel={submitLabel}
        disabled={disabled}
        autoFocusSubmit={autoFocusSubmit}
      />
    </>
  )
}
