// What operators and sources need beyond the mentions themselves: capture gaps,
// the reply outbox, per-source settings (never secrets) and resume cursors, and
// the triage state of each mention (read, done, assignee, note, tags).
// `title` is an RSS item's title, `warning` a Mastodon content warning, and
// `ref_author` is the handle of the author of the post a mention replies to,
// quotes or reposts, when the source says (X's "summoned reply" rule needs it).
import type { Migration } from './migration'

export const operations: Migration = {
  version: 30,
  name: 'operations',
  up(db) {
    db.exec(`
      ALTER TABLE mentions ADD COLUMN ref_author TEXT;
      ALTER TABLE mentions ADD COLUMN title TEXT;
      ALTER TABLE mentions ADD COLUMN warning TEXT;

      CREATE TABLE gaps (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX gaps_by_time ON gaps (started_at);

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        mention_id INTEGER,
        target_id TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('reply', 'quote')),
        text TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'unknown', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        remote_id TEXT,
        remote_url TEXT,
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX outbox_by_mention ON outbox (mention_id);
      CREATE INDEX outbox_by_state ON outbox (state);

      CREATE TABLE source_configs (
        source TEXT PRIMARY KEY,
        config TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE source_cursors (
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (source, key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE triage (
        mention_id INTEGER PRIMARY KEY,
        read INTEGER NOT NULL DEFAULT 0,
        done INTEGER NOT NULL DEFAULT 0,
        assignee TEXT,
        note TEXT,
        reviewed INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE mention_tags (
        mention_id INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (mention_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mention_tags_by_tag ON mention_tags (tag, mention_id);
    `)
  },
}
