// Handlers of the source and gap commands.
import type { sourceCommands } from '../../../shared/contracts/sources'
import type { HandlerGroup, Handlers } from '../dispatch'
import type { StoreReader } from '../store'
import type { Sources } from './sources'

export interface SourcesDeps {
  store: { read: Pick<StoreReader, 'listGaps'> }
  sources: Sources
}

export function sourceHandlers({
  store,
  sources,
}: SourcesDeps): HandlerGroup<typeof sourceCommands> & Pick<Handlers, 'sources.status'> {
  return {
    'sources.list': () => ({ sources: sources.entries(), secretStore: sources.secretStoreInfo() }),
    'sources.configure': (request) => sources.configure(request),
    'sources.status': () => sources.list(),
    'gaps.list': (query) => store.read.listGaps(query),
  }
}
