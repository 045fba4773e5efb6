// The ingest writer's batch: each mention, its search row and its column hits
// in one transaction, so a mention is stored with its hits or not at all.
import type { ColumnId, Mention } from '../../../shared/domain'
import { toMatchInput, type MatchInput } from '../../../shared/query/match-input'
import { insertHit } from './columns'
import type { Db } from './db-types'
import { insertMention, type NewMention } from './mentions'
import { isPostgres, pgOf } from './pg/sync-db'

/** A mention as stored, with the columns it was routed to. */
export interface StoredMention {
  mention: Mention
  columns: ColumnId[]
}

/** Which columns a mention belongs to (the router's live matcher). */
export type Route = (input: MatchInput) => ColumnId[]

/** Stores a batch; posts stored before (or deleted at their source) are left out of the result. */
export function commitMentions(db: Db, batch: readonly NewMention[], route: Route): StoredMention[] {
  // PostgreSQL stores the batch in one statement (pg/mentions.ts), routed here where the router is.
  if (isPostgres(db))
    return pgOf(db).proc(
      'commitRouted',
      batch,
      batch.map((m) => route(toMatchInput(m))),
    )
  return db.transaction(() => {
    const out: StoredMention[] = []
    for (const m of batch) {
      const input = toMatchInput(m)
      const id = insertMention(db, m, input)
      if (id === undefined) continue
      const columns = route(input)
      for (const columnId of columns) insertHit(db, columnId, m.createdAt, id)
      out.push({ mention: { ...m, id }, columns })
    }
    return out
  })()
}
