// Handlers of the re-scoring commands (shared/contracts/sentiment.ts).
import type { sentimentCommands } from '../../../shared/contracts/sentiment'
import type { HandlerGroup } from '../dispatch'
import type { RescoreJobs } from './rescore-jobs'

export function sentimentHandlers({ rescores }: { rescores: RescoreJobs }): HandlerGroup<typeof sentimentCommands> {
  return {
    'rescore.status': ({ target }) => rescores.status(target),
    'rescore.start': ({ target }) => rescores.start(target),
    'rescore.cancel': ({ id }) => rescores.cancel(id),
  }
}
