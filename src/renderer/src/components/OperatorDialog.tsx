// The operator's name ("a" assigns to it by default) and the brand that
// {{brand}} in canned replies becomes (empty: the column's title).
import { useId, useState } from 'react'
import { describeError, type ErrorText } from '../api/errors'
import { updatePrefs, useTriageStore } from '../state/triage'
import { ErrorAlert } from './ErrorAlert'
import { Modal } from './Modal'
import { SubmitActions } from './SubmitActions'

export function OperatorDialog({ onClose }: { onClose: () => void }) {
  const prefs = useTriageStore((s) => s.prefs)
  const [operator, setOperator] = useState(prefs.operator)
  const [brand, setBrand] = useState(prefs.brand)
  const [error, setError] = useState<ErrorText | null>(null)
  const ids = { operator: useId(), brand: useId() }
  return (
    <Modal title="Operator settings" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          updatePrefs({ operator, brand }).then(onClose, (err: unknown) => setError(describeError(err)))
        }}
      >
        <div className="field">
          <label htmlFor={ids.operator}>Your name (what “a” assigns to)</label>
          <input
            id={ids.operator}
            className="input"
            data-autofocus
            maxLength={60}
            value={operator}
            onChange={(e) => setOperator(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.brand}>Brand for canned replies ({'{{brand}}'}; empty: the column’s title)</label>
          <input
            id={ids.brand}
            className="input"
            maxLength={60}
            value={brand}
            onChange={(e) => setBrand(e.target.value)}
          />
        </div>
        <ErrorAlert error={error} />
        <SubmitActions submitLabel="Save" disabled={false} onCancel={onClose} />
      </form>
    </Modal>
  )
}
