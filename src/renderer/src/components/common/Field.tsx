// One labelled form field with its help line and its own error message (the
// core's validation, or a check made as the user types), wired for screen
// readers.
import { useId, type ReactElement, type ReactNode } from 'react'

interface FieldProps {
  label: string
  help?: ReactNode
  error?: string | undefined
  /** Renders the control with the ids it must carry. */
  children: (ids: { id: string; 'aria-describedby': string; 'aria-invalid': boolean }) => ReactElement
}

export function Field({ label, help, error, children }: FieldProps) {
  const id = useId()
  const helpId = `${id}-help`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': helpId, 'aria-invalid': error !== undefined })}
      <p id={helpId} className={error ? 'field-error' : 'field-help'} role={error ? 'alert' : undefined}>
        {error ?? help}
      </p>
    </div>
  )
}
