// Review annotations: a mention's note, tags and reviewed flag, kept in the
// `triage` and `mention_tags` tables of the archive they describe (migration
// 0030). The live deck's triage commands (contracts/triage.ts) own read, done
// and assignee in the same rows; these functions touch only note, tags and
// reviewed, so the two can merge into one triage store later.
import type { Annotation } from '../../../shared/contracts/reports'
import { notFound } from '../errors'
import { stmt } from '../store/db'
import type { Db } from '../store/db-types'

export interface AnnotationPatch {
  mentionId: number
  note?: string | null | undefined
  tags?: readonly string[] | undefined
  reviewed?: boolean | undefined
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ')

/** Annotations of the given mentions, in their order (unannotated ones come back empty). */
export function getAnnotations(db: Db, ids: readonly number[]): Annotation[] {
  if (ids.length === 0) return []
  const triage = db
    .prepare(`SELECT mention_id, note, reviewed FROM triage WHERE mention_id IN (${placeholders(ids.length)})`)
    .all(...ids) as { mention_id: number; note: string | null; reviewed: number }[]
  const tags = db
    .prepare(`SELECT mention_id, tag FROM mention_tags WHERE mention_id IN (${placeholders(ids.length)}) ORDER BY tag`)
    .all(...ids) as { mention_id: number; tag: string }[]
  const byId = new Map(triage.map((t) => [t.mention_id, t]))
  const tagsOf = new Map<number, string[]>()
  for (const t of tags) tagsOf.set(t.mention_id, [...(tagsOf.get(t.mention_id) ?? []), t.tag])
  return ids.map((id) => ({
    mentionId: id,
    note: byId.get(id)?.note ?? null,
    tags: tagsOf.get(id) ?? [],
    reviewed: byId.get(id)?.reviewed === 1,
  }))
}

export function annotate(db: Db, patch: AnnotationPatch, now: number): Annotation {
  return db.transaction(() => {
    if (!stmt(db, 'SELECT 1 FROM mentions WHERE id = ?').get(patch.mentionId))
      throw notFound(`mention ${patch.mentionId}`)
    const note = patch.note === undefined ? undefined : patch.note?.trim() || null
    stmt(
      db,
      `INSERT INTO triage (mention_id, note, reviewed, updated_at) VALUES (@id, @note, coalesce(@reviewed, 0), @now)
       ON CONFLICT (mention_id) DO UPDATE SET
         note = CASE WHEN @setNote THEN excluded.note ELSE note END,
         reviewed = coalesce(@reviewed, reviewed),
         updated_at = excluded.updated_at`,
    ).run({
      id: patch.mentionId,
      note: note ?? null,
      setNote: note === undefined ? 0 : 1,
      reviewed: patch.reviewed === undefined ? null : patch.reviewed ? 1 : 0,
      now,
    })
    if (patch.tags) {
      stmt(db, 'DELETE FROM mention_tags WHERE mention_id = ?').run(patch.mentionId)
      for (const tag of new Set(patch.tags.map((t) => t.trim().toLowerCase()))) {
        stmt(db, 'INSERT INTO mention_tags (mention_id, tag) VALUES (?, ?)').run(patch.mentionId, tag)
      }
    }
    return getAnnotations(db, [patch.mentionId])[0]!
  })()
}
