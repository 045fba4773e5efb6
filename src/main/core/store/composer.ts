// Canned replies and reply drafts (migration 0070). A draft keeps the
// idempotency key the composer chose when it was started, so after a restart
// the same draft is sent under the same key and the outbox posts it once.
import type { CannedReply, Draft } from '../../../shared/contracts/triage'
import type { ReplyMode } from '../../../shared/contracts/replies'
import { notFound } from '../errors'
import { stmt } from './db'
import type { Db } from './db-types'

interface CannedRow {
  id: number
  title: string
  text: string
  updated_at: number
}

const toCanned = (r: CannedRow): CannedReply => ({ id: r.id, title: r.title, text: r.text, updatedAt: r.updated_at })

export function listCanned(db: Db): CannedReply[] {
  return stmt<[], CannedRow>(db, 'SELECT * FROM canned_replies ORDER BY title COLLATE NOCASE, id').all().map(toCanned)
}

export function saveCanned(
  db: Db,
  c: { id?: number | undefined; title: string; text: string },
  now: number,
): CannedReply {
  if (c.id !== undefined) {
    const r = stmt(db, 'UPDATE canned_replies SET title = ?, text = ?, updated_at = ? WHERE id = ?').run(
      c.title,
      c.text,
      now,
      c.id,
    )
    if (r.changes === 0) throw notFound(`canned reply ${c.id}`)
    return { id: c.id, title: c.title, text: c.text, updatedAt: now }
  }
  const r = stmt<unknown[], { id: number }>(
    db,
    'INSERT INTO canned_replies (title, text, updated_at) VALUES (?, ?, ?) RETURNING id',
  ).get(c.title, c.text, now)!
  return { id: r.id, title: c.title, text: c.text, updatedAt: now }
}

export function deleteCanned(db: Db, id: number): void {
  if (stmt(db, 'DELETE FROM canned_replies WHERE id = ?').run(id).changes === 0) throw notFound(`canned reply ${id}`)
}

interface DraftRow {
  mention_id: number
  text: string
  mode: string
  key: string
  updated_at: number
}

const toDraft = (r: DraftRow): Draft => ({
  mentionId: r.mention_id,
  text: r.text,
  mode: r.mode as ReplyMode,
  key: r.key,
  updatedAt: r.updated_at,
})

export function getDraft(db: Db, mentionId: number): Draft | null {
  const r = stmt<[number], DraftRow>(db, 'SELECT * FROM reply_drafts WHERE mention_id = ?').get(mentionId)
  return r ? toDraft(r) : null
}

/** Saves a draft; its key never changes once set (a later save's key is ignored). */
export function saveDraft(
  db: Db,
  d: { mentionId: number; text: string; mode: ReplyMode; key: string },
  now: number,
): Draft {
  if (!stmt(db, 'SELECT 1 FROM mentions WHERE id = ?').get(d.mentionId)) throw notFound(`mention ${d.mentionId}`)
  stmt(
    db,
    `INSERT INTO reply_drafts (mention_id, text, mode, key, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (mention_id) DO UPDATE SET text = excluded.text, mode = excluded.mode, updated_at = excluded.updated_at`,
  ).run(d.mentionId, d.text, d.mode, d.key, now)
  return getDraft(db, d.mentionId)!
}

export function deleteDraft(db: Db, mentionId: number): void {
  stmt(db, 'DELETE FROM reply_drafts WHERE mention_id = ?').run(mentionId)
}

/** A reply went into the outbox under this key: the draft that held it is spent (one with another key stays). */
export function spendDraft(db: Db, mentionId: number, key: string): void {
  stmt(db, 'DELETE FROM reply_drafts WHERE mention_id = ? AND key = ?').run(mentionId, key)
}
