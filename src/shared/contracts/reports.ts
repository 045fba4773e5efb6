// Reports and review: volume, sentiment, top lists, share of voice and capture
// gaps over a time range for one or more columns; archive files (open another
// capture file for review, read-only by default, save a consistent copy); and
// review mode (search a window, annotate with a note and tags, mark reviewed).
// Reports and review searches read the archive under review when one is open,
// the live archive otherwise; live capture always continues on the live one.
import { z } from 'zod'
import { ColumnIdSchema, ColumnSchema, MentionSchema } from '../domain'
import { command } from './command'
import { GapSchema } from './sources'

/** Bucket sizes a report may use, smallest first; the core picks the first that gives at most REPORT_MAX_BUCKETS. */
export const REPORT_BUCKETS_MS = [
  60_000,
  5 * 60_000,
  15 * 60_000,
  3_600_000,
  3 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
  86_400_000,
  7 * 86_400_000,
] as const
export const REPORT_MAX_BUCKETS = 120
export const REPORT_MAX_COLUMNS = 12
export const REPORT_TOP_SAMPLE = 5_000

const ReportFields = {
  columnIds: z.array(ColumnIdSchema).min(1, 'pick at least one column').max(REPORT_MAX_COLUMNS),
  /** Epoch ms, inclusive. */
  since: z.number().int(),
  /** Epoch ms, exclusive. */
  until: z.number().int(),
  /** How many entries each top list keeps. */
  top: z.number().int().min(1).max(100).default(10),
}
const untilAfterSince = (r: { since: number; until: number }) => r.until > r.since
const untilError = { message: 'until must be after since', path: ['until'] }

export const ReportRequestSchema = z.object(ReportFields).strict().refine(untilAfterSince, untilError)
export type ReportRequest = z.output<typeof ReportRequestSchema>

/**
 * reports.get: a request may name the view that asks (any id the view keeps
 * for its lifetime). A newer report for the same view replaces an older one
 * that is still waiting or being built; the older call ends with a 'conflict'
 * error. Without a view nothing is replaced; identical requests are shared.
 */
export const ReportGetSchema = z
  .object({ ...ReportFields, view: z.string().min(1).max(100).optional() })
  .strict()
  .refine(untilAfterSince, untilError)

export const CountedSchema = z.object({ key: z.string(), count: z.number().int().nonnegative() })
export type Counted = z.infer<typeof CountedSchema>

export const ReportColumnSchema = z.object({
  id: ColumnIdSchema,
  title: z.string(),
  query: z.string(),
  /** Mentions of this column in the range. */
  total: z.number().int().nonnegative(),
  /** This column's total over the sum of every chosen column's total (a mention in two columns counts for both). */
  share: z.number().min(0).max(1),
  /** Per bucket, aligned with Report.buckets. */
  volume: z.array(z.number().int().nonnegative()),
  positive: z.array(z.number().int().nonnegative()),
  neutral: z.array(z.number().int().nonnegative()),
  negative: z.array(z.number().int().nonnegative()),
  /** Mentions in a language the sentiment model does not read (in volume, not in the shares). */
  unscored: z.array(z.number().int().nonnegative()),
})
export type ReportColumn = z.infer<typeof ReportColumnSchema>

export const ReportSchema = z.object({
  since: z.number().int(),
  until: z.number().int(),
  bucketMs: z.number().int().positive(),
  /** Start of each bucket (epoch ms, aligned to the bucket size in UTC). */
  buckets: z.array(z.number().int()),
  columns: z.array(ReportColumnSchema),
  /** Distinct mentions over all chosen columns. */
  total: z.number().int().nonnegative(),
  /** Over the distinct mentions of all chosen columns. */
  top: z.object({
    hashtags: z.array(CountedSchema),
    authors: z.array(CountedSchema),
    terms: z.array(CountedSchema),
    /**
     * How many mentions the top lists are counted from: all of them up to
     * REPORT_TOP_SAMPLE, beyond that an even sample (every k-th by id), so a
     * month of a busy column reads five thousand texts, not a million.
     */
    sampled: z.number().int().nonnegative(),
  }),
  gaps: z.array(GapSchema),
  /** Which archive the report was read from. */
  archive: z.object({ path: z.string(), review: z.boolean() }),
})
export type Report = z.infer<typeof ReportSchema>

export const ReviewStateSchema = z.object({
  /** The live archive, where capture continues. */
  livePath: z.string(),
  /** The archive under review; null when reports read the live archive. */
  review: z
    .object({ path: z.string(), readOnly: z.boolean(), mentionCount: z.number().int().nonnegative() })
    .nullable(),
})
export type ReviewState = z.infer<typeof ReviewStateSchema>

export const AnnotationSchema = z.object({
  mentionId: z.number().int().positive(),
  note: z.string().nullable(),
  tags: z.array(z.string()),
  reviewed: z.boolean(),
})
export type Annotation = z.infer<typeof AnnotationSchema>

export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[^\s,]+$/, 'a tag is one word (no spaces or commas)')

/** The same cursor as mentions.search (kept here: contract.ts imports this module). */
const SearchCursorSchema = z.object({ key: z.number().int(), id: z.number().int() })

export const ReviewPageSchema = z.object({
  items: z.array(z.object({ mention: MentionSchema, annotation: AnnotationSchema })),
  next: SearchCursorSchema.nullable(),
})
export type ReviewPage = z.infer<typeof ReviewPageSchema>

const PathSchema = z.string().trim().min(1, 'a file path is required').max(4_096)

export const reportsCommands = {
  /** Columns of the archive being reported on (the review archive's own, when one is open). */
  'reports.columns': command(z.object({}).strict(), z.array(ColumnSchema)),
  /** First and last capture time of the chosen columns, to offer "whole archive" as a range. */
  'reports.bounds': command(
    z.object({ columnIds: z.array(ColumnIdSchema).min(1).max(REPORT_MAX_COLUMNS) }).strict(),
    z.object({ first: z.number().int().nullable(), last: z.number().int().nullable() }),
  ),
  'reports.get': command(ReportGetSchema, ReportSchema),
  /** The report's series (volume and sentiment per bucket and column) as CSV text. */
  'reports.csv': command(ReportRequestSchema, z.object({ filename: z.string(), csv: z.string() })),
  /** Desktop only: asks where to save, then prints the calling window to PDF. */
  'reports.pdf': command(
    z.object({ title: z.string().max(200).default('report') }).strict(),
    z.object({ path: z.string().nullable() }),
  ),

  'review.state': command(z.object({}).strict(), ReviewStateSchema),
  /** Opens another capture file for review (read-only unless asked), replacing any open one. */
  'review.open': command(
    z.object({ path: PathSchema, readOnly: z.boolean().default(true) }).strict(),
    ReviewStateSchema,
  ),
  /** Back to the live archive. */
  'review.close': command(z.object({}).strict(), ReviewStateSchema),
  /** Desktop only: a native file dialog; null when cancelled. */
  'review.choosePath': command(
    z.object({ purpose: z.enum(['open', 'save']) }).strict(),
    z.object({ path: z.string().nullable() }),
  ),
  /** A consistent copy of the reviewed archive (or the live one) while capture runs; never overwrites. */
  'review.saveCopy': command(
    z.object({ path: PathSchema, which: z.enum(['review', 'live']).optional() }).strict(),
    z.object({ path: z.string(), bytes: z.number().int().nonnegative(), mentionCount: z.number().int() }),
  ),
  /** Archive search in a window, with each mention's annotation. */
  'review.search': command(
    z
      .object({
        query: ColumnSchema.shape.query,
        since: z.number().int().nullable().optional(),
        until: z.number().int().nullable().optional(),
        order: z.enum(['newest', 'followers']).default('newest'),
        after: SearchCursorSchema.nullable().optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    ReviewPageSchema,
  ),
  /** Sets a mention's note, tags and/or reviewed flag; fields left out stay as they are. */
  'review.annotate': command(
    z
      .object({
        mentionId: z.number().int().positive(),
        note: z.string().max(4_000).nullable().optional(),
        tags: z.array(TagSchema).max(20).optional(),
        reviewed: z.boolean().optional(),
      })
      .strict(),
    AnnotationSchema,
  ),
} as const

export const reportsEvents = {
  /** A review archive was opened or closed. */
  'review.changed': ReviewStateSchema,
} as const
