// The posts above a Bluesky mention, for the composer's thread: one
// app.bsky.feed.getPostThread on the AppView (no account needed) with
// parentHeight brings the post replied to or quoted and its parents.
import { AppBskyFeedDefs, XRPCError, type AtpAgent } from '@atproto/api'
import type { MentionInput } from '../../../../shared/domain'
import { GONE_MESSAGE, ThreadFetchError, type ThreadChild, type ThreadFetcher } from '../../thread/fetcher'
import { PostRecordSchema, toMention } from './events'

const POST_URI = /^at:\/\/(did:[^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/

type ThreadView = AppBskyFeedDefs.ThreadViewPost

export class BlueskyThreadFetcher implements ThreadFetcher {
  constructor(
    private readonly agent: AtpAgent,
    private readonly now: () => number,
  ) {}

  async ancestors(child: ThreadChild, limit: number, signal: AbortSignal): Promise<MentionInput[]> {
    let thread: unknown
    try {
      const res = await this.agent.app.bsky.feed.getPostThread(
        { uri: child.refId, depth: 0, parentHeight: Math.max(0, limit - 1) },
        { signal },
      )
      thread = res.data.thread
    } catch (err) {
      throw threadError(err)
    }
    if (AppBskyFeedDefs.isNotFoundPost(thread)) throw new ThreadFetchError('gone', GONE_MESSAGE)
    if (AppBskyFeedDefs.isBlockedPost(thread))
      throw new ThreadFetchError('gone', 'its author blocks this account, or is blocked')
    const out: MentionInput[] = []
    let view: unknown = thread
    while (AppBskyFeedDefs.isThreadViewPost(view)) {
      const post = this.toPost(view as ThreadView)
      if (!post) break
      out.push(post)
      view = (view as ThreadView).parent
    }
    return out
  }

  private toPost(view: ThreadView): MentionInput | null {
    const { post } = view
    const uri = POST_URI.exec(post.uri)
    const record = PostRecordSchema.safeParse(post.record)
    if (!uri || !record.success) return null
    const parent = AppBskyFeedDefs.isThreadViewPost(view.parent) ? view.parent.post.author.handle : null
    const quoted = (post.embed as { record?: { author?: { handle?: unknown } } } | undefined)?.record?.author?.handle
    return toMention(uri[1]!, uri[2]!, record.data, {
      author: {
        handle: post.author.handle,
        name: post.author.displayName ?? '',
        followers: 0,
        avatarUrl: post.author.avatar ?? null,
        verified: false,
      },
      replyTo: parent,
      refAuthor: parent ?? (typeof quoted === 'string' ? quoted : null),
      receivedAt: this.now(),
    })
  }
}

function threadError(err: unknown): ThreadFetchError {
  if (!(err instanceof XRPCError)) return new ThreadFetchError('failed', `Bluesky did not answer (${String(err)})`)
  if (err.error === 'NotFound' || err.status === 404) return new ThreadFetchError('gone', GONE_MESSAGE)
  if (err.status === 429) {
    const reset = Number(err.headers?.['ratelimit-reset'])
    return new ThreadFetchError('limited', 'Bluesky rate limit reached (429)', reset > 0 ? reset * 1000 : null)
  }
  if (err.status >= 400 && err.status < 600)
    return new ThreadFetchError('failed', `Bluesky: ${err.message || err.error} (${err.status})`)
  return new ThreadFetchError('failed', `Bluesky did not answer (${err.message || err.error})`)
}
