// The domain vocabulary shared by every process: mentions, columns, sources,
// workspaces and the live statistics. Schemas are zod so that anything that
// crosses a process or file boundary can be validated with the same definition
// the types come from. No Node, DOM or electron imports here.
import { z } from 'zod'

export const SOURCE_IDS = [
  'demo',
  'x',
  'bluesky',
  'mastodon',
  'rss',
  'hackernews',
  'reddit',
  'appstore',
  'replay',
  'import',
] as const
export const SourceIdSchema = z.enum(SOURCE_IDS)
export type SourceId = z.infer<typeof SourceIdSchema>

/** `unscored`: in a language the sentiment model does not read (or no words at all). */
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative', 'unscored'] as const
export const SentimentLabelSchema = z.enum(SENTIMENT_LABELS)
export type SentimentLabel = z.infer<typeof SentimentLabelSchema>

export const MENTION_KINDS = ['post', 'reply', 'repost', 'quote'] as const
export const MentionKindSchema = z.enum(MENTION_KINDS)
export type MentionKind = z.infer<typeof MentionKindSchema>

export const AuthorSchema = z.object({
  handle: z.string().min(1).max(100),
  name: z.string().max(200),
  followers: z.number().int().nonnegative(),
  avatarUrl: z.string().nullable(),
  verified: z.boolean(),
})
export type Author = z.infer<typeof AuthorSchema>

/**
 * What a connector hands to the pipeline: one post, normalized to our shape,
 * before dedupe and sentiment. Times are epoch milliseconds (UTC).
 */
export const MentionInputSchema = z.object({
  source: SourceIdSchema,
  externalId: z.string().min(1).max(200),
  url: z.string().nullable(),
  createdAt: z.number().int(),
  author: AuthorSchema,
  text: z.string().max(20_000),
  lang: z.string().max(16).nullable(),
  kind: MentionKindSchema,
  /** External id of the post this one replies to, reposts or quotes. */
  refId: z.string().nullable(),
  /** Handle of the user this post replies to, when the source says (for `to:`). */
  replyTo: z.string().max(200).nullable().optional(),
  /** Handle of the author of the post `refId` names, when the source says (X's summoned-reply rule). */
  refAuthor: z.string().max(200).nullable().optional(),
  /** A subject line: an RSS item's title. */
  title: z.string().max(1_000).nullable().optional(),
  /** A content warning (Mastodon spoiler text): shown before the text. */
  warning: z.string().max(1_000).nullable().optional(),
  /** A review's star rating, 1 to 5 (App Store reviews); absent for posts. */
  rating: z.number().int().min(1).max(5).nullable().optional(),
  hasMedia: z.boolean(),
})
export type MentionInput = z.infer<typeof MentionInputSchema>

/** A stored mention: the input plus what the pipeline adds. */
export const MentionSchema = MentionInputSchema.extend({
  /** SQLite rowid: unique in one archive, increasing in commit order. */
  id: z.number().int().positive(),
  receivedAt: z.number().int(),
  sentiment: z.number().min(-1).max(1),
  sentimentLabel: SentimentLabelSchema,
  /** Which scorer and version gave the sentiment, e.g. "earshot-linear/1"; "vader/1" before the model. */
  sentimentScorer: z.string().max(40).optional(),
  /** When the author last edited it at the source (its text is the edited text); absent when never edited. */
  editedAt: z.number().int().optional(),
  /** Reposts of this mention in the archive, filled in for columns that collapse reposts. */
  reposts: z.number().int().nonnegative().optional(),
})
export type Mention = z.infer<typeof MentionSchema>

export const COLUMN_WIDTH = { min: 240, max: 900, default: 340 } as const

export const ColumnIdSchema = z.string().min(1).max(64)
export type ColumnId = string

export const ColumnSchema = z.object({
  id: ColumnIdSchema,
  title: z.string().min(1).max(80),
  query: z.string().max(2_000),
  position: z.number().int().nonnegative(),
  width: z.number().int().min(COLUMN_WIDTH.min).max(COLUMN_WIDTH.max),
  createdAt: z.number().int(),
  /** Hide reposts in this column and count them on the original's card instead (absent = false). */
  collapseReposts: z.boolean().optional(),
})
export type Column = z.infer<typeof ColumnSchema>

/** Cursor for paging a column or search newest-first: strictly older than this. */
export const PageCursorSchema = z.object({
  createdAt: z.number().int(),
  id: z.number().int(),
})
export type PageCursor = z.infer<typeof PageCursorSchema>

export const DEMO_RATE = { min: 1, max: 5_000, default: 12 } as const

export const DemoSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Long-run mean mentions per second (calm periods run below it, bursts far above). */
  rate: z.number().int().min(DEMO_RATE.min).max(DEMO_RATE.max),
  seed: z.number().int().nonnegative(),
})
export type DemoSettings = z.infer<typeof DemoSettingsSchema>

export const SOURCE_STATES = [
  'idle',
  'connecting',
  'connected',
  'reconnecting',
  'rate_limited',
  'error',
  'stopped',
] as const
export const SourceStatusSchema = z.object({
  source: SourceIdSchema,
  state: z.enum(SOURCE_STATES),
  detail: z.string(),
  /** Mentions per second over the last few seconds. */
  rate: z.number().nonnegative(),
  /** Epoch ms when the next retry or the end of a rate limit is due. */
  until: z.number().int().nullable(),
})
export type SourceStatus = z.infer<typeof SourceStatusSchema>

export const DISPLAY_DENSITIES = ['comfortable', 'compact'] as const
export const DisplaySettingsSchema = z.object({
  density: z.enum(DISPLAY_DENSITIES),
  /** Multiplier on the base font size, for wall displays. */
  fontScale: z.number().min(0.75).max(2.5),
  /**
   * Wall mode, for a command-center screen: columns sized so a whole number
   * fits the width, larger type, less chrome. Optional (absent = off) so that
   * older archives and workspace files stay valid and a partial update never
   * resets it.
   */
  wall: z.boolean().optional(),
  /** A ticker strip that scrolls the newest mentions of every column along the bottom. */
  ticker: z.boolean().optional(),
})
export type DisplaySettings = z.infer<typeof DisplaySettingsSchema>
export const DEFAULT_DISPLAY: DisplaySettings = { density: 'comfortable', fontScale: 1 }

/** Sparkline buckets: the last 30 minutes in 30-second steps. */
export const STATS_WINDOW_MS = 30 * 60_000
export const STATS_BUCKET_MS = 30_000
export const STATS_BUCKETS = STATS_WINDOW_MS / STATS_BUCKET_MS

export const StatsBucketSchema = z.object({
  /** Bucket start, epoch ms, a multiple of STATS_BUCKET_MS. */
  t: z.number().int(),
  positive: z.number().int().nonnegative(),
  neutral: z.number().int().nonnegative(),
  negative: z.number().int().nonnegative(),
  /** Mentions in a language the model does not read: volume, but no sentiment. */
  unscored: z.number().int().nonnegative(),
  /** Sum of compound scores (unscored ones add 0), so the mean is sentimentSum / (positive + neutral + negative). */
  sentimentSum: z.number(),
})
export type StatsBucket = z.infer<typeof StatsBucketSchema>

export const ColumnStatsSchema = z.object({
  columnId: ColumnIdSchema,
  /** All mentions the column holds in the archive. */
  total: z.number().int().nonnegative(),
  /** Oldest first, exactly STATS_BUCKETS entries ending at the current bucket. */
  buckets: z.array(StatsBucketSchema),
})
export type ColumnStats = z.infer<typeof ColumnStatsSchema>
