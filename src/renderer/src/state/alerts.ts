// Store: the alert list (newest first), the unread count, and the alert
// settings (notification preferences and each column's detection settings),
// from `alerts.list` / `alerts.settings` at load and the alert events after.
import { create } from 'zustand'
import type { EarshotApi } from '../../../shared/contract'
import type { Alert, AlertSettings, ColumnAlertSettings, NotifyPrefs } from '../../../shared/contracts/alerts'
import type { ColumnId } from '../../../shared/domain'
import { client } from './client'
import { announceAlert } from '../lib/notify'

/** Alerts kept in memory for the list and the sparkline marks. */
const MAX_ALERTS = 200

export interface AlertsState {
  items: Alert[]
  unread: number
  settings: AlertSettings | null
}

export const useAlertsStore = create<AlertsState>()(() => ({ items: [], unread: 0, settings: null }))

/** `notifications`: whether this window announces alerts (a pop-out column leaves that to the console). */
export function subscribeAlerts(events: Pick<EarshotApi, 'on'>, notifications: boolean): Array<() => void> {
  return [
    events.on('alert.fired', (alert) => {
      useAlertsStore.setState((s) => ({
        items: [alert, ...s.items.filter((a) => a.id !== alert.id)].slice(0, MAX_ALERTS),
        unread: s.unread + (alert.read ? 0 : 1),
      }))
      const notify = useAlertsStore.getState().settings?.notify
      if (notifications && notify) announceAlert(alert, notify)
    }),
    events.on('alerts.read', ({ unread }) =>
      useAlertsStore.setState((s) => ({ unread, items: unread === 0 ? s.items.map(readCopy) : s.items })),
    ),
    events.on('alerts.settings.changed', (settings) => useAlertsStore.setState({ settings })),
  ]
}

const readCopy = (a: Alert): Alert => (a.read ? a : { ...a, read: true })

export async function loadAlerts(): Promise<void> {
  const [list, settings] = await Promise.all([
    client().call('alerts.list', { limit: MAX_ALERTS }),
    client().call('alerts.settings', {}),
  ])
  useAlertsStore.setState({ items: list.items, unread: list.unread, settings })
}

export async function markAllRead(): Promise<void> {
  const { unread } = await client().call('alerts.markRead', { all: true })
  useAlertsStore.setState((s) => ({ unread, items: s.items.map(readCopy) }))
}

function putColumnSettings(columnId: ColumnId, update: (c: ColumnAlertSettings) => ColumnAlertSettings): void {
  useAlertsStore.setState((s) =>
    s.settings
      ? {
          settings: {
            ...s.settings,
            columns: s.settings.columns.map((c) => (c.columnId === columnId ? update(c) : c)),
          },
        }
      : {},
  )
}

/**
 * Shows the change at once (a checkbox that waits for the core's answer looks
 * broken), then takes the core's settings, or puts the old ones back if it refuses.
 */
export async function configureColumnAlerts(
  patch: Partial<ColumnAlertSettings> & { columnId: ColumnId },
): Promise<void> {
  const before = useAlertsStore.getState().settings?.columns.find((c) => c.columnId === patch.columnId)
  putColumnSettings(patch.columnId, (c) => ({ ...c, ...patch }))
  try {
    const next = await client().call('alerts.configure', patch)
    putColumnSettings(next.columnId, () => next)
  } catch (err) {
    if (before) putColumnSettings(patch.columnId, () => before)
    throw err
  }
}

const putNotify = (update: (n: NotifyPrefs) => NotifyPrefs) =>
  useAlertsStore.setState((s) => (s.settings ? { settings: { ...s.settings, notify: update(s.settings.notify) } } : {}))

/** Like configureColumnAlerts: shown at once, then the core's answer (or the old prefs back). */
export async function setNotifyPrefs(patch: Partial<NotifyPrefs>): Promise<void> {
  const before = useAlertsStore.getState().settings?.notify
  putNotify((n) => ({ ...n, ...patch }))
  try {
    const notify = await client().call('alerts.notify', patch)
    putNotify(() => notify)
  } catch (err) {
    if (before) putNotify(() => before)
    throw err
  }
}
