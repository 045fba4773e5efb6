// Source settings, secrets (write-only: the UI learns only whether each is
// set and where from) and capture gaps.
import { z } from 'zod'
import { ColumnIdSchema, SourceIdSchema, SourceStatusSchema } from '../domain'
import { SOURCE_CONFIG_SCHEMAS } from '../sources'
import { command } from './command'

export const SECRET_ORIGINS = ['env', 'file', 'stored', 'session'] as const
export const SecretStateSchema = z.object({
  name: z.string(),
  set: z.boolean(),
  /** Where the value comes from: an environment variable, the credentials file, the encrypted store, this session only. */
  origin: z.enum(SECRET_ORIGINS).nullable(),
})
export type SecretState = z.infer<typeof SecretStateSchema>

export const SecretStoreInfoSchema = z.object({
  kind: z.enum(['safeStorage', 'session']),
  /** Whether a secret entered in the UI survives a restart. */
  persistent: z.boolean(),
  /** One line for the Sources panel: where secrets live and how to provide them. */
  detail: z.string(),
})
export type SecretStoreInfo = z.infer<typeof SecretStoreInfoSchema>

export const SourceInfoSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('x'), config: SOURCE_CONFIG_SCHEMAS.x }),
  z.object({ source: z.literal('bluesky'), config: SOURCE_CONFIG_SCHEMAS.bluesky }),
  z.object({ source: z.literal('mastodon'), config: SOURCE_CONFIG_SCHEMAS.mastodon }),
  z.object({ source: z.literal('rss'), config: SOURCE_CONFIG_SCHEMAS.rss }),
  z.object({ source: z.literal('hackernews'), config: SOURCE_CONFIG_SCHEMAS.hackernews }),
  z.object({ source: z.literal('reddit'), config: SOURCE_CONFIG_SCHEMAS.reddit }),
  z.object({ source: z.literal('appstore'), config: SOURCE_CONFIG_SCHEMAS.appstore }),
])
export const SourceEntrySchema = z.intersection(
  SourceInfoSchema,
  z.object({ secrets: z.array(SecretStateSchema), status: SourceStatusSchema }),
)
export type SourceEntry = z.infer<typeof SourceEntrySchema>

const SecretsPatch = z.record(z.string().min(1).max(40), z.string().max(8_192).nullable()).optional()

export const SourcesConfigureSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('x'), config: SOURCE_CONFIG_SCHEMAS.x.partial(), secrets: SecretsPatch }).strict(),
  z
    .object({ source: z.literal('bluesky'), config: SOURCE_CONFIG_SCHEMAS.bluesky.partial(), secrets: SecretsPatch })
    .strict(),
  z
    .object({ source: z.literal('mastodon'), config: SOURCE_CONFIG_SCHEMAS.mastodon.partial(), secrets: SecretsPatch })
    .strict(),
  z.object({ source: z.literal('rss'), config: SOURCE_CONFIG_SCHEMAS.rss.partial(), secrets: SecretsPatch }).strict(),
  z
    .object({ source: z.literal('appstore'), config: SOURCE_CONFIG_SCHEMAS.appstore.partial(), secrets: SecretsPatch })
    .strict(),
  z
    .object({ source: z.literal('reddit'), config: SOURCE_CONFIG_SCHEMAS.reddit.partial(), secrets: SecretsPatch })
    .strict(),
  z
    .object({
      source: z.literal('hackernews'),
      config: SOURCE_CONFIG_SCHEMAS.hackernews.partial(),
      secrets: SecretsPatch,
    })
    .strict(),
])
export type SourcesConfigure = z.infer<typeof SourcesConfigureSchema>

export const GapSchema = z.object({
  id: z.number().int(),
  source: SourceIdSchema,
  /** Epoch ms the capture stopped. */
  startedAt: z.number().int(),
  /** Epoch ms it resumed; null while still down. */
  endedAt: z.number().int().nullable(),
  reason: z.string(),
})
export type Gap = z.infer<typeof GapSchema>

export const sourceCommands = {
  'sources.list': command(
    z.object({}).strict(),
    z.object({ sources: z.array(SourceEntrySchema), secretStore: SecretStoreInfoSchema }),
  ),
  'sources.configure': command(SourcesConfigureSchema, SourceEntrySchema),
  'gaps.list': command(
    z
      .object({
        source: SourceIdSchema.optional(),
        /** Epoch ms: gaps that overlap [since, until). */
        since: z.number().int().nullable().optional(),
        until: z.number().int().nullable().optional(),
        limit: z.number().int().min(1).max(10_000).default(500),
      })
      .strict(),
    z.array(GapSchema),
  ),
} as const

/** A source's word on one column, shown in its header: X refusing the column's rule, say (null clears it). */
export const ColumnNoticeSchema = z.object({
  columnId: ColumnIdSchema,
  source: SourceIdSchema,
  message: z.string().nullable(),
})
export type ColumnNotice = z.infer<typeof ColumnNoticeSchema>

export const sourceEvents = {
  /** A source's settings or secrets changed. */
  'source.configured': SourceEntrySchema,
  /** A capture gap opened or closed. */
  'gap.changed': GapSchema,
  'column.notice': ColumnNoticeSchema,
} as const
