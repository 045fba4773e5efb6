// Alerts: each column's spike-detection settings (a missing row means the
// defaults), how the console notifies (one JSON row), and every alert fired,
// with the column's title at the time so the list survives a removed column.
import type { Migration } from './migration'

export const alerts: Migration = {
  version: 45,
  name: 'alerts',
  up(db) {
    db.exec(`
      CREATE TABLE alert_settings (
        column_id TEXT PRIMARY KEY,
        enabled INTEGER NOT NULL,
        sensitivity TEXT NOT NULL CHECK (sensitivity IN ('low', 'medium', 'high')),
        min_volume INTEGER NOT NULL,
        negative_surge INTEGER NOT NULL,
        cooldown_minutes INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE alert_prefs (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        prefs TEXT NOT NULL
      ) STRICT;

      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        column_id TEXT NOT NULL,
        column_title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('spike', 'negative')),
        bucket INTEGER NOT NULL,
        fired_at INTEGER NOT NULL,
        count INTEGER NOT NULL,
        baseline REAL NOT NULL,
        observed REAL NOT NULL,
        summary TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX alerts_unread ON alerts (read) WHERE read = 0;
      CREATE INDEX alerts_by_column ON alerts (column_id, kind, fired_at);
    `)
  },
}
