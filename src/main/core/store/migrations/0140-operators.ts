// Team mode's operators: named people, each with a role and the scrypt hash
// of a secret (never the secret). Names are unique regardless of case: the
// key is the name folded by the core (Unicode lower case, NFC), the same on both engines.
import type { Migration } from './migration'

export const operators: Migration = {
  version: 140,
  name: 'operators',
  up(db) {
    db.exec(`
      CREATE TABLE operators (
        name_key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'operator', 'analyst')),
        secret_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
