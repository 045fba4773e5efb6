// Saving one source's form: the call, its busy flag, and the errors by field.
import { useState } from 'react'
import type { SourcesConfigure } from '../../../../shared/contracts/sources'
import { NO_ERRORS, formErrors, type FormErrors } from './fieldErrors'

export function useSourceSave(save: (request: SourcesConfigure) => Promise<void>) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  async function submit(request: SourcesConfigure): Promise<boolean> {
    setBusy(true)
    setSaved(false)
    try {
      await save(request)
      setErrors(NO_ERRORS)
      setSaved(true)
      return true
    } catch (err) {
      setErrors(formErrors(err))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { errors, busy, saved, submit }
}
