// Where an archive's rows came from when `earshot migrate` copied them in
// (another SQLite file or a PostgreSQL database): a copy into a database that
// already holds rows goes on only when those rows are an unfinished copy of
// the same source, so a resumed copy never merges two archives.
import type { Migration } from './migration'

export const archiveCopies: Migration = {
  version: 130,
  name: 'archive-copies',
  up(db) {
    db.exec(`
      CREATE TABLE archive_copies (
        origin TEXT PRIMARY KEY,
        started_at INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;
    `)
  },
}
