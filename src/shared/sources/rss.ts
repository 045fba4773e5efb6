// RSS/Atom source settings: a list of feeds, each polled on its own interval.
import { z } from 'zod'

export const RssFeedSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'a feed must be an http(s) URL' }),
  /** Seconds between polls. */
  intervalSeconds: z
    .number()
    .int('whole seconds')
    .min(30, 'poll at most every 30 seconds')
    .max(86_400, 'poll at least once a day'),
  title: z.string().max(200).nullable(),
})
export type RssFeed = z.infer<typeof RssFeedSchema>

export const RssConfigSchema = z.object({
  enabled: z.boolean(),
  feeds: z
    .array(RssFeedSchema)
    .max(200, 'at most 200 feeds')
    .superRefine((feeds, ctx) => {
      const seen = new Set<string>()
      feeds.forEach((f, i) => {
        if (seen.has(f.url)) ctx.addIssue({ code: 'custom', path: [i, 'url'], message: 'this feed is already listed' })
        seen.add(f.url)
      })
    }),
})
export type RssConfig = z.infer<typeof RssConfigSchema>

export const DEFAULT_RSS: RssConfig = { enabled: false, feeds: [] }
