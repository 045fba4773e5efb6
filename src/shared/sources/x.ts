// X (Twitter) API v2 source settings.
import { z } from 'zod'

export const X_MODES = ['stream', 'search'] as const

export const XConfigSchema = z.object({
  enabled: z.boolean(),
  /** Filtered stream (needs stream access) or recent-search polling per column. */
  mode: z.enum(X_MODES),
  /** API base URL, for a gateway or proxy; null means https://api.x.com. EARSHOT_X_API_BASE overrides. */
  apiBase: z.url({ protocol: /^https?$/, error: 'API base must be an http(s) URL' }).nullable(),
  /** Seconds between recent-search polls of one column (rate limits may stretch it). */
  pollSeconds: z.number().int().min(5).max(3_600),
  /** The account replies are sent from (without @), for the summoned-reply rule. */
  account: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,15}$/, 'an X handle is 1-15 letters, digits or _')
    .nullable(),
})
export type XConfig = z.infer<typeof XConfigSchema>

export const DEFAULT_X: XConfig = { enabled: false, mode: 'stream', apiBase: null, pollSeconds: 30, account: null }
