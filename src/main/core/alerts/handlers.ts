// Handlers of the alerts commands (shared/contracts/alerts.ts).
import type { alertsCommands } from '../../../shared/contracts/alerts'
import type { EventHub } from '../events'
import type { HandlerGroup } from '../dispatch'
import type { Store } from '../store'
import type { AlertService } from './service'

export interface AlertsDeps {
  store: Pick<Store, 'read' | 'write'>
  hub: EventHub
  alerts: AlertService
}

export function alertsHandlers({ store, hub, alerts }: AlertsDeps): HandlerGroup<typeof alertsCommands> {
  return {
    'alerts.list': ({ before, limit }) => ({
      items: store.read.listAlerts(before ?? null, limit),
      unread: store.read.unreadAlerts(),
    }),
    'alerts.markRead': ({ ids, all }) => {
      store.write.markAlertsRead(all ? 'all' : (ids ?? []))
      const unread = store.read.unreadAlerts()
      hub.emit('alerts.read', { unread })
      return { unread }
    },
    'alerts.settings': () => alerts.all(),
    'alerts.configure': (patch) => alerts.configure(patch),
    'alerts.notify': (patch) => alerts.setNotify(patch),
  }
}
