// A mention's thread, for the composer's context: the posts above it (what it
// replies to or quotes, and up that chain), oldest first, and the other
// replies the archive holds. An ancestor comes from the archive, from its
// network (shown but never stored: it matched no column), or could not be
// loaded, with the reason in words.
import { z } from 'zod'
import { MentionInputSchema, MentionSchema } from '../domain'
import { command } from './command'

export const THREAD_LIMITS = {
  ancestors: { max: 10, default: 5 },
  replies: { max: 20, default: 5 },
} as const

export const ThreadAncestorSchema = z.discriminatedUnion('from', [
  z.object({ from: z.literal('archive'), mention: MentionSchema }),
  z.object({ from: z.literal('network'), post: MentionInputSchema }),
  z.object({
    from: z.literal('missing'),
    /** The external id of the post that could not be loaded. */
    externalId: z.string(),
    /** Its author's handle, when the post below it names one. */
    author: z.string().nullable(),
    /** Why, for "could not be loaded: …". */
    reason: z.string(),
  }),
])
export type ThreadAncestor = z.infer<typeof ThreadAncestorSchema>

export const ThreadReplySchema = z.object({
  /** Whether it answers the same post as the mention, or the mention itself. */
  to: z.enum(['parent', 'mention']),
  mention: MentionSchema,
})
export type ThreadReply = z.infer<typeof ThreadReplySchema>

export const ThreadSchema = z.object({
  mentionId: z.number().int(),
  /** Oldest first; the last one is the post the mention replies to, quotes or reposts. */
  ancestors: z.array(ThreadAncestorSchema),
  /** The chain goes on above the oldest ancestor (the limit was reached). */
  truncated: z.boolean(),
  /** Other replies in the archive, newest first. */
  replies: z.array(ThreadReplySchema),
})
export type Thread = z.infer<typeof ThreadSchema>

export const threadCommands = {
  'mentions.thread': command(
    z
      .object({
        mentionId: z.number().int().positive(),
        ancestors: z.number().int().min(0).max(THREAD_LIMITS.ancestors.max).default(THREAD_LIMITS.ancestors.default),
        replies: z.number().int().min(0).max(THREAD_LIMITS.replies.max).default(THREAD_LIMITS.replies.default),
      })
      .strict(),
    ThreadSchema,
  ),
} as const
