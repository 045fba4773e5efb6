// The audit log in the archive (pg/audit.ts runs the same statements on
// PostgreSQL): appended once per audited command, read newest first.
import type { AuditEntry, AuditQuery, NewAuditEntry } from '../../../shared/contracts/audit'
import type { Db } from './db-types'
import { stmt } from './db'
import type { SqlWhere } from './query-sql'

export const APPEND_AUDIT_SQL = 'INSERT INTO audit_log (at, operator, action, targets, outcome) VALUES (?, ?, ?, ?, ?)'

export const auditValues = (e: NewAuditEntry): unknown[] => [e.at, e.operator, e.action, e.targets, e.outcome]

/** The page of the log a query asks for (`?` parameters; both engines run it). */
export function auditStatement(q: AuditQuery): SqlWhere {
  const clauses: string[] = []
  const params: unknown[] = []
  if (q.since != null) {
    clauses.push('at >= ?')
    params.push(q.since)
  }
  if (q.until != null) {
    clauses.push('at < ?')
    params.push(q.until)
  }
  if (q.operator !== undefined) {
    clauses.push('operator = ?')
    params.push(q.operator)
  }
  if (q.before !== undefined) {
    clauses.push('id < ?')
    params.push(q.before)
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''
  return {
    sql: `SELECT id, at, operator, action, targets, outcome FROM audit_log ${where} ORDER BY id DESC LIMIT ?`,
    params: [...params, q.limit ?? 200],
  }
}

export function appendAudit(db: Db, e: NewAuditEntry): void {
  stmt(db, APPEND_AUDIT_SQL).run(...auditValues(e))
}

export function listAudit(db: Db, q: AuditQuery): AuditEntry[] {
  const s = auditStatement(q)
  return db.prepare(s.sql).all(...s.params) as AuditEntry[]
}
