// The archive's side of a thread: a post by its network id, and the replies
// stored to a post (partial index mentions_replies_to).
import type { Mention, SourceId } from '../../../shared/domain'
import { stmt } from './db'
import type { Db } from './db-types'
import { rowToMention, type MentionRow } from './mentions'

const BY_EXTERNAL_ID = 'SELECT * FROM mentions WHERE source = ? AND external_id = ?'

const REPLIES_TO = `
  SELECT * FROM mentions
  WHERE source = ? AND ref_id = ? AND kind = 'reply' AND id <> ?
  ORDER BY created_at DESC, id DESC LIMIT ?`

export function findByExternalId(db: Db, source: SourceId, externalId: string): Mention | undefined {
  const row = stmt<[string, string], MentionRow>(db, BY_EXTERNAL_ID).get(source, externalId)
  return row && rowToMention(row)
}

/** Replies to the post `refId` names, newest first, leaving out mention `except`. */
export function repliesTo(db: Db, source: SourceId, refId: string, except: number, limit: number): Mention[] {
  return stmt<[string, string, number, number], MentionRow>(db, REPLIES_TO)
    .all(source, refId, except, limit)
    .map(rowToMention)
}
