// Mastodon source settings: one instance's streaming API plus search polling.
import { z } from 'zod'

export const MastodonConfigSchema = z.object({
  enabled: z.boolean(),
  /** Instance base URL, e.g. https://mastodon.social */
  instance: z.url({ protocol: /^https?$/, error: 'instance must be an http(s) URL' }),
  /** Listen to the instance's public timelines as well as column hashtags. */
  publicStream: z.enum(['none', 'public', 'public:local', 'public:remote']),
  /** Seconds between keyword searches (plain words the stream cannot filter). */
  searchSeconds: z
    .number()
    .int('whole seconds')
    .min(15, 'search at most every 15 seconds')
    .max(3_600, 'search at least once an hour'),
  /** The instance's post length limit (500 on most). */
  charLimit: z.number().int('a whole number').min(1, 'at least 1').max(100_000, 'at most 100000'),
})
export type MastodonConfig = z.infer<typeof MastodonConfigSchema>

export const DEFAULT_MASTODON: MastodonConfig = {
  enabled: false,
  instance: 'https://mastodon.social',
  publicStream: 'none',
  searchSeconds: 60,
  charLimit: 500,
}
