// Handlers of the alerts commands (shared/contracts/alerts.ts).
import type { alertsCommands } from '../../../shared/contracts/alerts'
import type { CoreDeps } from '../deps'
import type { HandlerGroup } from '../dispatch'
import { listAlerts, markRead, unreadCount } from '../store/alerts'

export function alertsHandlers({ db, hub, alerts }: CoreDeps): HandlerGroup<typeof alertsCommands> {
  return {
    'alerts.list': ({ before, limit }) => ({ items: listAlerts(db, before ?? null, limit), unread: unreadCount(db) }),
    'alerts.markRead': ({ ids, all }) => {
      markRead(db, all ? 'all' : (ids ?? []))
      const unread = unreadCount(db)
      hub.emit('alerts.read', { unread })
      return { unread }
    },
    'alerts.settings': () => alerts.all(),
    'alerts.configure': (patch) => alerts.configure(patch),
    'alerts.notify': (patch) => alerts.setNotify(patch),
  }
}
