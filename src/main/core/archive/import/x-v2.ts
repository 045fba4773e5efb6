// X API v2 posts (a response page {data, includes, meta}, as twarc2 writes one
// per line, or a twarc "flattened" post with its author inline) normalized to
// mentions. Authors, quoted and replied-to posts come from `includes`, the way
// the API expands them. Kept small and local to imports: the X connector has
// its own normalizer for the live stream (the two should become one).
import { z } from 'zod'
import type { MentionInput, MentionKind } from '../../../../shared/domain'

const UserSchema = z.looseObject({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  profile_image_url: z.string().optional(),
  verified: z.boolean().optional(),
  public_metrics: z.looseObject({ followers_count: z.number().optional() }).optional(),
})
type User = z.infer<typeof UserSchema>

const TweetSchema = z.looseObject({
  id: z.string().regex(/^\d{1,20}$/, 'a post id is digits'),
  text: z.string(),
  created_at: z.string().optional(),
  author_id: z.string().optional(),
  lang: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  note_tweet: z.looseObject({ text: z.string() }).optional(),
  /** twarc's flattened form carries the author inline. */
  author: UserSchema.optional(),
})
type Tweet = z.infer<typeof TweetSchema>

const PageSchema = z.looseObject({
  data: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
  includes: z
    .looseObject({
      users: z.array(z.unknown()).optional(),
      tweets: z.array(z.unknown()).optional(),
    })
    .optional(),
  errors: z.array(z.unknown()).optional(),
  meta: z.looseObject({ result_count: z.number().optional() }).optional(),
})

const REF_KINDS: Record<string, MentionKind> = { retweeted: 'repost', quoted: 'quote', replied_to: 'reply' }
/** X ids are snowflakes: the creation time is in the top bits. */
const TWITTER_EPOCH = 1_288_834_974_657n

export interface Normalized {
  mentions: MentionInput[]
  /** Posts that could not be read, with why (index into the page's data). */
  problems: Array<{ index: number; message: string }>
}

function byId<T extends { id: string }>(items: readonly unknown[] | undefined, schema: z.ZodType<T>): Map<string, T> {
  const map = new Map<string, T>()
  for (const item of items ?? []) {
    const parsed = schema.safeParse(item)
    if (parsed.success) map.set(parsed.data.id, parsed.data)
  }
  return map
}

function createdAt(t: Tweet): number | null {
  if (t.created_at !== undefined) {
    const ms = Date.parse(t.created_at)
    return Number.isNaN(ms) ? null : ms
  }
  return Number((BigInt(t.id) >> 22n) + TWITTER_EPOCH)
}

function toMention(t: Tweet, users: Map<string, User>, tweets: Map<string, Tweet>): MentionInput | string {
  const author = t.author ?? (t.author_id !== undefined ? users.get(t.author_id) : undefined)
  if (!author) return `post ${t.id}: its author ${t.author_id ?? '(none)'} is not in includes.users`
  const at = createdAt(t)
  if (at === null) return `post ${t.id}: created_at "${t.created_at}" is not a date`
  const ref = t.referenced_tweets?.find((r) => REF_KINDS[r.type] !== undefined)
  const refTweet = ref ? tweets.get(ref.id) : undefined
  const refAuthorId = refTweet?.author_id ?? (ref?.type === 'replied_to' ? t.in_reply_to_user_id : undefined)
  return {
    source: 'x',
    externalId: t.id,
    url: `https://x.com/${author.username}/status/${t.id}`,
    createdAt: at,
    author: {
      handle: author.username,
      name: author.name ?? author.username,
      followers: author.public_metrics?.followers_count ?? 0,
      avatarUrl: author.profile_image_url ?? null,
      verified: author.verified ?? false,
    },
    text: t.note_tweet?.text ?? t.text,
    lang: t.lang ?? null,
    kind: ref ? REF_KINDS[ref.type]! : 'post',
    refId: ref?.id ?? null,
    replyTo: t.in_reply_to_user_id ? (users.get(t.in_reply_to_user_id)?.username ?? null) : null,
    refAuthor: refAuthorId ? (users.get(refAuthorId)?.username ?? null) : null,
    hasMedia: (t.attachments?.media_keys?.length ?? 0) > 0,
  }
}

/** One response page, or one flattened post. Throws when the value is neither. */
export function normalizeXPage(value: unknown): Normalized {
  const single = TweetSchema.safeParse(value)
  if (single.success && single.data.author) {
    const m = toMention(single.data, new Map(), new Map())
    return typeof m === 'string'
      ? { mentions: [], problems: [{ index: 0, message: m }] }
      : { mentions: [m], problems: [] }
  }
  const page = PageSchema.safeParse(value)
  if (!page.success) throw new Error('not an X API v2 response page (no "data")')
  if (page.data.data === undefined) {
    // A page with only errors (deleted or protected posts) or an empty result: nothing to import, nothing wrong.
    if (page.data.errors !== undefined || page.data.meta?.result_count === 0) return { mentions: [], problems: [] }
    throw new Error('not an X API v2 response page (no "data")')
  }
  const users = byId(page.data.includes?.users, UserSchema)
  const tweets = byId(page.data.includes?.tweets, TweetSchema)
  const items = Array.isArray(page.data.data) ? page.data.data : [page.data.data]
  const out: Normalized = { mentions: [], problems: [] }
  items.forEach((item, index) => {
    const t = TweetSchema.safeParse(item)
    if (!t.success) {
      out.problems.push({ index, message: `post ${index + 1}: ${t.error.issues[0]?.message ?? 'not a post'}` })
      return
    }
    const m = toMention(t.data, users, tweets)
    if (typeof m === 'string') out.problems.push({ index, message: m })
    else out.mentions.push(m)
  })
  return out
}
