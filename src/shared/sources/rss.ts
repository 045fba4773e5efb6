// RSS/Atom source settings: a list of feeds, each polled on its own interval.
import { z } from 'zod'

export const RssFeedSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'a feed must be an http(s) URL' }),
  /** Seconds between polls. */
  intervalSeconds: z.number().int().min(30).max(86_400),
  title: z.string().max(200).nullable(),
})
export type RssFeed = z.infer<typeof RssFeedSchema>

export const RssConfigSchema = z.object({
  enabled: z.boolean(),
  feeds: z.array(RssFeedSchema).max(200),
})
export type RssConfig = z.infer<typeof RssConfigSchema>

export const DEFAULT_RSS: RssConfig = { enabled: false, feeds: [] }
