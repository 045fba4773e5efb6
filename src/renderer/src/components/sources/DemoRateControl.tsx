// Top-bar control for the demo source's mean rate (1-5000 mentions/s):
// validated as typed, saved with `settings.update` on Enter or when focus
// leaves, with the reason shown when the value cannot be used.
import { useId, useState } from 'react'
import { DEMO_RATE } from '../../../../shared/domain'
import { describeError } from '../../lib/errors'
import { validateRate } from '../../lib/rate'
import { updateSettings, useSettingsStore } from '../../state/settings'

export function DemoRateControl() {
  const rate = useSettingsStore((s) => s.settings?.demo.rate)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const inputId = useId()
  const errorId = useId()
  if (rate === undefined) return null
  const value = draft ?? String(rate)

  const commit = async (): Promise<void> => {
    if (draft === null) return
    const checked = validateRate(draft)
    if (!checked.ok) {
      setError(checked.message)
      return
    }
    setError(null)
    if (checked.rate === rate) {
      setDraft(null)
      return
    }
    setSaving(true)
    try {
      await updateSettings({ demo: { rate: checked.rate } })
      setDraft(null)
    } catch (err) {
      setError(describeError(err).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <div className="rate-control">
      <label htmlFor={inputId} className="rate-label">
        Demo rate
      </label>
      <input
        id={inputId}
        className="input rate-input"
        type="number"
        inputMode="numeric"
        min={DEMO_RATE.min}
        max={DEMO_RATE.max}
        step={1}
        value={value}
        disabled={saving}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? errorId : undefined}
        onChange={(e) => {
          setDraft(e.target.value)
          const checked = validateRate(e.target.value)
          setError(checked.ok ? null : checked.message)
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit()
          if (e.key === 'Escape') {
            setDraft(null)
            setError(null)
          }
        }}
        onBlur={() => void commit()}
      />
      <span className="rate-unit" aria-hidden="true">
        /s
      </span>
      {error !== null && (
        <p id={errorId} className="field-error rate-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
