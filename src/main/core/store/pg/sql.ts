// Statements for PostgreSQL from the `?`-parameter SQL the shared compilers
// write (query-sql.ts, search.ts): each `?` becomes $1, $2, … in order. The
// compilers never put a `?` inside a literal.
import type { SqlWhere } from '../query-sql'

export function numbered(sql: string, from = 1): string {
  let n = from - 1
  return sql.replace(/\?/g, () => `$${++n}`)
}

/** A compiled clause as pg's query config. */
export const pgQuery = (s: SqlWhere): { text: string; values: unknown[] } => ({
  text: numbered(s.sql),
  values: s.params,
})
