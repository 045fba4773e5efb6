// The action row of a dialog's form: a button that leaves without acting
// ("Cancel", "Close") and the submit button.
import type { ReactNode } from 'react'

interface SubmitActionsProps {
  submitLabel: ReactNode
  disabled: boolean
  onCancel: () => void
  cancelLabel?: string
  /** Whether the submit button takes the dialog's first focus. */
  autoFocusSubmit?: boolean
}

export function SubmitActions({
  submitLabel,
  disabled,
  onCancel,
  cancelLabel = 'Cancel',
  autoFocusSubmit = false,
}: SubmitActionsProps) {
  return (
    <div className="modal-actions">
      <button type="button" className="btn" onClick={onCancel}>
        {cancelLabel}
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
  )
}
