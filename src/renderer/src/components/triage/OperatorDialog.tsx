// The operator's name ("a" assigns to it by default) and the brand that
// {{brand}} in canned replies becomes (empty: the column's title).
import { useState } from 'react'
import { describeError, type ErrorText } from '../../lib/errors'
import { updatePrefs, useTriageStore } from '../../state/triage'
import { ErrorAlert } from '../common/ErrorAlert'
import { Field } from '../common/Field'
import { Modal } from '../common/Modal'
import { SubmitActions } from '../common/SubmitActions'

export function OperatorDialog({ onClose }: { onClose: () => void }) {
  const prefs = useTriageStore((s) => s.prefs)
  const [operator, setOperator] = useState(prefs.operator)
  const [brand, setBrand] = useState(prefs.brand)
  const [error, setError] = useState<ErrorText | null>(null)
  return (
    <Modal title="Operator settings" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          updatePrefs({ operator, brand }).then(onClose, (err: unknown) => setError(describeError(err)))
        }}
      >
        <Field label="Your name (what “a” assigns to)">
          {(p) => (
            <input
              {...p}
              className="input"
              data-autofocus
              maxLength={60}
              value={operator}
              onChange={(e) => setOperator(e.target.value)}
            />
          )}
        </Field>
        <Field label="Brand for canned replies ({{brand}}; empty: the column’s title)">
          {(p) => (
            <input {...p} className="input" maxLength={60} value={brand} onChange={(e) => setBrand(e.target.value)} />
          )}
        </Field>
        <ErrorAlert error={error} />
        <SubmitActions submitLabel="Save" disabled={false} onCancel={onClose} />
      </form>
    </Modal>
  )
}
