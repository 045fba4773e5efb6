// Which scorer gave each mention its sentiment, so an archive scored by an
// older model says so and can be re-scored (`earshot rescore`). Everything
// stored before this migration was scored by VADER.
import type { Migration } from './migration'

export const sentimentScorer: Migration = {
  version: 100,
  name: 'sentiment-scorer',
  up(db) {
    db.exec(`
      ALTER TABLE mentions ADD COLUMN sentiment_scorer TEXT NOT NULL DEFAULT 'vader/1';
      CREATE INDEX mentions_by_scorer ON mentions (sentiment_scorer, id);
    `)
  },
}
