// Who may do what in team mode. Operators are named people; each has one role.
// The core checks the role of the signed-in operator on every command (the UI
// only hides what a role cannot do).
import { z } from 'zod'

export const ROLES = ['admin', 'operator', 'analyst'] as const
export const RoleSchema = z.enum(ROLES)
export type Role = z.infer<typeof RoleSchema>

/** What a command needs. */
export type Capability = 'read' | 'triage' | 'reply' | 'admin'

const GRANTS: Record<Role, ReadonlySet<Capability>> = {
  // Sources, credentials and operators, and everything below.
  admin: new Set(['read', 'triage', 'reply', 'admin']),
  // Triage and reply.
  operator: new Set(['read', 'triage', 'reply']),
  // Read, search, export and report; no replies, no changes to sources.
  analyst: new Set(['read']),
}

export const roleAllows = (role: Role, need: Capability): boolean => GRANTS[role].has(need)

/** An operator's name as typed at sign-in: 1-40 letters, digits, spaces, dots, dashes, underscores. */
export const OperatorNameSchema = z
  .string()
  .trim()
  .min(1, 'an operator needs a name')
  .max(40, 'an operator name is at most 40 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'use letters, digits, spaces, dots, dashes and underscores')

export interface OperatorInfo {
  name: string
  role: Role
  createdAt: number
}
