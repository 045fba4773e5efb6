// A column may collapse reposts: they leave its list and show as a count on
// the original's card. The partial index makes that count a look-up by the
// original's (source, external id).
import type { Migration } from './migration'

export const collapseReposts: Migration = {
  version: 60,
  name: 'collapse-reposts',
  up(db) {
    db.exec(`
      ALTER TABLE columns ADD COLUMN collapse_reposts INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX mentions_reposts_of ON mentions (source, ref_id) WHERE kind = 'repost';
    `)
  },
}
