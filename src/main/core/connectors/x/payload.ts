// The parts of X API v2 payloads Earshot reads, validated with zod at the
// boundary, and the fields it asks for. Unknown fields pass through untouched
// (X adds fields freely); a post without the fields below is reported and skipped.
import { z } from 'zod'

/** Exactly the fields the stream and recent search request (issue 4). */
export const TWEET_FIELDS = [
  'created_at',
  'lang',
  'author_id',
  'conversation_id',
  'in_reply_to_user_id',
  'referenced_tweets',
  'public_metrics',
  'entities',
] as const
export const EXPANSIONS = ['author_id'] as const
export const USER_FIELDS = ['username', 'name', 'public_metrics', 'verified', 'profile_image_url'] as const

/** Query parameters for GET /2/tweets/search/stream and /2/tweets/search/recent. */
export const FIELD_PARAMS = {
  'tweet.fields': [...TWEET_FIELDS],
  expansions: [...EXPANSIONS],
  'user.fields': [...USER_FIELDS],
}

const UrlEntitySchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  url: z.string(),
  expanded_url: z.string().optional(),
  display_url: z.string().optional(),
  media_key: z.string().optional(),
})

export const XTweetSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  author_id: z.string().optional(),
  created_at: z.string().optional(),
  lang: z.string().optional(),
  conversation_id: z.string().optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z
    .array(z.object({ type: z.enum(['retweeted', 'quoted', 'replied_to']), id: z.string() }))
    .optional(),
  entities: z
    .object({
      urls: z.array(UrlEntitySchema).optional(),
      mentions: z.array(z.object({ username: z.string(), id: z.string().optional() })).optional(),
    })
    .optional(),
  attachments: z.object({ media_keys: z.array(z.string()).optional() }).optional(),
})
export type XTweet = z.infer<typeof XTweetSchema>

export const XUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string().optional(),
  verified: z.boolean().optional(),
  profile_image_url: z.string().optional(),
  public_metrics: z.object({ followers_count: z.number().int().nonnegative() }).partial().optional(),
})
export type XUser = z.infer<typeof XUserSchema>

export const XIncludesSchema = z
  .object({ users: z.array(XUserSchema).optional(), tweets: z.array(XTweetSchema).optional() })
  .optional()
export type XIncludes = z.infer<typeof XIncludesSchema>

/** One object from the filtered stream carrying a post. */
export const XStreamPostSchema = z.object({
  data: XTweetSchema,
  includes: XIncludesSchema,
  matching_rules: z.array(z.object({ id: z.string(), tag: z.string().optional() })).default([]),
})
export type XStreamPost = z.infer<typeof XStreamPostSchema>

/** A page of GET /2/tweets/search/recent. */
export const XSearchPageSchema = z.object({
  data: z.array(XTweetSchema).optional(),
  includes: XIncludesSchema,
  meta: z.object({
    newest_id: z.string().optional(),
    oldest_id: z.string().optional(),
    result_count: z.number().int(),
    next_token: z.string().optional(),
  }),
})
export type XSearchPage = z.infer<typeof XSearchPageSchema>

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
