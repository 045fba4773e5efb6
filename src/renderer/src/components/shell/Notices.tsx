// Toasts for the results of operator actions; errors (with the server's
// field-level issues) stay until dismissed.
import { dismissNotice, useNoticesStore } from '../../state/notices'

export function Notices() {
  const notices = useNoticesStore((s) => s.notices)
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <div className="notice-body">
            <p className="notice-title">{n.title}</p>
            {n.message !== '' && <p className="notice-message">{n.message}</p>}
            {n.issues.length > 0 && (
              <ul className="notice-issues">
                {n.issues.map((issue, i) => (
                  <li key={i}>{issue}</li>
                ))}
              </ul>
            )}
          </div>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
