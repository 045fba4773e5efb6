// What an author's delete or edit at the source does to the archive. A
// delete of a stored post tombstones it (the mention insert then skips it,
// whatever brings it again) and removes the mention with everything keyed by
// its id: column hits, triage, tags, a reply draft. Sent and failed replies
// stay as our record, unlinked (a later mention may be given the freed id).
// An edit replaces the text and what is derived from it, and re-indexes it.
import type { Mention, SourceId } from '../../../shared/domain'
import { toMatchInput, type MatchInput, type MatchSource } from '../../../shared/query/match-input'
import type { Route, StoredMention } from './commit'
import type { Db } from './db-types'
import { stmt } from './db'
import { tsvectorOf } from './pg/mentions'
import { isPostgres, pgOf } from './pg/sync-db'
import { insertHit, removeHits } from './columns'
import {
  entitiesField,
  INDEX_MENTION_SQL,
  rowToMention,
  UNINDEX_MENTION_SQL,
  type MentionRow,
  type NewMention,
} from './mentions'

const BY_EXTERNAL_ID = 'SELECT * FROM mentions WHERE source = ? AND external_id = ?'

/** The archive id of a stored post, if we stored it. */
export function storedId(db: Db, source: SourceId, externalId: string): number | undefined {
  return stmt<[string, string], MentionRow>(db, BY_EXTERNAL_ID).get(source, externalId)?.id
}

/**
 * Removes a stored post its author deleted and tombstones it; returns the id
 * it had, or undefined when it is not stored (a delete of a post we never
 * kept leaves nothing behind: on a firehose most deletes are of such posts).
 * Call in a transaction.
 */
export function tombstoneMention(db: Db, source: SourceId, externalId: string, at: number): number | undefined {
  const row = stmt<[string, string], MentionRow>(db, BY_EXTERNAL_ID).get(source, externalId)
  if (!row) return undefined
  stmt(
    db,
    'INSERT INTO mention_tombstones (source, external_id, deleted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  ).run(source, externalId, at)
  removeHits(db, row.id, row.created_at)
  for (const sql of [
    'DELETE FROM triage WHERE mention_id = ?',
    'DELETE FROM mention_reads WHERE mention_id = ?',
    'DELETE FROM mention_tags WHERE mention_id = ?',
    'DELETE FROM reply_drafts WHERE mention_id = ?',
    'UPDATE outbox SET mention_id = NULL WHERE mention_id = ?',
    // Its FTS entry goes with it (the mentions_fts_delete trigger).
    'DELETE FROM mentions WHERE id = ?',
    // Its id is never handed out again (migration 0090).
    'UPDATE mention_id_floor SET floor = max(floor, ?) WHERE only = 1',
  ])
    stmt(db, sql).run(row.id)
  return row.id
}

/** What an edit replaces: the text and what follows from it. */
export type EditedFields = Pick<NewMention, 'text' | 'lang' | 'warning' | 'title' | 'hasMedia'> &
  Pick<Mention, 'sentiment' | 'sentimentLabel' | 'sentimentScorer'> & { editedAt: number }

/**
 * Replaces a stored post's text with its author's edit and re-indexes it;
 * returns the mention as it now is, or undefined when it is not stored or
 * already holds a later edit (edits can arrive out of order). The caller
 * re-routes it to columns. Call in a transaction.
 */
export function reviseMention(
  db: Db,
  source: SourceId,
  externalId: string,
  edit: EditedFields,
  derived: MatchInput,
): Mention | undefined {
  const old = stmt<[string, string], MentionRow>(db, BY_EXTERNAL_ID).get(source, externalId)
  if (!old || (old.edited_at ?? -Infinity) > edit.editedAt) return undefined
  const row = stmt<unknown[], MentionRow>(
    db,
    `UPDATE mentions SET text = ?, lang = ?, lang_key = ?, warning = ?, title = ?, has_media = ?, entities = ?,
       links = ?, sentiment = ?, sentiment_label = ?, sentiment_scorer = coalesce(?, sentiment_scorer), edited_at = ?
     WHERE id = ? RETURNING *`,
  ).get(
    edit.text,
    edit.lang,
    derived.lang,
    edit.warning ?? null,
    edit.title ?? null,
    edit.hasMedia ? 1 : 0,
    entitiesField([...derived.hashtags], [...derived.mentions]),
    derived.links.join('\n'),
    edit.sentiment,
    edit.sentimentLabel,
    edit.sentimentScorer ?? null,
    edit.editedAt,
    old.id,
  )!
  if (isPostgres(db)) {
    stmt(db, 'UPDATE mentions SET search = CAST(? AS tsvector) WHERE id = ?').run(tsvectorOf(derived.tokens), old.id)
  } else {
    stmt(db, UNINDEX_MENTION_SQL).run(old.id, old.text, old.author_handle, old.author_name)
    stmt(db, INDEX_MENTION_SQL).run(row.id, row.text, row.author_handle, row.author_name)
  }
  return rowToMention(row)
}

/** Deletes posts at their source's word, all in one transaction; returns the ids of those the archive held. */
export function tombstoneMentions(db: Db, source: SourceId, externalIds: readonly string[], at: number): number[] {
  if (isPostgres(db)) return pgOf(db).proc('tombstoneMentions', source, externalIds, at)
  return db.transaction(() => externalIds.flatMap((externalId) => tombstoneMention(db, source, externalId, at) ?? []))()
}

type EditedMentionOf = EditedFields & MatchSource & { source: SourceId; externalId: string }

/**
 * Applies scored edits in one transaction: new text, sentiment and search row, and the columns
 * routed again; `unseen` are edits of posts the archive does not hold.
 */
export function reviseMentions<E extends EditedMentionOf>(
  db: Db,
  edits: readonly E[],
  route: Route,
): { revised: StoredMention[]; unseen: E[] } {
  return db.transaction(() => {
    const revised: StoredMention[] = []
    const unseen: E[] = []
    for (const edit of edits) {
      const mention = reviseMention(db, edit.source, edit.externalId, edit, toMatchInput(edit))
      if (!mention) {
        if (storedId(db, edit.source, edit.externalId) === undefined) unseen.push(edit)
        continue
      }
      removeHits(db, mention.id, mention.createdAt)
      // Routed as stored: the edit changes the text, not who wrote it or what it answers.
      const columns = route(toMatchInput(mention))
      for (const columnId of columns) insertHit(db, columnId, mention.createdAt, mention.id)
      revised.push({ mention, columns })
    }
    return { revised, unseen }
  })()
}
