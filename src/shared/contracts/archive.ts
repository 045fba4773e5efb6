// Analyst commands and events: exports and imports. An export is prepared by
// `export.start` and then streamed: in browser mode the browser downloads
// GET /export/<id> (a real file download through the server's token gate), on
// the desktop `export.save` asks where to save it. An import is fed in chunks
// of text (`import.chunk`, each answered once the chunk is stored), so the same
// commands serve a file picked in a browser and one picked in Electron.
import { z } from 'zod'
import { ColumnIdSchema, ColumnSchema } from '../domain'
import { command } from './command'

/** The fields that describe the post itself: an imported row can fill these. */
const POST_FIELDS = [
  'id',
  'url',
  'source',
  'created_at',
  'author_handle',
  'author_name',
  'author_followers',
  'text',
  'lang',
  'kind',
  'rating',
  'sentiment',
  'sentiment_label',
  'sentiment_scorer',
] as const

/** Export fields in their default order, with the header each gets in a CSV file. */
export const EXPORT_FIELDS = [...POST_FIELDS, 'columns', 'read', 'done', 'assignee', 'tags', 'note'] as const
export const ExportFieldSchema = z.enum(EXPORT_FIELDS)
export type ExportField = z.infer<typeof ExportFieldSchema>

export const EXPORT_FIELD_LABELS: Record<ExportField, string> = {
  id: 'Post id',
  url: 'Link',
  source: 'Source',
  created_at: 'Posted at (UTC)',
  author_handle: 'Author handle',
  author_name: 'Author name',
  author_followers: 'Followers',
  text: 'Text',
  lang: 'Language',
  kind: 'Kind (post, reply, repost, quote)',
  rating: 'Rating (1–5 stars, for reviews)',
  sentiment: 'Sentiment score',
  sentiment_label: 'Sentiment label (positive, neutral, negative, unscored)',
  sentiment_scorer: 'Scored by (model and version)',
  columns: 'Matched columns',
  read: 'Read',
  done: 'Done',
  assignee: 'Assignee',
  tags: 'Tags',
  note: 'Note',
}

export const EXPORT_FORMATS = ['csv', 'jsonl'] as const
export const ExportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof ExportFormatSchema>

export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), columnId: ColumnIdSchema }).strict(),
  /** A query in the column language; '' selects every mention (a time-range export). */
  z.object({ kind: z.literal('query'), query: ColumnSchema.shape.query }).strict(),
])
export type ExportScope = z.infer<typeof ExportScopeSchema>

export const ExportRequestSchema = z
  .object({
    scope: ExportScopeSchema,
    format: ExportFormatSchema,
    fields: z.array(ExportFieldSchema).min(1, 'pick at least one field').max(EXPORT_FIELDS.length),
    /** Epoch ms, inclusive / exclusive, on the post's own time. */
    since: z.number().int().nullable().optional(),
    until: z.number().int().nullable().optional(),
    /** A UTF-8 byte-order mark first, so Excel reads the file as UTF-8 (CSV only). */
    bom: z.boolean().default(false),
  })
  .strict()
export type ExportRequest = z.output<typeof ExportRequestSchema>

export const JOB_STATES = ['ready', 'running', 'done', 'cancelled', 'failed'] as const
export const JobStateSchema = z.enum(JOB_STATES)
export type JobState = z.infer<typeof JobStateSchema>

export const ExportJobSchema = z.object({
  id: z.string(),
  filename: z.string(),
  /** Rows the export will hold (counted when it was prepared). */
  total: z.number().int().nonnegative(),
  /** Browser mode: the address (same origin) that streams the file. */
  downloadPath: z.string(),
})
export type ExportJob = z.infer<typeof ExportJobSchema>

export const ExportProgressSchema = z.object({
  id: z.string(),
  state: JobStateSchema,
  rows: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Where the file went (desktop saves), when known. */
  path: z.string().nullable(),
  error: z.string().nullable(),
})
export type ExportProgress = z.infer<typeof ExportProgressSchema>

export const IMPORT_FORMATS = ['twarc', 'xjson', 'csv', 'jsonl'] as const
export const ImportFormatSchema = z.enum(IMPORT_FORMATS)
export type ImportFormat = z.infer<typeof ImportFormatSchema>

/** Fields an imported row can fill: our export's fields that describe the post itself. */
export const IMPORT_FIELDS = POST_FIELDS satisfies readonly ExportField[]
export const ImportFieldSchema = z.enum(IMPORT_FIELDS)
export type ImportField = z.infer<typeof ImportFieldSchema>
/** Generic CSV: which header of the file fills which field (text and created_at are needed). */
export const ImportMappingSchema = z.partialRecord(ImportFieldSchema, z.string().min(1).max(200))
export type ImportMapping = z.infer<typeof ImportMappingSchema>

export const BadRowSchema = z.object({
  /** 1-based line of the file where the row starts (for xjson: the item's position in `data`). */
  line: z.number().int().positive(),
  message: z.string(),
})
export type BadRow = z.infer<typeof BadRowSchema>

export const ImportProgressSchema = z.object({
  id: z.string(),
  state: JobStateSchema,
  /** Rows (posts) read so far, good and bad. */
  rows: z.number().int().nonnegative(),
  /** Rows handed to the pipeline (a post already in the archive is stored once). */
  accepted: z.number().int().nonnegative(),
  badCount: z.number().int().nonnegative(),
  /** The first bad rows (up to 200), in file order. */
  bad: z.array(BadRowSchema),
  /** Characters of the file consumed. */
  consumed: z.number().int().nonnegative(),
  error: z.string().nullable(),
})
export type ImportProgress = z.infer<typeof ImportProgressSchema>

/** The largest chunk of text one `import.chunk` carries (fits a WebSocket frame). */
export const IMPORT_CHUNK_CHARS = 512 * 1024

const JobRefSchema = z.object({ id: z.string().min(1).max(64) }).strict()
const ChunkTextSchema = z.string().max(IMPORT_CHUNK_CHARS)

export const archiveCommands = {
  'export.start': command(ExportRequestSchema, ExportJobSchema),
  /** Desktop only: asks where to save, then writes the file. Resolves with the final progress. */
  'export.save': command(JobRefSchema, ExportProgressSchema),
  'export.cancel': command(JobRefSchema, ExportProgressSchema),
  /** The first rows of a CSV (the header and a few lines) to build a mapping from. */
  'import.preview': command(
    z.object({ text: ChunkTextSchema }).strict(),
    z.object({ headers: z.array(z.string()), rows: z.array(z.array(z.string())), mapping: ImportMappingSchema }),
  ),
  'import.start': command(
    z
      .object({
        format: ImportFormatSchema,
        /** Generic CSV only. */
        mapping: ImportMappingSchema.optional(),
      })
      .strict(),
    ImportProgressSchema,
  ),
  'import.chunk': command(
    JobRefSchema.extend({ text: ChunkTextSchema, last: z.boolean().default(false) }),
    ImportProgressSchema,
  ),
  'import.cancel': command(JobRefSchema, ImportProgressSchema),
} as const

export const archiveEvents = {
  'export.progress': ExportProgressSchema,
  'import.progress': ImportProgressSchema,
} as const
