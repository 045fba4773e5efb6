// Handlers of the source, gap and reply commands.
import type { replyCommands } from '../../../shared/contracts/replies'
import type { sourceCommands } from '../../../shared/contracts/sources'
import type { CoreDeps } from '../deps'
import type { HandlerGroup } from '../dispatch'
import { listGaps } from '../store/gaps'

export function sourceHandlers(deps: CoreDeps): HandlerGroup<typeof sourceCommands> {
  return {
    'sources.list': () => ({ sources: deps.sources.entries(), secretStore: deps.sources.secretStoreInfo() }),
    'sources.configure': (request) => deps.sources.configure(request),
    'gaps.list': (query) => listGaps(deps.db, query),
  }
}

export function replyHandlers(deps: CoreDeps): HandlerGroup<typeof replyCommands> {
  return {
    'replies.policy': ({ mentionId }) => deps.outbox.policy(mentionId),
    'replies.send': (request) => {
      deps.ingest.flush()
      return deps.outbox.send(request)
    },
    'replies.list': ({ mentionId, limit }) => deps.outbox.list(mentionId, limit),
    'replies.retry': ({ id }) => deps.outbox.retry(id),
  }
}
