// Authors delete and edit posts after we stored them. A delete removes the
// mention (its FTS entry goes with it through the 0010 trigger) and leaves a
// tombstone, so a replay, a cursor overlap, a later search poll or an import
// of an old export cannot store the post again: the mention insert
// (store/mentions.ts) skips a tombstoned post as it skips a duplicate.
// `edited_at` marks a mention whose text was replaced by an edit.
import type { Migration } from './migration'

export const sourceRevisions: Migration = {
  version: 80,
  name: 'source-revisions',
  up(db) {
    db.exec(`
      ALTER TABLE mentions ADD COLUMN edited_at INTEGER;

      CREATE TABLE mention_tombstones (
        source TEXT NOT NULL,
        external_id TEXT NOT NULL,
        deleted_at INTEGER NOT NULL,
        PRIMARY KEY (source, external_id)
      ) STRICT, WITHOUT ROWID;
    `)
  },
}
