// Handlers of the reports commands (shared/contracts/reports.ts).
import type { reportsCommands } from '../../../shared/contracts/reports'
import type { CoreDeps } from '../deps'
import type { HandlerGroup } from '../dispatch'

export function reportsHandlers(_deps: CoreDeps): HandlerGroup<typeof reportsCommands> {
  return {}
}
