// Splits a failed save into messages per form field: the core names each
// problem `config.<path>: message` or `secrets.<name>: message` (for
// `sources.configure`; other forms name their own prefixes, e.g. `spec.config`);
// whatever names no field stays a general message above the form.
import { CommandError } from '../../../../shared/contract'

export interface FormErrors {
  /** By field path without the prefix: `jetstream`, `feeds.1.url`, `appPassword`. */
  fields: Record<string, string>
  general: string | null
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null }

const SOURCE_PREFIXES = ['config', 'secrets'] as const

/** `prefixes` are tried in order, so list a longer one ("spec.config") before a shorter one ("spec"). */
export function formErrors(err: unknown, prefixes: readonly string[] = SOURCE_PREFIXES): FormErrors {
  if (!(err instanceof CommandError)) return { fields: {}, general: err instanceof Error ? err.message : String(err) }
  const issue = new RegExp(`^(?:${prefixes.map((p) => p.replace(/\./g, '\\.')).join('|')})\\.([\\w.]+): (.*)$`, 's')
  const fields: Record<string, string> = {}
  const rest: string[] = []
  for (const text of err.issues) {
    const m = issue.exec(text)
    if (m) fields[m[1]!] ??= m[2]!
    else rest.push(text)
  }
  const general = Object.keys(fields).length === 0 ? err.message : rest.length > 0 ? rest.join('; ') : null
  return { fields, general }
}

/** A field's message, or the first of its items' ("to.1", "subreddits.0") for a list field. */
export function fieldError(errors: FormErrors, name: string): string | undefined {
  return errors.fields[name] ?? Object.entries(errors.fields).find(([k]) => k.startsWith(`${name}.`))?.[1]
}
