// Team mode's leases: one holder at a time for work that must happen exactly
// once across every process on the archive (the outbox's sender).
import type { Migration } from './migration'

export const leases: Migration = {
  version: 160,
  name: 'leases',
  up(db) {
    db.exec(`
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
