// Team mode's audit log: who did what and when (shared/contracts/audit.ts).
import type { Migration } from './migration'

export const auditLog: Migration = {
  version: 150,
  name: 'audit-log',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        operator TEXT NOT NULL,
        action TEXT NOT NULL,
        targets TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed'))
      ) STRICT;
      CREATE INDEX audit_by_time ON audit_log (at, id);
    `)
  },
}
