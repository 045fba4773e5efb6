// Top-bar alerts: a bell with the unread count that opens the alert list
// (newest first, "Show" scrolls to the column, "Mark all read"), how alerts
// are announced (desktop notification, sound) and each column's detection
// settings (on/off, sensitivity; negative surge, least volume and cooldown
// under "More"). Opening the list does not mark anything
// read: an operator who glances at it has not handled the alerts.
import { SENSITIVITIES, type Alert, type Sensitivity } from '../../../../shared/contracts/alerts'
import { alertTitle, notificationPermission, requestNotificationPermission } from '../../lib/notify'
import { configureColumnAlerts, markAllRead, setNotifyPrefs, useAlertsStore } from '../../state/alerts'
import { useDeckStore } from '../../state/deck'
import { useDeliveryStore } from '../../state/delivery'
import { openDialog } from '../../state/ui'
import { notify, notifyError } from '../../state/notices'
import { AlertColumnOptions } from './AlertColumnOptions'
import { Popover } from '../common/Popover'
import { RelativeTime } from '../common/RelativeTime'

const SENSITIVITY_NAMES: Record<Sensitivity, string> = { low: 'Low', medium: 'Medium', high: 'High' }

function showColumn(columnId: string): void {
  const el = document.getElementById(`column-${columnId}`)
  if (!el) return
  el.scrollIntoView({ behavior: 'smooth', inline: 'nearest', block: 'nearest' })
  el.classList.add('column--flash')
  setTimeout(() => el.classList.remove('column--flash'), 1_600)
}

function AlertItem({ alert }: { alert: Alert }) {
  const exists = useDeckStore((s) => s.columns.some((c) => c.id === alert.columnId))
  return (
    <li className={`alert-item alert-item--${alert.kind}${alert.read ? '' : ' alert-item--unread'}`}>
      <span className="alert-kind" aria-hidden="true" />
      <div className="alert-body">
        <p className="alert-title">
          {alertTitle(alert)}
          {!alert.read && <span className="visually-hidden"> (unread)</span>}
        </p>
        <p className="alert-summary">{alert.summary}</p>
      </div>
      <RelativeTime at={alert.firedAt} href={null} />
      {exists && (
        <button
          type="button"
          className="btn btn--small"
          aria-label={`Show ${alert.columnTitle}`}
          onClick={() => showColumn(alert.columnId)}
        >
          Show
        </button>
      )}
    </li>
  )
}

function NotifySettings() {
  const prefs = useAlertsStore((s) => s.settings?.notify)
  if (!prefs) return null
  const save = (patch: Parameters<typeof setNotifyPrefs>[0]) =>
    setNotifyPrefs(patch).catch((err: unknown) => notifyError('Could not change how alerts are announced', err))
  const permission = notificationPermission()
  return (
    <fieldset className="alert-settings">
      <legend className="menu-heading">Announce alerts</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={prefs.desktop}
          onChange={(e) => {
            const desktop = e.target.checked
            void save({ desktop })
            if (desktop) {
              void requestNotificationPermission().then((p) => {
                if (p === 'denied')
                  notify(
                    'info',
                    'Desktop notifications are blocked',
                    'Allow them for this page in the browser settings.',
                  )
              })
            }
          }}
        />
        Desktop notification
        {prefs.desktop && permission === 'denied' && <span className="alert-hint">blocked by the browser</span>}
      </label>
      <label className="check">
        <input type="checkbox" checked={prefs.sound} onChange={(e) => void save({ sound: e.target.checked })} />
        Sound
      </label>
    </fieldset>
  )
}

/** Where alerts go beyond the console, and any destination that is failing (with why). */
function DeliverySettings() {
  const entries = useDeliveryStore((s) => s.list?.destinations ?? [])
  const failing = entries.filter((e) => e.status.state === 'failing' || e.status.state === 'incomplete')
  return (
    <fieldset className="alert-settings">
      <legend className="menu-heading">Deliver alerts</legend>
      <p className="alert-delivery-line">
        {entries.length === 0
          ? 'Only here: no webhook, Slack or email destination yet.'
          : `${entries.length} destination${entries.length === 1 ? '' : 's'}: ${entries.map((e) => e.destination.name).join(', ')}`}
      </p>
      {failing.length > 0 && (
        <ul className="alert-delivery-failing" aria-label="Failing destinations">
          {failing.map((e) => (
            <li key={e.destination.id}>
              <strong>{e.destination.name}</strong>{' '}
              {e.status.state === 'incomplete'
                ? 'needs its secret'
                : `is failing: ${e.status.lastError ?? 'unknown error'}`}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn--small" onClick={() => openDialog({ kind: 'destinations' })}>
        Destinations…
      </button>
    </fieldset>
  )
}

function ColumnSettings() {
  const columns = useDeckStore((s) => s.columns)
  const settings = useAlertsStore((s) => s.settings?.columns)
  if (!settings) return null
  const save = (patch: Parameters<typeof configureColumnAlerts>[0], title: string) =>
    configureColumnAlerts(patch).catch((err: unknown) => notifyError(`Could not change the alerts of “${title}”`, err))
  return (
    <fieldset className="alert-settings">
      <legend className="menu-heading">Spike detection per column</legend>
      <ul className="alert-columns">
        {columns.map((c) => {
          const s = settings.find((x) => x.columnId === c.id)
          if (!s) return null
          return (
            <li key={c.id} className="alert-column">
              <div className="alert-column-row">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={s.enabled}
                    onChange={(e) => void save({ columnId: c.id, enabled: e.target.checked }, c.title)}
                  />
                  <span className="alert-column-title">{c.title}</span>
                </label>
                <select
                  className="input input--small"
                  aria-label={`Sensitivity for ${c.title}`}
                  value={s.sensitivity}
                  disabled={!s.enabled}
                  onChange={(e) => void save({ columnId: c.id, sensitivity: e.target.value as Sensitivity }, c.title)}
                >
                  {SENSITIVITIES.map((v) => (
                    <option key={v} value={v}>
                      {SENSITIVITY_NAMES[v]}
                    </option>
                  ))}
                </select>
              </div>
              <AlertColumnOptions
                title={c.title}
                settings={s}
                onSave={(patch) => void save({ columnId: c.id, ...patch }, c.title)}
              />
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

export function AlertBell() {
  const unread = useAlertsStore((s) => s.unread)
  const items = useAlertsStore((s) => s.items)
  const failing = useDeliveryStore((s) => (s.list?.destinations ?? []).some((e) => e.status.state === 'failing'))
  const label = `${unread > 0 ? `Alerts, ${unread} unread` : 'Alerts'}${failing ? ', a destination is failing' : ''}`
  return (
    <Popover
      label={label}
      trigger={
        <>
          <span className="bell-glyph" aria-hidden="true" />
          {unread > 0 && (
            <span className="bell-count" aria-hidden="true">
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </>
      }
      triggerClassName={`btn bell-btn${unread > 0 ? ' bell-btn--unread' : ''}${failing ? ' bell-btn--failing' : ''}`}
      align="right"
      panelClassName="alert-panel"
    >
      <>
        <div className="alert-panel-head">
          <h2 className="alert-panel-title">Alerts</h2>
          <button
            type="button"
            className="btn btn--small"
            data-keep-open
            disabled={unread === 0}
            onClick={() => markAllRead().catch((err: unknown) => notifyError('Could not mark the alerts read', err))}
          >
            Mark all read
          </button>
        </div>
        {items.length === 0 ? (
          <p className="alert-empty">No alerts yet. A column alerts when its volume spikes or turns negative.</p>
        ) : (
          <ol className="alert-list" aria-label="Alert list">
            {items.map((a) => (
              <AlertItem key={a.id} alert={a} />
            ))}
          </ol>
        )}
        <NotifySettings />
        <DeliverySettings />
        <ColumnSettings />
      </>
    </Popover>
  )
}
