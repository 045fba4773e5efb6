// A labelled whole-number field, kept as typed (the core checks the bounds
// and its message comes back to `error`).
import type { ReactNode } from 'react'
import { Field } from './Field'

interface NumberFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  help?: ReactNode
}

export function NumberField({ label, value, onChange, error, help }: NumberFieldProps) {
  return (
    <Field label={label} error={error} help={help}>
      {(ids) => (
        <input
          {...ids}
          className="input"
          inputMode="numeric"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}
