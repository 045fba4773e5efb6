// Hacker News source settings: Algolia's public HN search (no key), polled
// for every column's keywords.
import { z } from 'zod'

export const HN_INCLUDE = ['both', 'stories', 'comments'] as const

export const HackerNewsConfigSchema = z.object({
  enabled: z.boolean(),
  /** Seconds between polls of each keyword. */
  pollSeconds: z
    .number()
    .int('whole seconds')
    .min(30, 'poll at most every 30 seconds')
    .max(3_600, 'poll at least once an hour'),
  /** Stories, comments, or both. */
  include: z.enum(HN_INCLUDE),
})
export type HackerNewsConfig = z.infer<typeof HackerNewsConfigSchema>

export const DEFAULT_HACKERNEWS: HackerNewsConfig = { enabled: false, pollSeconds: 60, include: 'both' }
