// What the audit log keeps of one command: who, what, which ids, how it ended.
// Only id-like fields are read from the payload (a reply's text, a source's
// secrets or a destination's URL never reach the log).
import type { Reply } from '../../../shared/contract'
import type { NewAuditEntry } from '../../../shared/contracts/audit'
import type { Caller } from '../../../shared/permissions'

const ID_FIELDS = ['id', 'ids', 'mentionId', 'mentionIds', 'columnId', 'source', 'target'] as const
const MAX_TARGETS = 400

const idLike = (v: unknown): v is string | number =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^[\w.:@-]{1,80}$/.test(v))

/** "ids=4,5 columnId=col-1": the id-like fields of a payload, cut at 400 characters. */
export function auditTargets(input: unknown): string {
  if (typeof input !== 'object' || input === null) return ''
  const parts: string[] = []
  for (const field of ID_FIELDS) {
    const v = (input as Record<string, unknown>)[field]
    const values = Array.isArray(v) ? v.filter(idLike) : idLike(v) ? [v] : []
    if (values.length > 0) parts.push(`${field}=${values.join(',')}`)
  }
  const all = parts.join(' ')
  return all.length <= MAX_TARGETS ? all : `${all.slice(0, MAX_TARGETS - 1)}…`
}

export function auditEntryOf(
  action: string,
  input: unknown,
  caller: Caller | undefined,
  reply: Reply,
  at: number,
): NewAuditEntry {
  return {
    at,
    operator: caller?.name ?? 'owner',
    action,
    targets: auditTargets(input),
    outcome: reply.ok ? 'ok' : reply.error.code === 'forbidden' ? 'refused' : 'failed',
  }
}
