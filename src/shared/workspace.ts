// A workspace file: everything an operator shares with another (columns,
// queries, layout, source settings, and each column's triage filters, mutes
// and alert settings) and never a secret. Read watermarks, triage state and
// alerts fired are the archive's, not the layout's, and stay out.
import { z } from 'zod'
import { ColumnAlertSettingsSchema } from './contracts/alerts'
import { MutesSchema, TriageFiltersSchema } from './contracts/triage'
import { ColumnSchema, DemoSettingsSchema, DisplaySettingsSchema } from './domain'

export const WORKSPACE_FORMAT = 'earshot.workspace' as const

/** What a column's triage setup looks like in a file: only what differs from none. */
export const WorkspaceColumnTriageSchema = z.object({
  filters: TriageFiltersSchema.partial().optional(),
  mutes: MutesSchema.partial().optional(),
})
export type WorkspaceColumnTriage = z.infer<typeof WorkspaceColumnTriageSchema>

export const WorkspaceColumnAlertsSchema = ColumnAlertSettingsSchema.omit({ columnId: true }).partial()
export type WorkspaceColumnAlerts = z.infer<typeof WorkspaceColumnAlertsSchema>

export const WorkspaceColumnSchema = z.object({
  title: ColumnSchema.shape.title,
  query: ColumnSchema.shape.query,
  width: ColumnSchema.shape.width.optional(),
  collapseReposts: ColumnSchema.shape.collapseReposts,
  triage: WorkspaceColumnTriageSchema.optional(),
  alerts: WorkspaceColumnAlertsSchema.optional(),
})
export type WorkspaceColumn = z.infer<typeof WorkspaceColumnSchema>

export const WorkspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(1),
  name: z.string().min(1).max(120),
  columns: z.array(WorkspaceColumnSchema).max(100),
  sources: z.object({ demo: DemoSettingsSchema }).partial(),
  display: DisplaySettingsSchema.optional(),
})
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>
