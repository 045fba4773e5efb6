// A write-only secret: the panel never sees a stored value, only whether one
// is set and where it comes from. Typing a value replaces it on save; "Forget"
// removes one entered here (environment and file values are changed there).
import type { SecretState } from '../../../../shared/contracts/sources'
import { Field } from '../common/Field'

const ORIGIN_TEXT: Record<NonNullable<SecretState['origin']>, string> = {
  env: 'set by an environment variable',
  file: 'set in the credentials file',
  stored: 'set here, stored encrypted',
  session: 'set here, for this session only',
}

interface SecretFieldProps {
  label: string
  state: SecretState | undefined
  value: string
  onChange: (value: string) => void
  onForget: () => void
  error?: string | undefined
  help?: string
}

export function SecretField({ label, state, value, onChange, onForget, error, help }: SecretFieldProps) {
  const set = state?.set === true
  const origin = state?.origin ? ORIGIN_TEXT[state.origin] : 'set'
  const line = set ? `Set: ${origin}.` : 'Not set.'
  return (
    <Field label={label} error={error} help={`${line}${help ? ` ${help}` : ''}`}>
      {(ids) => (
        <div className="secret-row">
          <input
            {...ids}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={set ? '•••••••• (type to replace)' : 'not set'}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          {set && (state?.origin === 'stored' || state?.origin === 'session') && (
            <button type="button" className="btn btn--small" onClick={onForget}>
              Forget
            </button>
          )}
        </div>
      )}
    </Field>
  )
}

/** The secrets patch for a save: typed values replace, forgotten ones become null, untouched ones are left out. */
export function secretsPatch(values: Record<string, string>, forgotten: ReadonlySet<string>) {
  const patch: Record<string, string | null> = {}
  for (const name of forgotten) patch[name] = null
  for (const [name, value] of Object.entries(values)) if (value !== '') patch[name] = value
  return Object.keys(patch).length > 0 ? patch : undefined
}
