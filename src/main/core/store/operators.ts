// Team mode's operators in the SQLite archive (pg/operators.ts has the same on
// PostgreSQL): a name unique regardless of case, a role, a secret's hash.
import type { OperatorInfo, Role } from '../../../shared/roles'
import { CommandFailure } from '../errors'
import type { Db } from './db-types'
import { stmt } from './db'

export interface OperatorRow {
  name: string
  role: string
  secret_hash: string
  created_at: number
}

export interface StoredOperator extends OperatorInfo {
  secretHash: string
}

export const toOperator = (r: OperatorRow): StoredOperator => ({
  name: r.name,
  role: r.role as Role,
  secretHash: r.secret_hash,
  createdAt: r.created_at,
})

/** The key a name is unique by: Unicode lower case of its NFC form (SQLite's lower() folds ASCII only). */
export const operatorKey = (name: string): string => name.normalize('NFC').toLowerCase()

export const operatorTaken = (name: string) =>
  new CommandFailure('conflict', `there is already an operator named "${name}" (names ignore case)`)

export function addOperator(db: Db, o: StoredOperator): void {
  const info = stmt(
    db,
    `INSERT INTO operators (name_key, name, role, secret_hash, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  ).run(operatorKey(o.name), o.name, o.role, o.secretHash, o.createdAt)
  if (info.changes === 0) throw operatorTaken(o.name)
}

export function listOperators(db: Db): OperatorInfo[] {
  return stmt<[], OperatorRow>(db, 'SELECT * FROM operators ORDER BY name_key')
    .all()
    .map(({ name, role, created_at }) => ({ name, role: role as Role, createdAt: created_at }))
}

export function getOperator(db: Db, name: string): StoredOperator | undefined {
  const row = stmt<[string], OperatorRow>(db, 'SELECT * FROM operators WHERE name_key = ?').get(operatorKey(name))
  return row && toOperator(row)
}

/** Whether the archive has any operator (team mode: consoles sign in). */
export function hasOperators(db: Db): boolean {
  return stmt<[], { one: number }>(db, 'SELECT 1 AS one FROM operators LIMIT 1').get() !== undefined
}

/** Whether an operator of that name (in any case) was there to remove. */
export function removeOperator(db: Db, name: string): boolean {
  return stmt(db, 'DELETE FROM operators WHERE name_key = ?').run(operatorKey(name)).changes > 0
}
