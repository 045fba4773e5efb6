// A labelled date-and-time input (local time), as the range filters use it.
import { useId } from 'react'

interface DateTimeFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
}

export function DateTimeField({ label, value, onChange }: DateTimeFieldProps) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="datetime-local" className="input" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}
