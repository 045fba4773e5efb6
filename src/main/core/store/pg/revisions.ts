// An author's delete at the source, on PostgreSQL: as store/revisions.ts does
// it on SQLite (a tombstone; the mention, its hits, triage, tags and draft
// removed; sent replies unlinked; the id never handed out again: the identity
// sequence never goes back, and the floor is kept for moving the archive back).
import type { SourceId } from '../../../../shared/domain'
import { notifyChange } from './changes'
import type { PgPool } from './connect'
import { inTransaction } from './sql'

export async function tombstoneMentionsPg(
  pool: PgPool,
  source: SourceId,
  externalIds: readonly string[],
  at: number,
): Promise<number[]> {
  if (externalIds.length === 0) return []
  return inTransaction(pool, async (client) => {
    const removed = await client.query<{ id: number }>(
      `WITH gone AS (
         DELETE FROM mentions WHERE source = $1 AND external_id = ANY($2::text[]) RETURNING id, external_id
       ), marked AS (
         INSERT INTO mention_tombstones (source, external_id, deleted_at)
         SELECT $1, external_id, $3 FROM gone ON CONFLICT DO NOTHING
       )
       SELECT id FROM gone ORDER BY id`,
      [source, externalIds, at],
    )
    const ids = removed.rows.map((r) => r.id)
    if (ids.length === 0) return ids
    for (const sql of [
      'DELETE FROM column_hits WHERE mention_id = ANY($1::bigint[])',
      'DELETE FROM triage WHERE mention_id = ANY($1::bigint[])',
      'DELETE FROM mention_reads WHERE mention_id = ANY($1::bigint[])',
      'DELETE FROM mention_tags WHERE mention_id = ANY($1::bigint[])',
      'DELETE FROM reply_drafts WHERE mention_id = ANY($1::bigint[])',
      'UPDATE outbox SET mention_id = NULL WHERE mention_id = ANY($1::bigint[])',
    ])
      await client.query(sql, [ids])
    await client.query('UPDATE mention_id_floor SET floor = greatest(floor, $1) WHERE "only" = 1', [Math.max(...ids)])
    // A notification's payload is capped at 8,000 bytes: a few hundred ids each.
    for (let i = 0; i < ids.length; i += 500)
      await notifyChange(client, { kind: 'deleted', ids: ids.slice(i, i + 500) })
    return ids
  })
}
