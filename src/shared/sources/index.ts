// The settings of every configurable source, validated the same way in the UI
// and the core. Settings never hold secrets: those have names listed in
// SOURCE_SECRETS and live in the secret store (safeStorage, env, 0600 file).
import { z } from 'zod'
import { AppStoreConfigSchema, DEFAULT_APPSTORE } from './appstore'
import { BlueskyConfigSchema, DEFAULT_BLUESKY } from './bluesky'
import { DEFAULT_HACKERNEWS, HackerNewsConfigSchema } from './hackernews'
import { MastodonConfigSchema, DEFAULT_MASTODON } from './mastodon'
import { RedditConfigSchema, DEFAULT_REDDIT } from './reddit'
import { RssConfigSchema, DEFAULT_RSS } from './rss'
import { XConfigSchema, DEFAULT_X } from './x'

export const CONFIGURABLE_SOURCES = ['x', 'bluesky', 'mastodon', 'rss', 'hackernews', 'reddit', 'appstore'] as const
export const ConfigurableSourceSchema = z.enum(CONFIGURABLE_SOURCES)
export type ConfigurableSource = z.infer<typeof ConfigurableSourceSchema>

export const SOURCE_CONFIG_SCHEMAS = {
  x: XConfigSchema,
  bluesky: BlueskyConfigSchema,
  mastodon: MastodonConfigSchema,
  rss: RssConfigSchema,
  hackernews: HackerNewsConfigSchema,
  reddit: RedditConfigSchema,
  appstore: AppStoreConfigSchema,
} as const

export type SourceConfigs = { [S in ConfigurableSource]: z.infer<(typeof SOURCE_CONFIG_SCHEMAS)[S]> }

export const DEFAULT_SOURCE_CONFIGS: SourceConfigs = {
  x: DEFAULT_X,
  bluesky: DEFAULT_BLUESKY,
  mastodon: DEFAULT_MASTODON,
  rss: DEFAULT_RSS,
  hackernews: DEFAULT_HACKERNEWS,
  reddit: DEFAULT_REDDIT,
  appstore: DEFAULT_APPSTORE,
}

/** The secrets each source may use, by name. Never stored in the archive. */
export const SOURCE_SECRETS = {
  x: ['bearerToken', 'appKey', 'appSecret', 'accessToken', 'accessSecret'],
  bluesky: ['appPassword'],
  mastodon: ['accessToken'],
  rss: [],
  hackernews: [],
  reddit: ['clientId', 'clientSecret'],
  appstore: [],
} as const satisfies Record<ConfigurableSource, readonly string[]>

export type SecretName<S extends ConfigurableSource = ConfigurableSource> = (typeof SOURCE_SECRETS)[S][number]

/** Environment variable for a secret: EARSHOT_X_BEARER_TOKEN, EARSHOT_BLUESKY_APP_PASSWORD, ... */
export function secretEnvName(source: ConfigurableSource, name: string): string {
  return `EARSHOT_${source.toUpperCase()}_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
}
