// Handlers of the operator-workflow commands (shared/contracts/triage.ts).
import type { triageCommands } from '../../../shared/contracts/triage'
import type { HandlerGroup } from '../dispatch'
import type { CoreDeps } from '../deps'

export function triageHandlers(_deps: CoreDeps): HandlerGroup<typeof triageCommands> {
  return {}
}
