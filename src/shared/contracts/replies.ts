// The reply outbox: every reply is queued with a caller-chosen idempotency key
// and moves queued -> sending -> sent | failed (or `unknown` when the process
// stopped mid-send: the network is checked before anything is resent).
import { z } from 'zod'
import { SourceIdSchema } from '../domain'
import { command } from './command'

export const OUTBOX_STATES = ['queued', 'sending', 'unknown', 'sent', 'failed'] as const
export const OutboxStateSchema = z.enum(OUTBOX_STATES)
export type OutboxState = z.infer<typeof OutboxStateSchema>

export const REPLY_MODES = ['reply', 'quote'] as const
export const ReplyModeSchema = z.enum(REPLY_MODES)
export type ReplyMode = z.infer<typeof ReplyModeSchema>

export const OutboxItemSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  source: SourceIdSchema,
  mentionId: z.number().int().nullable(),
  /** External id of the post replied to or quoted. */
  targetId: z.string(),
  mode: ReplyModeSchema,
  text: z.string(),
  state: OutboxStateSchema,
  attempts: z.number().int().nonnegative(),
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
})
export type OutboxItem = z.infer<typeof OutboxItemSchema>

/** How replies are counted on a network: X's weighted count, or grapheme clusters. */
export const CharCountingSchema = z.enum(['x', 'graphemes'])
export type CharCounting = z.infer<typeof CharCountingSchema>

export const ReplyPolicySchema = z.object({
  source: SourceIdSchema,
  counting: CharCountingSchema,
  limit: z.number().int().positive(),
  /** Whether a direct reply may be sent, and if not, why (shown in the composer). */
  reply: z.object({ allowed: z.boolean(), reason: z.string().nullable() }),
  /** Whether a quote post is possible instead. */
  quote: z.boolean(),
  /** The post on its network, for "open on X" and the like. */
  openUrl: z.string().nullable(),
  /** The account replies go out from, when known. */
  account: z.string().nullable(),
})
export type ReplyPolicy = z.infer<typeof ReplyPolicySchema>

export const replyCommands = {
  'replies.policy': command(z.object({ mentionId: z.number().int().positive() }).strict(), ReplyPolicySchema),
  'replies.send': command(
    z
      .object({
        /** Idempotency key chosen by the composer: sending the same key twice queues one reply. */
        key: z.string().min(8).max(100),
        mentionId: z.number().int().positive(),
        mode: ReplyModeSchema.default('reply'),
        text: z.string().trim().min(1, 'a reply needs some text').max(10_000),
        /**
         * Send even though the mention was answered in the last few minutes
         * (another operator's reply, queued or sent): without it, that is refused.
         */
        again: z.boolean().default(false),
      })
      .strict(),
    OutboxItemSchema,
  ),
  'replies.list': command(
    z
      .object({
        mentionId: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.array(OutboxItemSchema),
  ),
  'replies.retry': command(z.object({ id: z.number().int().positive() }).strict(), OutboxItemSchema),
} as const

export const replyEvents = {
  'reply.changed': OutboxItemSchema,
} as const
