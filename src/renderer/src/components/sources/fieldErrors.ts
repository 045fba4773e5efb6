// Splits a failed `sources.configure` into messages per form field: the core
// names each problem `config.<path>: message` or `secrets.<name>: message`;
// whatever names no field stays a general message above the form.
import { CommandError } from '../../../../shared/contract'

export interface FormErrors {
  /** By field path without the prefix: `jetstream`, `feeds.1.url`, `appPassword`. */
  fields: Record<string, string>
  general: string | null
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null }

const ISSUE = /^(?:config|secrets)\.([\w.]+): (.*)$/s

export function formErrors(err: unknown): FormErrors {
  if (!(err instanceof CommandError)) return { fields: {}, general: err instanceof Error ? err.message : String(err) }
  const fields: Record<string, string> = {}
  const rest: string[] = []
  for (const issue of err.issues) {
    const m = ISSUE.exec(issue)
    if (m) fields[m[1]!] ??= m[2]!
    else rest.push(issue)
  }
  const general = Object.keys(fields).length === 0 ? err.message : rest.length > 0 ? rest.join('; ') : null
  return { fields, general }
}
