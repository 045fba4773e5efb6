// The audit log on PostgreSQL: store/audit.ts's statements.
import type { AuditEntry, AuditQuery, NewAuditEntry } from '../../../../shared/contracts/audit'
import { APPEND_AUDIT_SQL, auditStatement, auditValues } from '../audit'
import type { PgPool } from './connect'
import { notifyChange } from './changes'
import { inTransaction, numbered, pgQuery } from './sql'

export async function appendAuditPg(pool: PgPool, e: NewAuditEntry): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(numbered(APPEND_AUDIT_SQL), auditValues(e))
    await notifyChange(client, { kind: 'table', table: 'audit_log' })
  })
}

export async function listAuditPg(pool: PgPool, q: AuditQuery): Promise<AuditEntry[]> {
  return (await pool.query<AuditEntry>(pgQuery(auditStatement(q)))).rows
}
