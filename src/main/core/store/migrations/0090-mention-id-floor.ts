// A deleted post's id is never given to another mention. SQLite hands a new
// row max(id) + 1, so deleting the newest mention (a post deleted seconds
// after it was posted: the common case) would give its id to the next one,
// and a window still holding the old id (an open composer, a draft being
// saved, cached triage) would act on a stranger's post. The floor is the
// highest id ever deleted; the mention insert (store/mentions.ts) starts
// above it. One row, read by primary key: no cost worth measuring per insert.
import type { Migration } from './migration'

export const mentionIdFloor: Migration = {
  version: 90,
  name: 'mention-id-floor',
  up(db) {
    db.exec(`
      CREATE TABLE mention_id_floor (
        only INTEGER PRIMARY KEY CHECK (only = 1),
        floor INTEGER NOT NULL
      ) STRICT;
      INSERT INTO mention_id_floor (only, floor) VALUES (1, 0);
    `)
  },
}
