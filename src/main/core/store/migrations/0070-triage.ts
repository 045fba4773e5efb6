// The operator's workflow beyond the per-mention rows of 0030: each column's
// read watermark, filters and mutes; the operator's preferences (name, brand,
// recent assignees); canned replies (with a few starters) and reply drafts,
// which keep their idempotency key so a draft sent twice posts once.
import type { Migration } from './migration'

/** The starter canned replies (the PostgreSQL archive's first step seeds the same). */
export const STARTERS: ReadonlyArray<[string, string]> = [
  ['Sorry — we are on it', "Hi {{author}}, sorry about this. We're looking into it now and will update you here."],
  [
    'Please DM details',
    'Hi {{author}}, could you send us a DM with your account details so {{brand}} can take a look?',
  ],
  ['Thanks!', 'Thanks so much, {{author}}! The whole {{brand}} team appreciates it.'],
  [
    'Outage update',
    'Hi {{author}}, we know about the outage in some areas and are working to fix it. Thanks for your patience.',
  ],
]

export const triage: Migration = {
  version: 70,
  name: 'triage',
  up(db) {
    db.exec(`
      CREATE TABLE column_triage (
        column_id TEXT PRIMARY KEY,
        watermark_created_at INTEGER,
        watermark_id INTEGER,
        filters TEXT NOT NULL DEFAULT '{}',
        mutes TEXT NOT NULL DEFAULT '{}',
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE operator_prefs (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE canned_replies (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE reply_drafts (
        mention_id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('reply', 'quote')),
        key TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE INDEX triage_by_assignee ON triage (assignee) WHERE assignee IS NOT NULL;
    `)
    const insert = db.prepare('INSERT INTO canned_replies (title, text, updated_at) VALUES (?, ?, 0)')
    for (const [title, text] of STARTERS) insert.run(title, text)
  },
}
