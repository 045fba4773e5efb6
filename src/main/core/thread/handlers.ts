// Handler of the thread command (the composer's context).
import type { threadCommands } from '../../../shared/contracts/thread'
import type { CoreDeps } from '../deps'
import type { HandlerGroup } from '../dispatch'
import type { ThreadService } from './service'

export function threadHandlers(deps: CoreDeps, threads: ThreadService): HandlerGroup<typeof threadCommands> {
  return {
    'mentions.thread': ({ mentionId, ancestors, replies }) => {
      // A reply that arrived a moment ago is in the batch not yet committed.
      deps.ingest.flush()
      return threads.thread(mentionId, ancestors, replies)
    },
  }
}
