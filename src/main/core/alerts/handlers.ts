// Handlers of the alerts commands (shared/contracts/alerts.ts).
import type { alertsCommands } from '../../../shared/contracts/alerts'
import type { CoreDeps } from '../deps'
import type { HandlerGroup } from '../dispatch'

export function alertsHandlers(_deps: CoreDeps): HandlerGroup<typeof alertsCommands> {
  return {}
}
