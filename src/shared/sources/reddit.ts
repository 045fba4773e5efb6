// Reddit source settings: search the column keywords across Reddit and read
// the newest posts of chosen subreddits. With an app's client id and secret
// (write-only secrets) it uses the OAuth API (about 100 requests a minute);
// without them, the public .json listings (about 10 a minute).
import { z } from 'zod'

const Subreddit = z
  .string()
  .trim()
  .transform((s) => s.replace(/^\/?r\//i, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9_]{2,21}$/, 'a subreddit name: 2–21 letters, digits or _'))

export const RedditConfigSchema = z.object({
  enabled: z.boolean(),
  /** Search all of Reddit for every column keyword. */
  searchKeywords: z.boolean(),
  /** Subreddits whose newest posts are read (their posts then go through the column queries). */
  subreddits: z
    .array(Subreddit)
    .max(50, 'at most 50 subreddits')
    .superRefine((list, ctx) => {
      const seen = new Set<string>()
      list.forEach((s, i) => {
        if (seen.has(s.toLowerCase())) ctx.addIssue({ code: 'custom', path: [i], message: 'listed twice' })
        seen.add(s.toLowerCase())
      })
    }),
  /** Seconds between rounds. */
  pollSeconds: z
    .number()
    .int('whole seconds')
    .min(30, 'poll at most every 30 seconds')
    .max(3_600, 'poll at least once an hour'),
})
export type RedditConfig = z.infer<typeof RedditConfigSchema>

export const DEFAULT_REDDIT: RedditConfig = { enabled: false, searchKeywords: true, subreddits: [], pollSeconds: 60 }
