// Alerts that leave the console: destinations (webhook, Slack, email) with
// what each receives, and the delivery log, which is also the queue a retry
// or an email digest waits in (so a restart neither loses nor repeats one).
// VIP alerts: a query per column, and the alert table learns the kind 'vip'
// and which mention it is about (a CHECK cannot be altered: the table is
// rebuilt with its rows and indexes).
import type { Migration } from './migration'

export const alertDelivery: Migration = {
  version: 110,
  name: 'alert-delivery',
  up(db) {
    db.exec(`
      ALTER TABLE alert_settings ADD COLUMN vip_query TEXT NOT NULL DEFAULT '';

      CREATE TABLE alerts_next (
        id INTEGER PRIMARY KEY,
        column_id TEXT NOT NULL,
        column_title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('spike', 'negative', 'vip')),
        bucket INTEGER NOT NULL,
        fired_at INTEGER NOT NULL,
        count INTEGER NOT NULL,
        baseline REAL NOT NULL,
        observed REAL NOT NULL,
        summary TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        mention_id INTEGER
      ) STRICT;
      INSERT INTO alerts_next (id, column_id, column_title, kind, bucket, fired_at, count, baseline, observed, summary, read)
        SELECT id, column_id, column_title, kind, bucket, fired_at, count, baseline, observed, summary, read FROM alerts;
      DROP TABLE alerts;
      ALTER TABLE alerts_next RENAME TO alerts;
      CREATE INDEX alerts_unread ON alerts (read) WHERE read = 0;
      CREATE INDEX alerts_by_column ON alerts (column_id, kind, fired_at);

      CREATE TABLE alert_destinations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('webhook', 'slack', 'email')),
        spec TEXT NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE alert_deliveries (
        id INTEGER PRIMARY KEY,
        destination_id TEXT NOT NULL,
        column_id TEXT,
        alert_ids TEXT NOT NULL,
        test INTEGER NOT NULL DEFAULT 0,
        summary TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'retrying', 'sent', 'failed', 'suppressed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        status INTEGER,
        error TEXT,
        next_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX alert_deliveries_due ON alert_deliveries (next_at) WHERE state IN ('pending', 'retrying');
      CREATE INDEX alert_deliveries_by_destination ON alert_deliveries (destination_id, id);
    `)
  },
}
