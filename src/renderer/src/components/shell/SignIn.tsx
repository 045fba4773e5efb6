// Team mode's sign-in: the archive has named operators, so the console asks
// who is at it (their name and the secret `earshot operators add` gave them)
// before it shows anything of the archive.
import { useState, type FormEvent } from 'react'
import { errorLine } from '../../lib/errors'
import { retryLoad } from '../../state/bootstrap'
import { signIn } from '../../state/session'
import { Field } from '../common/Field'

export function SignIn() {
  const [name, setName] = useState('')
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(undefined)
    try {
      await signIn(name.trim(), secret)
      retryLoad()
    } catch (err) {
      setError(errorLine(err))
      setBusy(false)
    }
  }

  return (
    <div className="splash">
      <form className="signin" aria-labelledby="signin-title" onSubmit={(e) => void submit(e)}>
        <h2 id="signin-title" className="splash-title">
          Sign in to Earshot
        </h2>
        <p className="splash-detail">This archive is shared by a team. Sign in as yourself.</p>
        <Field label="Operator">
          {(ids) => (
            <input
              {...ids}
              className="input"
              autoComplete="username"
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Secret" help="The secret your admin gave you (earshot operators add)." error={error}>
          {(ids) => (
            <input
              {...ids}
              className="input"
              type="password"
              autoComplete="current-password"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="btn btn--primary" disabled={busy || name.trim() === '' || secret === ''}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  )
}
