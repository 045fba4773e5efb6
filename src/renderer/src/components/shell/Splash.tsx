// What shows before the deck: "Connecting…" while the first load runs, the
// error with a Retry button when it failed, or the sign-in of a team archive.
import { useAppStore } from '../../state/app'
import { retryLoad, transportKind } from '../../state/bootstrap'
import { SignIn } from './SignIn'

export function Splash() {
  const load_ = useAppStore((s) => s.load)
  if (load_.status === 'signin') return <SignIn />
  if (load_.status === 'error') {
    return (
      <div className="splash" role="alert">
        <h2 className="splash-title">Could not load Earshot</h2>
        <p className="splash-detail">{load_.message}</p>
        <button type="button" className="btn btn--primary" onClick={retryLoad}>
          Retry
        </button>
      </div>
    )
  }
  return (
    <div className="splash" role="status">
      <span className="banner-spinner" aria-hidden="true" />
      <p className="splash-detail">{transportKind() === 'websocket' ? 'Connecting to Earshot…' : 'Loading…'}</p>
    </div>
  )
}
