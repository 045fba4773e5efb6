// Statements for PostgreSQL from the `?`-parameter SQL the shared compilers
// write (query-sql.ts, search.ts): each `?` becomes $1, $2, … in order. The
// compilers never put a `?` inside a literal.
import type { Pool, PoolClient } from 'pg'
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

/** Runs `fn` in one transaction on a connection of its own: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.release()
  }
}
