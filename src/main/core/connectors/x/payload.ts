// The parts of X API v2 payloads Earshot reads, as zod schemas (the one
// source of truth: the types are inferred from them), and the fields it asks
// for. Used by the live stream, recent search and file imports alike. Objects
// are loose: X adds fields freely and they pass through untouched. A post
// without the fields below, or with them malformed, is refused on its own;
// an unreadable entry of `includes` is dropped, never the page it came in.
import { z } from 'zod'

/** Exactly the fields the stream and recent search request (issue 4; note_tweet for posts past 280 characters). */
export const TWEET_FIELDS = [
  'created_at',
  'lang',
  'author_id',
  'conversation_id',
  'in_reply_to_user_id',
  'referenced_tweets',
  'public_metrics',
  'entities',
  'note_tweet',
] as const
export const EXPANSIONS = ['author_id'] as const
export const USER_FIELDS = ['username', 'name', 'public_metrics', 'verified', 'profile_image_url'] as const

/** Query parameters for GET /2/tweets/search/stream and /2/tweets/search/recent. */
export const FIELD_PARAMS = {
  'tweet.fields': [...TWEET_FIELDS],
  expansions: [...EXPANSIONS],
  'user.fields': [...USER_FIELDS],
}

const XUrlEntitySchema = z.looseObject({
  start: z.number().int(),
  end: z.number().int(),
  url: z.string(),
  expanded_url: z.string().optional(),
  display_url: z.string().optional(),
  media_key: z.string().optional(),
})
export type XUrlEntity = z.infer<typeof XUrlEntitySchema>

const XEntitiesSchema = z.looseObject({
  urls: z.array(XUrlEntitySchema).optional(),
  mentions: z.array(z.looseObject({ username: z.string(), id: z.string().optional() })).optional(),
})
export type XEntities = z.infer<typeof XEntitiesSchema>

export const XUserSchema = z.looseObject({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  verified: z.boolean().optional(),
  profile_image_url: z.string().optional(),
  public_metrics: z.looseObject({ followers_count: z.number().int().nonnegative().optional() }).optional(),
})
export type XUser = z.infer<typeof XUserSchema>

export const XTweetSchema = z.looseObject({
  // Digits, because the creation time is read from the id when created_at is absent.
  id: z.string().regex(/^\d{1,20}$/, 'a post id is digits'),
  /** Cut short (near 280 characters) for a long post; note_tweet has the whole text. */
  text: z.string(),
  author_id: z.string().optional(),
  created_at: z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)), {
      error: (issue) => `created_at "${String(issue.input)}" is not a date`,
    })
    .optional(),
  lang: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  // Any type is read, so that a kind X adds later leaves the post a plain post instead of refusing it.
  referenced_tweets: z.array(z.looseObject({ type: z.string(), id: z.string() })).optional(),
  entities: XEntitiesSchema.optional(),
  note_tweet: z.looseObject({ text: z.string(), entities: XEntitiesSchema.optional() }).optional(),
  attachments: z.looseObject({ media_keys: z.array(z.string()).optional() }).optional(),
  /** twarc's flattened form carries the author inline. */
  author: XUserSchema.optional(),
})
export type XTweet = z.infer<typeof XTweetSchema>

export const XIncludesSchema = z
  .looseObject({
    users: z.array(XUserSchema.nullable().catch(null)).optional(),
    tweets: z.array(XTweetSchema.nullable().catch(null)).optional(),
  })
  .optional()
export type XIncludes = z.infer<typeof XIncludesSchema>

/** One object from the filtered stream carrying a post. */
export const XStreamPostSchema = z.object({
  data: XTweetSchema,
  includes: XIncludesSchema,
  matching_rules: z.array(z.object({ id: z.string(), tag: z.string().optional() })).default([]),
})
export type XStreamPost = z.infer<typeof XStreamPostSchema>

/** A page of GET /2/tweets/search/recent. Its posts are read one by one, so one bad post costs only itself. */
export const XSearchPageSchema = z.object({
  data: z.array(z.unknown()).optional(),
  includes: XIncludesSchema,
  meta: z.object({
    newest_id: z.string().optional(),
    oldest_id: z.string().optional(),
    result_count: z.number().int(),
    next_token: z.string().optional(),
  }),
})
export type XSearchPage = z.infer<typeof XSearchPageSchema>

/**
 * Any X API v2 response page as files hold it (twarc2 writes one per line):
 * `data` is a list (search, timelines) or one post (stream, lookup); its
 * posts are read one by one.
 */
export const XResponsePageSchema = z.looseObject({
  data: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]).optional(),
  includes: XIncludesSchema,
  errors: z.array(z.unknown()).optional(),
  meta: z.looseObject({ result_count: z.number().optional() }).optional(),
})

/** An RFC 7807 problem as X sends it (in stream lines and error bodies). */
export const XProblemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  disconnect_type: z.string().optional(),
  value: z.string().optional(),
  id: z.string().optional(),
  details: z.array(z.string()).optional(),
  message: z.string().optional(),
})
export type XProblem = z.infer<typeof XProblemSchema>
