// Team mode's operators on PostgreSQL: as store/operators.ts on SQLite.
import type { OperatorInfo, Role } from '../../../../shared/roles'
import { operatorKey, operatorTaken, toOperator, type OperatorRow, type StoredOperator } from '../operators'
import type { PgPool } from './connect'

export async function addOperatorPg(pool: PgPool, o: StoredOperator): Promise<void> {
  const r = await pool.query(
    'INSERT INTO operators (name_key, name, role, secret_hash, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
    [operatorKey(o.name), o.name, o.role, o.secretHash, o.createdAt],
  )
  if (r.rowCount === 0) throw operatorTaken(o.name)
}

export async function listOperatorsPg(pool: PgPool): Promise<OperatorInfo[]> {
  const r = await pool.query<OperatorRow>('SELECT * FROM operators ORDER BY name_key COLLATE "C"')
  return r.rows.map(({ name, role, created_at }) => ({ name, role: role as Role, createdAt: created_at }))
}

export async function getOperatorPg(pool: PgPool, name: string): Promise<StoredOperator | undefined> {
  const r = await pool.query<OperatorRow>('SELECT * FROM operators WHERE name_key = $1', [operatorKey(name)])
  return r.rows[0] && toOperator(r.rows[0])
}

export async function removeOperatorPg(pool: PgPool, name: string): Promise<boolean> {
  return ((await pool.query('DELETE FROM operators WHERE name_key = $1', [operatorKey(name)])).rowCount ?? 0) > 0
}
