// Operator workflow commands and events: per-mention triage (read, done,
// assignee, tags, note), per-column read watermarks, filters and mutes, the
// operator's name, canned replies and reply drafts.
import { z } from 'zod'
import { ColumnIdSchema, PageCursorSchema } from '../domain'
import { MUTE_LIMITS, regexError } from '../triage'
import { command } from './command'
import { ReplyModeSchema } from './replies'

const MentionId = z.number().int().positive()
const Name = z.string().trim().min(1).max(60)
export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((t) => t.toLowerCase())

export const TriageStateSchema = z.object({
  mentionId: z.number().int(),
  /** Marked read one by one (a column's watermark reads everything at or below it as well). */
  read: z.boolean(),
  done: z.boolean(),
  assignee: z.string().nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  reviewed: z.boolean(),
  updatedAt: z.number().int().nullable(),
})
export type TriageState = z.infer<typeof TriageStateSchema>

/** A mention no one has triaged. */
export const emptyTriage = (mentionId: number): TriageState => ({
  mentionId,
  read: false,
  done: false,
  assignee: null,
  note: null,
  tags: [],
  reviewed: false,
  updatedAt: null,
})

/** What the team shares of a mention's triage (read is each operator's own). */
export const SharedTriageSchema = TriageStateSchema.omit({ read: true })
export type SharedTriage = z.infer<typeof SharedTriageSchema>

export const sharedOf = ({ read: _, ...shared }: TriageState): SharedTriage => shared

export const TriageFiltersSchema = z.object({
  hideDone: z.boolean(),
  onlyUnassigned: z.boolean(),
  onlyUnread: z.boolean(),
})

const MuteEntry = z.string().trim().min(1).max(MUTE_LIMITS.length)
export const MutesSchema = z.object({
  words: z.array(MuteEntry).max(MUTE_LIMITS.entries),
  authors: z.array(MuteEntry).max(MUTE_LIMITS.entries),
  regexes: z
    .array(
      MuteEntry.superRefine((src, ctx) => {
        const message = regexError(src)
        if (message !== null) ctx.addIssue({ code: 'custom', message })
      }),
    )
    .max(MUTE_LIMITS.entries),
})

export const ColumnTriageSchema = z.object({
  columnId: ColumnIdSchema,
  /** Everything in the column at or older than this is read. */
  watermark: PageCursorSchema.nullable(),
  filters: TriageFiltersSchema,
  mutes: MutesSchema,
})
export type ColumnTriage = z.infer<typeof ColumnTriageSchema>

export const OperatorPrefsSchema = z.object({
  /** Who "assign" assigns to by default (empty until set). */
  operator: z.string().max(60),
  /** {{brand}} in canned replies (empty: the column's title). */
  brand: z.string().max(60),
  /** Recently used assignees, newest first. */
  recentAssignees: z.array(z.string()),
})
export type OperatorPrefs = z.infer<typeof OperatorPrefsSchema>

export const CannedReplySchema = z.object({
  id: z.number().int().positive(),
  title: z.string(),
  text: z.string(),
  updatedAt: z.number().int(),
})
export type CannedReply = z.infer<typeof CannedReplySchema>

export const DraftSchema = z.object({
  mentionId: z.number().int(),
  text: z.string(),
  mode: ReplyModeSchema,
  /** The idempotency key the reply will be sent with, chosen once per draft. */
  key: z.string(),
  updatedAt: z.number().int(),
})
export type Draft = z.infer<typeof DraftSchema>

export const TriagePatchSchema = z
  .object({
    mentionIds: z.array(MentionId).min(1).max(1_000),
    read: z.boolean().optional(),
    done: z.boolean().optional(),
    /** null unassigns. */
    assignee: Name.nullable().optional(),
    note: z.string().max(2_000).nullable().optional(),
    /** Replaces the tags. */
    tags: z.array(TagSchema).max(30).optional(),
    /** Adds to the tags. */
    addTags: z.array(TagSchema).max(30).optional(),
    removeTags: z.array(TagSchema).max(30).optional(),
  })
  .strict()
export type TriagePatch = z.output<typeof TriagePatchSchema>

export const triageCommands = {
  'triage.get': command(z.object({ ids: z.array(MentionId).max(2_000) }).strict(), z.array(TriageStateSchema)),
  'triage.set': command(TriagePatchSchema, z.array(TriageStateSchema)),
  'triage.markReadUpTo': command(
    z.object({ columnId: ColumnIdSchema, cursor: PageCursorSchema }).strict(),
    ColumnTriageSchema,
  ),
  'triage.columns': command(z.object({}).strict(), z.array(ColumnTriageSchema)),
  'triage.column.update': command(
    z
      .object({
        columnId: ColumnIdSchema,
        filters: TriageFiltersSchema.partial().optional(),
        mutes: MutesSchema.optional(),
      })
      .strict(),
    ColumnTriageSchema,
  ),
  'triage.prefs': command(z.object({}).strict(), OperatorPrefsSchema),
  'triage.prefs.update': command(
    z.object({ operator: z.string().trim().max(60).optional(), brand: z.string().trim().max(60).optional() }).strict(),
    OperatorPrefsSchema,
  ),

  'canned.list': command(z.object({}).strict(), z.array(CannedReplySchema)),
  'canned.save': command(
    z
      .object({
        id: z.number().int().positive().optional(),
        title: z.string().trim().min(1).max(80),
        text: z.string().trim().min(1).max(5_000),
      })
      .strict(),
    CannedReplySchema,
  ),
  'canned.delete': command(z.object({ id: z.number().int().positive() }).strict(), z.object({ id: z.number() })),

  'drafts.get': command(z.object({ mentionId: MentionId }).strict(), DraftSchema.nullable()),
  'drafts.save': command(
    z
      .object({
        mentionId: MentionId,
        text: z.string().max(10_000),
        mode: ReplyModeSchema.default('reply'),
        key: z.string().min(8).max(100),
      })
      .strict(),
    DraftSchema,
  ),
  'drafts.delete': command(z.object({ mentionId: MentionId }).strict(), z.object({ mentionId: z.number() })),
} as const

/** Whose read state an event is: sent only to that reader's windows (core/app/session.ts). */
const Reader = z.string()

export const triageEvents = {
  /** Mentions' shared triage changed (in any window, on any console). */
  'triage.changed': z.object({ items: z.array(SharedTriageSchema) }),
  /** A reader marked mentions read or unread. */
  'triage.read.changed': z.object({
    reader: Reader,
    items: z.array(z.object({ mentionId: z.number().int(), read: z.boolean() })),
  }),
  /** A column's filters or mutes changed. */
  'triage.column.changed': ColumnTriageSchema.omit({ watermark: true }),
  /** A reader's watermark on a column moved. */
  'triage.mark.changed': z.object({ reader: Reader, columnId: ColumnIdSchema, watermark: PageCursorSchema.nullable() }),
  'triage.prefs.changed': OperatorPrefsSchema,
  'canned.changed': z.array(CannedReplySchema),
} as const
