// The banner shown while the browser-mode socket is down after having been
// up: live updates are stale until it reconnects (then the deck reloads);
// or, when the server refuses the page's token, how to get back in.
import { useConnectionStore } from '../../state/connection'

export function ConnectionBanner() {
  const down = useConnectionStore((s) => s.everOpened && s.state !== 'open')
  const reason = useConnectionStore((s) => s.reason)
  const unauthorized = useConnectionStore((s) => s.unauthorized)
  if (unauthorized) {
    return (
      <div className="banner banner--error" role="alert">
        <strong>Disconnected</strong>
        <span className="banner-detail">
          The Earshot server no longer accepts this page (it was restarted with a new token). Open the address it
          printed when it started.
        </span>
      </div>
    )
  }
  if (!down) return null
  return (
    <div className="banner" role="status">
      <span className="banner-spinner" aria-hidden="true" />
      <strong>Reconnecting…</strong>
      <span className="banner-detail">
        The connection to the Earshot server was lost; columns will catch up when it is back.
        {reason ? ` (${reason})` : ''}
      </span>
    </div>
  )
}
