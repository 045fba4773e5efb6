// The composer lists the other replies to a post the archive holds: this
// partial index makes that a look-up by the parent's (source, external id),
// newest first, and costs nothing for posts that are not replies.
import type { Migration } from './migration'

export const threadReplies: Migration = {
  version: 75,
  name: 'thread-replies',
  up(db) {
    db.exec(`CREATE INDEX mentions_replies_to ON mentions (source, ref_id, created_at) WHERE kind = 'reply'`)
  },
}
