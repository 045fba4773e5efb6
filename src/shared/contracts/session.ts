// Signing in (team mode): a console whose archive has operators answers only
// these commands until its operator signs in with their name and secret; every
// other command then runs with that operator's role. A console without
// operators (single-user) needs no sign-in. Also presence: who has the
// composer open on which mention ("Dana is replying"), across consoles.
import { z } from 'zod'
import { OperatorNameSchema, RoleSchema } from '../roles'
import { command } from './command'

export const SignedInSchema = z.object({ name: z.string(), role: RoleSchema })
export type SignedIn = z.infer<typeof SignedInSchema>

export const SessionStateSchema = z.object({
  /** The archive has operators: commands need a signed-in operator. */
  signInRequired: z.boolean(),
  operator: SignedInSchema.nullable(),
})
export type SessionState = z.infer<typeof SessionStateSchema>

/** A sign-in, and the token that resumes it on a reconnect or in a pop-out window of this console. */
export const SignInResultSchema = z.object({ operator: SignedInSchema, resume: z.string() })

/** How often an open composer repeats its presence; one not repeated for three times this lapses. */
export const PRESENCE_REPEAT_MS = 10_000

export const PresenceSchema = z.object({
  mentionId: z.number().int(),
  /** Operators with the composer open on it (the console leaves out its own). */
  replying: z.array(z.string()),
})
export type Presence = z.infer<typeof PresenceSchema>

export const sessionCommands = {
  'session.get': command(z.object({}).strict(), SessionStateSchema),
  'session.signIn': command(
    z.object({ name: OperatorNameSchema, secret: z.string().min(1).max(200) }).strict(),
    SignInResultSchema,
  ),
  'session.resume': command(z.object({ resume: z.string().min(1).max(200) }).strict(), SessionStateSchema),
  'session.signOut': command(z.object({}).strict(), SessionStateSchema),
  /** The composer is open on `mentionId` (repeated while it stays open), or closed (null). */
  'presence.set': command(z.object({ mentionId: z.number().int().nullable() }).strict(), z.object({})),
  'presence.get': command(z.object({ mentionId: z.number().int() }).strict(), PresenceSchema),
} as const

export const sessionEvents = {
  /** Who is replying to a mention changed (any console on the archive). */
  'presence.changed': PresenceSchema,
} as const
