// The posts above an X mention, for the composer's thread: GET /2/tweets?ids=
// with the app's bearer token and the fields the stream and search request,
// one level per call (the service walks up and caches). X answers a deleted
// or protected post with 200 and a resource-not-found entry in `errors`.
import type { TwitterApiv2 } from 'twitter-api-v2'
import { z } from 'zod'
import type { MentionInput } from '../../../../shared/domain'
import { GONE_MESSAGE, ThreadFetchError, type ThreadChild, type ThreadFetcher } from '../../thread/fetcher'
import { describeFailure } from './client'
import { normalizePosts } from './normalize'
import { FIELD_PARAMS, XIncludesSchema, XProblemSchema } from './payload'

/** GET /2/tweets: its posts are read one by one by the normalizer. */
const XLookupSchema = z.object({
  data: z.array(z.unknown()).optional(),
  includes: XIncludesSchema,
  errors: z.array(XProblemSchema.extend({ resource_id: z.string().optional() })).optional(),
})

export class XThreadFetcher implements ThreadFetcher {
  constructor(private readonly api: TwitterApiv2) {}

  async ancestors(child: ThreadChild): Promise<MentionInput[]> {
    let body: unknown
    try {
      body = await this.api.tweets([child.refId], FIELD_PARAMS)
    } catch (err) {
      throw threadError(err)
    }
    const page = XLookupSchema.safeParse(body)
    if (!page.success) throw new ThreadFetchError('failed', 'X sent an answer Earshot does not understand')
    const read = normalizePosts(page.data.data ?? [], page.data.includes, 'by-id')
    const post = read.mentions.find((m) => m.externalId === child.refId)
    if (post) return [post]
    if (read.problems.length > 0) throw new ThreadFetchError('failed', 'X sent a post Earshot cannot read')
    const problem = page.data.errors?.find((e) => e.resource_id === child.refId) ?? page.data.errors?.[0]
    const notFound = problem?.type?.endsWith('/resource-not-found') ?? true
    throw new ThreadFetchError(
      notFound ? 'gone' : 'failed',
      notFound ? GONE_MESSAGE : `X: ${problem?.detail ?? problem?.title ?? 'the post was not returned'}`,
    )
  }
}

function threadError(err: unknown): ThreadFetchError {
  const f = describeFailure(err)
  if (f.kind !== 'http') return new ThreadFetchError('failed', `X did not answer (${f.message})`)
  if (f.status === 429) return new ThreadFetchError('limited', 'X rate limit reached (429)', f.resetAt)
  if (f.status === 404) return new ThreadFetchError('gone', GONE_MESSAGE)
  if (f.status === 401 || f.status === 403)
    return new ThreadFetchError('failed', `X refused the app token (${f.message})`)
  return new ThreadFetchError('failed', `X: ${f.message}`)
}
