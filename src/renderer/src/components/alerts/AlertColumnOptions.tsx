// A column's finer alert settings, folded under its row in the alert panel:
// whether a negative surge alerts, the least volume a bucket needs before it
// can alert (so a quiet column's 1 → 4 is not a "spike"), the cooldown, and a
// VIP query. Fields are kept as typed until Enter or leaving them (Escape puts
// the saved value back); numbers are checked against the same bounds the core
// enforces, with the reason beside the field.
import { useId, useState, type KeyboardEvent } from 'react'
import { ALERT_COOLDOWN_MINUTES, ALERT_MIN_VOLUME, type ColumnAlertSettings } from '../../../../shared/contracts/alerts'

type Patch = Partial<Omit<ColumnAlertSettings, 'columnId'>>

/** A field edited as a draft: committed on Enter or blur when `valid`, dropped on Escape. */
function useDraft(saved: string, valid: (text: string) => boolean, save: (text: string) => void) {
  const [draft, setDraft] = useState<string | null>(null)
  const text = draft ?? saved
  const commit = () => {
    if (draft === null || !valid(draft)) return
    setDraft(null)
    if (draft !== saved) save(draft)
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') commit()
    if (e.key === 'Escape' && draft !== null) {
      e.stopPropagation()
      setDraft(null)
    }
  }
  return { text, setDraft, commit, onKeyDown }
}

interface NumberOptionProps {
  label: string
  unit: string
  value: number
  bounds: { readonly min: number; readonly max: number }
  disabled: boolean
  onSave: (value: number) => void
}

function NumberOption({ label, unit, value, bounds, disabled, onSave }: NumberOptionProps) {
  const errorId = useId()
  const check = (t: string) => /^\d+$/.test(t.trim()) && Number(t) >= bounds.min && Number(t) <= bounds.max
  const { text, setDraft, commit, onKeyDown } = useDraft(String(value), check, (t) => {
    if (Number(t) !== value) onSave(Number(t))
  })
  const valid = check(text)
  return (
    <div className="alert-option">
      <label className="alert-option-label">
        {label}
        <input
          className="input input--small alert-option-number"
          inputMode="numeric"
          value={text}
          disabled={disabled}
          aria-invalid={!valid}
          aria-describedby={valid ? undefined : errorId}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        <span className="alert-option-unit">{unit}</span>
      </label>
      {!valid && (
        <p id={errorId} className="field-error" role="alert">
          A whole number from {bounds.min.toLocaleString()} to {bounds.max.toLocaleString()}
        </p>
      )}
    </div>
  )
}

/** A VIP query: each new mention of the column it matches is an alert of its own. Saved on Enter or leaving the field. */
function VipQueryOption({
  value,
  disabled,
  onSave,
}: {
  value: string
  disabled: boolean
  onSave: (q: string) => void
}) {
  const { text, setDraft, commit, onKeyDown } = useDraft(
    value,
    () => true,
    (t) => {
      if (t.trim() !== value) onSave(t.trim())
    },
  )
  return (
    <div className="alert-option alert-option--vip">
      <label className="alert-option-label">
        VIP mentions
        <input
          className="input input--small alert-option-query"
          placeholder="min_followers:100000 OR from:ceo"
          spellCheck={false}
          value={text}
          disabled={disabled}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
      </label>
      <span className="alert-option-unit">a query; each new match alerts</span>
    </div>
  )
}

export function AlertColumnOptions({
  title,
  settings,
  onSave,
}: {
  title: string
  settings: ColumnAlertSettings
  onSave: (patch: Patch) => void
}) {
  const off = !settings.enabled
  return (
    <details className="alert-options">
      <summary aria-label={`More alert settings for ${title}`}>More</summary>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.negativeSurge}
          disabled={off}
          onChange={(e) => onSave({ negativeSurge: e.target.checked })}
        />
        Alert on a negative surge
      </label>
      <NumberOption
        label="At least"
        unit="mentions in 30 s"
        value={settings.minVolume}
        bounds={ALERT_MIN_VOLUME}
        disabled={off}
        onSave={(minVolume) => onSave({ minVolume })}
      />
      <VipQueryOption value={settings.vipQuery} disabled={off} onSave={(vipQuery) => onSave({ vipQuery })} />
      <NumberOption
        label="Then quiet for"
        unit="minutes"
        value={settings.cooldownMinutes}
        bounds={ALERT_COOLDOWN_MINUTES}
        disabled={off}
        onSave={(cooldownMinutes) => onSave({ cooldownMinutes })}
      />
    </details>
  )
}
