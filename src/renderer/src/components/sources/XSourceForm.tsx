// The X source's settings in the Sources panel: stream or search mode, the API
// base (for a gateway), the poll interval, the replying account, and the
// credentials. Secrets are write-only: the form shows whether each is set and
// where from, never its value; a typed value is sent once and cleared.
import { useId, useState, type FormEvent } from 'react'
import type { SecretState, SourceEntry } from '../../../../shared/contracts/sources'
import type { XConfig } from '../../../../shared/sources/x'
import { describeError, type ErrorText } from '../../lib/errors'
import '../../styles/x-source.css'
import { ErrorAlert } from '../common/ErrorAlert'
import type { SourceFormProps } from './types'

type XEntry = Extract<SourceEntry, { source: 'x' }>

const SECRET_FIELDS = [
  { name: 'bearerToken', label: 'Bearer token', group: 'read' },
  { name: 'appKey', label: 'API key (consumer key)', group: 'reply' },
  { name: 'appSecret', label: 'API key secret', group: 'reply' },
  { name: 'accessToken', label: 'Access token', group: 'reply' },
  { name: 'accessSecret', label: 'Access token secret', group: 'reply' },
] as const

const ORIGIN_TEXT: Record<NonNullable<SecretState['origin']>, string> = {
  env: 'set by environment variable',
  file: 'set in the credentials file',
  stored: 'saved (encrypted)',
  session: 'set for this session',
}

export function secretStateText(state: SecretState | undefined): string {
  return state?.set && state.origin ? ORIGIN_TEXT[state.origin] : 'not set'
}

export function XSourceForm({ entry, save }: SourceFormProps) {
  const x = entry as XEntry
  const [mode, setMode] = useState<XConfig['mode']>(x.config.mode)
  const [apiBase, setApiBase] = useState(x.config.apiBase ?? '')
  const [pollSeconds, setPollSeconds] = useState(String(x.config.pollSeconds))
  const [account, setAccount] = useState(x.config.account ?? '')
  const [secrets, setSecrets] = useState<Record<string, string>>({})
  const [forget, setForget] = useState<Set<string>>(new Set())
  const [error, setError] = useState<ErrorText | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState(false)
  const id = useId()
  const states = new Map(x.secrets.map((s) => [s.name, s]))

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    setSaved(false)
    const patch: Record<string, string | null> = {}
    for (const name of forget) patch[name] = null
    for (const [name, value] of Object.entries(secrets)) if (value.trim() !== '') patch[name] = value
    try {
      await save({
        source: 'x',
        // On/off is the panel's switch: the form never sends it.
        config: {
          mode,
          apiBase: apiBase.trim() === '' ? null : apiBase.trim(),
          pollSeconds: Number(pollSeconds),
          account: account.trim().replace(/^@/, '') || null,
        },
        ...(Object.keys(patch).length > 0 ? { secrets: patch } : {}),
      })
      setSecrets({})
      setForget(new Set())
      setSaved(true)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  const secretField = (field: (typeof SECRET_FIELDS)[number]) => {
    const state = states.get(field.name)
    const inputId = `${id}-${field.name}`
    const removable = state?.origin === 'session' || state?.origin === 'stored'
    const forgetting = forget.has(field.name)
    return (
      <div className="field x-secret" key={field.name}>
        <label htmlFor={inputId}>{field.label}</label>
        <div className="x-secret-row">
          <input
            id={inputId}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={state?.set ? 'Type to replace' : 'Paste to set'}
            value={secrets[field.name] ?? ''}
            onChange={(e) => setSecrets((s) => ({ ...s, [field.name]: e.target.value }))}
          />
          <span className={`x-secret-state ${state?.set && !forgetting ? 'is-set' : ''}`}>
            {forgetting ? 'will be forgotten' : secretStateText(state)}
          </span>
          {removable && (
            <button
              type="button"
              className="btn btn--small"
              aria-label={`Forget ${field.label}`}
              aria-pressed={forgetting}
              onClick={() =>
                setForget((f) => {
                  const next = new Set(f)
                  if (forgetting) next.delete(field.name)
                  else next.add(field.name)
                  return next
                })
              }
            >
              {forgetting ? 'Keep' : 'Forget'}
            </button>
          )}
        </div>
      </div>
    )
  }

  return (
    <form className="x-source-form" aria-label="X settings" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="x-group">
        <legend>How to listen</legend>
        <label className="x-choice">
          <input type="radio" name={`${id}-mode`} checked={mode === 'stream'} onChange={() => setMode('stream')} />
          <span>
            <strong>Filtered stream</strong>
            <span className="field-help">Every column becomes a rule on X; posts arrive as they are published.</span>
          </span>
        </label>
        <label className="x-choice">
          <input type="radio" name={`${id}-mode`} checked={mode === 'search'} onChange={() => setMode('search')} />
          <span>
            <strong>Recent search</strong>
            <span className="field-help">
              For apps without stream access: each column is polled, within X&apos;s rate limits.
            </span>
          </span>
        </label>
        <div className="field">
          <label htmlFor={`${id}-poll`}>Seconds between polls of a column</label>
          <input
            id={`${id}-poll`}
            className="input x-narrow"
            type="number"
            min={5}
            max={3600}
            disabled={mode !== 'search'}
            value={pollSeconds}
            onChange={(e) => setPollSeconds(e.target.value)}
          />
        </div>
      </fieldset>

      <fieldset className="x-group">
        <legend>Reading</legend>
        {secretField(SECRET_FIELDS[0])}
        <div className="field">
          <label htmlFor={`${id}-base`}>API base</label>
          <input
            id={`${id}-base`}
            className="input"
            type="url"
            placeholder="https://api.x.com"
            spellCheck={false}
            value={apiBase}
            onChange={(e) => setApiBase(e.target.value)}
          />
          <span className="field-help">
            For a gateway or proxy. EARSHOT_X_API_BASE in the environment takes precedence.
          </span>
        </div>
      </fieldset>

      <fieldset className="x-group">
        <legend>Replying (OAuth 1.0a user tokens)</legend>
        <div className="field">
          <label htmlFor={`${id}-account`}>Replying account</label>
          <div className="x-handle">
            <span aria-hidden="true">@</span>
            <input
              id={`${id}-account`}
              className="input"
              spellCheck={false}
              autoComplete="off"
              maxLength={16}
              placeholder="YourBrandCares"
              value={account}
              onChange={(e) => setAccount(e.target.value.replace(/^@+/, ''))}
            />
          </div>
          <span className="field-help">
            X accepts replies from apps only to posts that mention this account or quote or reply to it; others can be
            quoted.
          </span>
        </div>
        {SECRET_FIELDS.slice(1).map(secretField)}
      </fieldset>

      <ErrorAlert error={error} />
      <div className="modal-actions">
        {saved && (
          <span className="x-saved" role="status">
            Saved
          </span>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          Save X settings
        </button>
      </div>
    </form>
  )
}
