// Handler of the thread command (the composer's context).
import type { threadCommands } from '../../../shared/contracts/thread'
import type { HandlerGroup } from '../dispatch'
import type { ThreadService } from './service'

export function threadHandlers({ threads }: { threads: ThreadService }): HandlerGroup<typeof threadCommands> {
  return {
    'mentions.thread': ({ mentionId, ancestors, replies }) => {
      // A reply that arrived a moment ago is read too: the store commits ingest's batch first.
      return threads.thread(mentionId, ancestors, replies)
    },
  }
}
