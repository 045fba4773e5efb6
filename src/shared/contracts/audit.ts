// The audit log: who did what and when. Every command that changes the shared
// archive (triage, replies, columns, sources, destinations, imports, re-scores)
// and every export is recorded with the operator, the ids it touched and its
// outcome (a refusal for the role included); never the payload itself, which
// may hold secrets or reply text.
import { z } from 'zod'
import { command } from './command'

export const AUDIT_OUTCOMES = ['ok', 'refused', 'failed'] as const

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  /** Epoch ms. */
  at: z.number().int(),
  /** The signed-in operator, or "owner" on a single-user console. */
  operator: z.string(),
  /** The command, e.g. "triage.set". */
  action: z.string(),
  /** What it touched, e.g. "ids=4,5" or "id=col-1"; empty when nothing in particular. */
  targets: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
})
export type AuditEntry = z.infer<typeof AuditEntrySchema>
export type NewAuditEntry = Omit<AuditEntry, 'id'>

export const AuditQuerySchema = z
  .object({
    since: z.number().int().nullable().optional(),
    until: z.number().int().nullable().optional(),
    operator: z.string().max(40).optional(),
    /** Entries with a smaller id (the next page). */
    before: z.number().int().optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
export type AuditQuery = z.input<typeof AuditQuerySchema>

export const auditCommands = {
  /** Newest first. */
  'audit.list': command(AuditQuerySchema, z.array(AuditEntrySchema)),
  /** The same entries as CSV (at as ISO 8601), for a download. */
  'audit.csv': command(AuditQuerySchema, z.object({ filename: z.string(), csv: z.string() })),
} as const
