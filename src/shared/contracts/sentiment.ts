// Re-scoring commands and events: which scorers scored an archive (the live
// one or the one under review), and a job that re-scores what another scorer
// scored with the current one, with progress. One job at a time per console.
import { z } from 'zod'
import { JobStateSchema } from './archive'
import { command } from './command'

export const RescoreTargetSchema = z.enum(['live', 'review'])
export type RescoreTarget = z.infer<typeof RescoreTargetSchema>

export const ScorerCountSchema = z.object({ scorer: z.string(), count: z.number().int().nonnegative() })

export const RescoreProgressSchema = z.object({
  id: z.string(),
  target: RescoreTargetSchema,
  /** The archive file being re-scored. */
  path: z.string(),
  state: JobStateSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Columns whose hits were rebuilt because their query reads sentiment (once the job is over). */
  refilled: z.number().int().nonnegative(),
  error: z.string().nullable(),
})
export type RescoreProgress = z.infer<typeof RescoreProgressSchema>

export const RescoreStatusSchema = z.object({
  target: RescoreTargetSchema,
  path: z.string(),
  /** The scorer new mentions get, e.g. "earshot-linear/1". */
  current: z.string(),
  /** Scorers a re-score leaves alone: the current one, and reviews' own stars ("stars/1"). */
  kept: z.array(z.string()),
  /** Mentions per scorer, most first. */
  scorers: z.array(ScorerCountSchema),
  /** Mentions another scorer scored: what a re-score would redo. */
  stale: z.number().int().nonnegative(),
  /** Why this archive cannot be re-scored now (opened read-only), or null. */
  blocked: z.string().nullable(),
  /** The job running (or last run) in this console, if any. */
  job: RescoreProgressSchema.nullable(),
})
export type RescoreStatus = z.infer<typeof RescoreStatusSchema>

const TargetSchema = z.object({ target: RescoreTargetSchema }).strict()

export const sentimentCommands = {
  'rescore.status': command(TargetSchema, RescoreStatusSchema),
  'rescore.start': command(TargetSchema, RescoreProgressSchema),
  'rescore.cancel': command(z.object({ id: z.string().min(1).max(64) }).strict(), RescoreProgressSchema),
} as const

export const sentimentEvents = {
  /** A re-score job's progress (a few times a second while it runs, and once when it is over). */
  'rescore.progress': RescoreProgressSchema,
} as const
