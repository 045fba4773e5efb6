// Read state per operator (team mode): which mentions each operator has read
// and how far each has read each column (the watermark). Done, assignee,
// tags and notes stay shared in `triage`. What the archive had read so far
// becomes the state of the single-user console (reader '').
import type { Migration } from './migration'

export const operatorReads: Migration = {
  version: 170,
  name: 'operator-reads',
  up(db) {
    db.exec(`
      CREATE TABLE mention_reads (
        reader TEXT NOT NULL,
        mention_id INTEGER NOT NULL,
        PRIMARY KEY (reader, mention_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX mention_reads_by_mention ON mention_reads (mention_id);

      CREATE TABLE read_marks (
        reader TEXT NOT NULL,
        column_id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        mention_id INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (reader, column_id)
      ) STRICT;

      INSERT INTO mention_reads (reader, mention_id) SELECT '', mention_id FROM triage WHERE read = 1;
      INSERT INTO read_marks (reader, column_id, created_at, mention_id, updated_at)
        SELECT '', column_id, watermark_created_at, watermark_id, updated_at FROM column_triage
        WHERE watermark_created_at IS NOT NULL AND watermark_id IS NOT NULL;

      ALTER TABLE triage DROP COLUMN read;
      ALTER TABLE column_triage DROP COLUMN watermark_created_at;
      ALTER TABLE column_triage DROP COLUMN watermark_id;
    `)
  },
}
