// PostgreSQL URLs as Earshot takes them (--db, $EARSHOT_DB, earshot migrate):
// recognised, checked and printed without their password.

/** `postgres://…` or `postgresql://…` (also the slash-less `postgres:` typo, so it is refused, not taken as a path). */
export const isPostgresUrl = (raw: string): boolean => /^postgres(?:ql)?:/i.test(raw)

/** A URL as it may be printed: never its password (user:password@ becomes user:***@). */
export function redactUrl(raw: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:(?:\/\/)?/i.exec(raw)?.[0] ?? ''
  const rest = raw.slice(scheme.length)
  const at = rest.lastIndexOf('@', rest.includes('/') ? rest.indexOf('/') : rest.length)
  if (at < 0) return raw
  const user = rest.slice(0, at).split(':')[0]
  return `${scheme}${user}:***${rest.slice(at)}`
}

/** Why `raw` is not a usable PostgreSQL URL, or null when it is (a host and a database are needed). */
export function postgresUrlProblem(raw: string): string | null {
  const url = URL.canParse(raw) ? new URL(raw) : null
  if (!url || !url.hostname || url.pathname.length <= 1)
    return 'it needs a host and a database, as in postgres://user@host:5432/earshot'
  return null
}
