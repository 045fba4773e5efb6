// The save row and the general error of a source form.
import type { FormErrors } from './fieldErrors'

export function FormError({ errors }: { errors: FormErrors }) {
  if (errors.general === null) return null
  return (
    <div className="form-error" role="alert">
      {errors.general}
    </div>
  )
}

export function FormActions({ busy, saved, dirty }: { busy: boolean; saved: boolean; dirty: boolean }) {
  return (
    <div className="modal-actions source-actions">
      {saved && !dirty && <span className="source-saved">Saved</span>}
      <button type="submit" className="btn btn--primary" disabled={busy || !dirty}>
        {busy ? 'Saving…' : 'Save'}
      </button>
    </div>
  )
}
