// The one contract between the console's UI and its core. Every command
// (request -> response) and every event (core -> UI) is listed here once, with
// the zod schema of what it carries. The preload bridge, the WebSocket client
// and the core's handler table are all typed from these two lists, so adding a
// command is one entry here plus its handler. Each area keeps its commands in
// its own module under contracts/, spread in here.
import { z } from 'zod'
import {
  ColumnIdSchema,
  ColumnSchema,
  ColumnStatsSchema,
  DemoSettingsSchema,
  DisplaySettingsSchema,
  MentionSchema,
  PageCursorSchema,
  SourceStatusSchema,
} from './domain'
import { WorkspaceFileSchema } from './workspace'
import { alertsCommands, alertsEvents } from './contracts/alerts'
import { archiveCommands, archiveEvents } from './contracts/archive'
import { deliveryCommands, deliveryEvents } from './contracts/delivery'
import { command } from './contracts/command'
import { replyCommands, replyEvents } from './contracts/replies'
import { reportsCommands, reportsEvents } from './contracts/reports'
import { sentimentCommands, sentimentEvents } from './contracts/sentiment'
import { auditCommands } from './contracts/audit'
import { sessionCommands, sessionEvents } from './contracts/session'
import { sourceCommands, sourceEvents } from './contracts/sources'
import { threadCommands } from './contracts/thread'
import { triageCommands, triageEvents } from './contracts/triage'

const ColumnTitle = ColumnSchema.shape.title
const ColumnQuery = ColumnSchema.shape.query
const ColumnWidth = ColumnSchema.shape.width

export const MentionPageSchema = z.object({
  items: z.array(MentionSchema),
  /** Pass back to get the next (older) page; null when there is none. */
  next: PageCursorSchema.nullable(),
})
export type MentionPage = z.infer<typeof MentionPageSchema>

export const QueryCheckSchema = z.union([
  z.object({
    ok: z.literal(true),
    /** Plain-English reading of the query. */
    description: z.string(),
    /** How many archived mentions it selects now. */
    archived: z.number().int().nonnegative(),
    /** The X API v2 filtered-stream rule it compiles to (null when it cannot listen on X). */
    xRule: z.string().nullable(),
    /** Operators X lacks, applied locally after X's server-side filter. */
    localOnly: z.array(z.string()),
    xErrors: z.array(z.string()),
  }),
  z.object({
    ok: z.literal(false),
    message: z.string(),
    /** UTF-16 offset into the query, and the length of the offending part. */
    position: z.number().int().nonnegative(),
    length: z.number().int().nonnegative(),
  }),
])
export type QueryCheck = z.infer<typeof QueryCheckSchema>

export const SEARCH_ORDERS = ['newest', 'followers'] as const
/** Cursor for archive search: key is the archive id (newest: capture order) or the follower count (followers). */
export const SearchCursorSchema = z.object({ key: z.number().int(), id: z.number().int() })
export type SearchCursor = z.infer<typeof SearchCursorSchema>
export const SearchPageSchema = z.object({
  items: z.array(MentionSchema),
  next: SearchCursorSchema.nullable(),
})
export type SearchPage = z.infer<typeof SearchPageSchema>

export const AppInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  archivePath: z.string(),
  mentionCount: z.number().int().nonnegative(),
})
export type AppInfo = z.infer<typeof AppInfoSchema>

export const SettingsSchema = z.object({
  demo: DemoSettingsSchema,
  display: DisplaySettingsSchema,
})
export type Settings = z.infer<typeof SettingsSchema>

export const commands = {
  'app.info': command(z.object({}).strict(), AppInfoSchema),

  'columns.list': command(z.object({}).strict(), z.array(ColumnSchema)),
  'columns.create': command(
    z.object({ title: ColumnTitle, query: ColumnQuery, width: ColumnWidth.optional() }).strict(),
    ColumnSchema,
  ),
  'columns.update': command(
    z
      .object({
        id: ColumnIdSchema,
        title: ColumnTitle.optional(),
        query: ColumnQuery.optional(),
        width: ColumnWidth.optional(),
        collapseReposts: z.boolean().optional(),
      })
      .strict(),
    ColumnSchema,
  ),
  'columns.delete': command(z.object({ id: ColumnIdSchema }).strict(), z.object({ id: ColumnIdSchema })),
  'columns.reorder': command(z.object({ ids: z.array(ColumnIdSchema).max(200) }).strict(), z.array(ColumnSchema)),

  'mentions.page': command(
    z
      .object({
        columnId: ColumnIdSchema,
        before: PageCursorSchema.nullable().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    MentionPageSchema,
  ),

  'query.check': command(z.object({ query: ColumnQuery }).strict(), QueryCheckSchema),
  'mentions.search': command(
    z
      .object({
        query: ColumnQuery,
        /** Epoch ms, inclusive. */
        since: z.number().int().nullable().optional(),
        /** Epoch ms, exclusive. */
        until: z.number().int().nullable().optional(),
        order: z.enum(SEARCH_ORDERS).default('newest'),
        after: SearchCursorSchema.nullable().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    SearchPageSchema,
  ),

  'stats.get': command(z.object({}).strict(), z.array(ColumnStatsSchema)),

  'settings.get': command(z.object({}).strict(), SettingsSchema),
  'settings.update': command(
    z
      .object({ demo: DemoSettingsSchema.partial().optional(), display: DisplaySettingsSchema.partial().optional() })
      .strict(),
    SettingsSchema,
  ),

  'sources.status': command(z.object({}).strict(), z.array(SourceStatusSchema)),

  'workspace.export': command(z.object({ name: z.string().min(1).max(120).optional() }).strict(), WorkspaceFileSchema),
  'workspace.import': command(
    z.object({ workspace: z.unknown() }).strict(),
    z.object({ columns: z.array(ColumnSchema), settings: SettingsSchema }),
  ),
  ...sourceCommands,
  ...replyCommands,
  ...triageCommands,
  ...archiveCommands,
  ...alertsCommands,
  ...deliveryCommands,
  ...reportsCommands,
  ...threadCommands,
  ...sentimentCommands,
  ...auditCommands,
  ...sessionCommands,
} as const

export type Commands = typeof commands
export type CommandName = keyof Commands
/** What a caller passes (defaults may be omitted). */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>
/** What a handler receives after validation (defaults applied). */
export type CommandArgs<K extends CommandName> = z.output<Commands[K]['input']>
export type CommandResult<K extends CommandName> = z.output<Commands[K]['output']>

export const MentionsBatchSchema = z.object({
  /** Each mention once, with the columns it was routed to. */
  mentions: z.array(MentionSchema),
  hits: z.record(ColumnIdSchema, z.array(z.number().int())),
})
export type MentionsBatch = z.infer<typeof MentionsBatchSchema>

export const MentionsRemovedSchema = z.object({ ids: z.array(z.number().int()) })

export const events = {
  /** New mentions, coalesced: at most a few pushes per second per window. */
  'mentions.batch': MentionsBatchSchema,
  /** Mentions their authors deleted at the source: gone from the archive, their cards go too. */
  'mentions.removed': MentionsRemovedSchema,
  /**
   * Mentions their authors edited, as they now are, with every column each is
   * now in (a column that showed one and is not listed no longer holds it).
   */
  'mentions.revised': MentionsBatchSchema,
  /** Sparkline buckets and totals for every column. */
  'stats.tick': z.array(ColumnStatsSchema),
  /** The column set or order changed (another window, an import). */
  'columns.changed': z.array(ColumnSchema),
  'settings.changed': SettingsSchema,
  'source.status': SourceStatusSchema,
  ...sourceEvents,
  ...replyEvents,
  ...triageEvents,
  ...archiveEvents,
  ...alertsEvents,
  ...deliveryEvents,
  ...reportsEvents,
  ...sentimentEvents,
  ...sessionEvents,
} as const

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<K extends EventName> = z.output<Events[K]>

export const ERROR_CODES = ['bad_request', 'forbidden', 'not_found', 'conflict', 'unavailable', 'internal'] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ErrorBody {
  code: ErrorCode
  message: string
  /** Field-level problems for bad_request, as "path: message". */
  issues?: string[]
}

/** The reply to a command on either transport. */
export type Reply<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorBody }

/** Thrown by the client side when a command comes back with an error. */
export class CommandError extends Error {
  readonly code: ErrorCode
  readonly issues: string[]
  constructor(body: ErrorBody) {
    super(body.message)
    this.name = 'CommandError'
    this.code = body.code
    this.issues = body.issues ?? []
  }
}

/** The API the renderer sees, whichever transport carries it. */
export interface EarshotApi {
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>>
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void
}

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name)
}

/**
 * What the Electron preload exposes as `window.earshotBridge`: replies come
 * back as data (errors do not keep their fields across contextBridge), and the
 * renderer wraps this into an EarshotApi.
 */
export interface EarshotBridge {
  invoke(name: CommandName, input: unknown): Promise<Reply>
  on(listener: (name: EventName, payload: unknown) => void): () => void
}
