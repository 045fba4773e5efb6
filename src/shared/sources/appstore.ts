// App Store reviews: Apple's public customer-reviews feed (JSON) per app id
// and country storefront, polled; no account needed.
import { z } from 'zod'

export const AppStoreAppSchema = z.object({
  /** The number in the app's store address: apps.apple.com/us/app/…/id<this>. */
  appId: z
    .string()
    .trim()
    .regex(/^\d{5,12}$/, 'the app id: the digits after “id” in its App Store address'),
  /** The storefront, a two-letter country code (us, gb, de…). */
  country: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2}$/, 'a two-letter country code such as us or gb'),
  /** A name to show for the app (its reviews say only the app id). */
  title: z.string().trim().max(100).nullable(),
})
export type AppStoreApp = z.infer<typeof AppStoreAppSchema>

export const AppStoreConfigSchema = z.object({
  enabled: z.boolean(),
  apps: z
    .array(AppStoreAppSchema)
    .max(100, 'at most 100 apps')
    .superRefine((apps, ctx) => {
      const seen = new Set<string>()
      apps.forEach((a, i) => {
        const key = `${a.appId}/${a.country}`
        if (seen.has(key))
          ctx.addIssue({ code: 'custom', path: [i, 'appId'], message: 'this app and country are listed twice' })
        seen.add(key)
      })
    }),
  /** Seconds between polls of each app's feed (Apple refreshes it every few minutes at most). */
  pollSeconds: z
    .number()
    .int('whole seconds')
    .min(60, 'poll at most every minute')
    .max(86_400, 'poll at least once a day'),
})
export type AppStoreConfig = z.infer<typeof AppStoreConfigSchema>

export const DEFAULT_APPSTORE: AppStoreConfig = { enabled: false, apps: [], pollSeconds: 900 }
