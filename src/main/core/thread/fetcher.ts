// What a source implements to load the posts above a mention from its
// network, and the ways that can fail. Fetched posts are shown in the
// composer's thread, never stored: they matched no column.
import type { MentionInput } from '../../../shared/domain'

/** The post whose ancestors are wanted: it refers to `refId`. */
export interface ThreadChild {
  externalId: string
  refId: string
  kind: MentionInput['kind']
}

export interface ThreadFetcher {
  /**
   * The post `child.refId` names and, where one call brings them, the posts
   * above it: nearest first, at most `limit`. Throws ThreadFetchError.
   */
  ancestors(child: ThreadChild, limit: number, signal: AbortSignal): Promise<MentionInput[]>
}

/**
 * `gone`: deleted, private or never there (404), not worth asking again soon.
 * `limited`: the network's rate limit, until `retryAt` when it says.
 * `failed`: anything else (offline, 5xx, a bad answer).
 */
export type ThreadFetchFailure = 'gone' | 'limited' | 'failed'

export class ThreadFetchError extends Error {
  constructor(
    readonly failure: ThreadFetchFailure,
    message: string,
    /** Epoch ms when a rate limit ends, when the network says. */
    readonly retryAt: number | null = null,
  ) {
    super(message)
    this.name = 'ThreadFetchError'
  }
}

export const GONE_MESSAGE = 'it was deleted or is not public (404)'
