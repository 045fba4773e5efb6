// Handlers of the analyst commands (shared/contracts/archive.ts).
import type { archiveCommands } from '../../../shared/contracts/archive'
import type { HandlerGroup } from '../dispatch'
import type { CoreDeps } from '../deps'

export function archiveHandlers(_deps: CoreDeps): HandlerGroup<typeof archiveCommands> {
  return {}
}
