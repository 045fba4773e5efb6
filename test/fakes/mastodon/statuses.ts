// The fake instance's status reads: GET /api/v1/statuses/:id and
// GET /api/v1/statuses/:id/context, public (no token needed) as on a real
// instance. Context ancestors follow in_reply_to_id oldest first and leave out
// statuses that are gone; descendants are the statuses replying to it.
type Status = Record<string, unknown>

const STATUS = /^\/api\/v1\/statuses\/([^/]+)(\/context)?$/

/** The answer to a status read, or null when the path is not one. */
export function statusRead(path: string, statuses: readonly Status[]): { status: number; body: unknown } | null {
  const m = STATUS.exec(path)
  if (!m) return null
  const byId = (id: unknown) => statuses.find((s) => s.id === id)
  const status = byId(decodeURIComponent(m[1]!))
  if (!status) return { status: 404, body: { error: 'Record not found' } }
  if (!m[2]) return { status: 200, body: status }
  const ancestors: Status[] = []
  const seen = new Set<unknown>([status.id])
  for (let up = byId(status.in_reply_to_id); up && !seen.has(up.id); up = byId(up.in_reply_to_id)) {
    seen.add(up.id)
    ancestors.unshift(up)
  }
  const descendants = statuses.filter((s) => s.in_reply_to_id === status.id)
  return { status: 200, body: { ancestors, descendants } }
}
