// A review's star rating (App Store reviews: 1 to 5), for the card and the
// query language's `rating:` operator. Posts have none.
import type { Migration } from './migration'

export const reviewRating: Migration = {
  version: 120,
  name: 'review-rating',
  up(db) {
    db.exec(`
      ALTER TABLE mentions ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);
      CREATE INDEX mentions_by_rating ON mentions (rating, created_at) WHERE rating IS NOT NULL;
    `)
  },
}
