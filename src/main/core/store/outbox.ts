// Outbox rows: one per reply, unique on the caller's idempotency key.
import type { OutboxItem, OutboxState, ReplyMode } from '../../../shared/contracts/replies'
import type { SourceId } from '../../../shared/domain'
import { spendDraft } from './composer'
import { stmt } from './db'
import type { Db } from './db-types'
import { isPostgres } from './pg/sync-db'

interface OutboxRow {
  id: number
  key: string
  source: string
  mention_id: number | null
  target_id: string
  mode: string
  text: string
  state: string
  attempts: number
  remote_id: string | null
  remote_url: string | null
  error: string | null
  created_at: number
  updated_at: number
}

const toItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  key: r.key,
  source: r.source as SourceId,
  mentionId: r.mention_id,
  targetId: r.target_id,
  mode: r.mode as ReplyMode,
  text: r.text,
  state: r.state as OutboxState,
  attempts: r.attempts,
  remoteId: r.remote_id,
  remoteUrl: r.remote_url,
  error: r.error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export interface NewOutboxItem {
  key: string
  source: SourceId
  mentionId: number | null
  targetId: string
  mode: ReplyMode
  text: string
  now: number
}

/** Queues a reply; with a key already used, returns the existing row and `created: false`. */
export function enqueueReply(db: Db, item: NewOutboxItem): { item: OutboxItem; created: boolean } {
  const existing = getOutboxByKey(db, item.key)
  if (existing) return { item: existing, created: false }
  const row = stmt<unknown[], OutboxRow>(
    db,
    `INSERT INTO outbox (key, source, mention_id, target_id, mode, text, state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING *`,
  ).get(item.key, item.source, item.mentionId, item.targetId, item.mode, item.text, item.now, item.now)!
  return { item: toItem(row), created: true }
}

/**
 * Queues the reply a draft holds and spends the draft's key in the same
 * transaction. With `answeredSince`, a reply under another key to the same
 * mention, queued or sent since then, is returned as `answered` instead and
 * nothing is queued: two operators answering one mention at once send one
 * reply (on PostgreSQL the check and the insert hold the mention's lock).
 */
export function enqueueDraftReply(
  db: Db,
  item: NewOutboxItem & { mentionId: number; answeredSince?: number },
): { item: OutboxItem; created: boolean; answered?: OutboxItem } {
  return db.transaction(() => {
    if (item.answeredSince !== undefined) {
      if (isPostgres(db)) stmt(db, 'SELECT pg_advisory_xact_lock(?, ?)').get(OUTBOX_LOCK, item.mentionId)
      const answered = stmt<unknown[], OutboxRow>(
        db,
        `SELECT * FROM outbox WHERE mention_id = ? AND key <> ? AND created_at >= ?
           AND state IN ('queued', 'sending', 'unknown', 'sent') ORDER BY id DESC LIMIT 1`,
      ).get(item.mentionId, item.key, item.answeredSince)
      if (answered && !getOutboxByKey(db, item.key))
        return { item: toItem(answered), created: false, answered: toItem(answered) }
    }
    const queued = enqueueReply(db, item)
    spendDraft(db, item.mentionId, item.key)
    return queued
  })()
}

/** The advisory lock class of a mention's replies (with the mention id as the second key). */
const OUTBOX_LOCK = 0x0e0b

export function getOutboxItem(db: Db, id: number): OutboxItem | undefined {
  const row = stmt<[number], OutboxRow>(db, 'SELECT * FROM outbox WHERE id = ?').get(id)
  return row && toItem(row)
}

export function getOutboxByKey(db: Db, key: string): OutboxItem | undefined {
  const row = stmt<[string], OutboxRow>(db, 'SELECT * FROM outbox WHERE key = ?').get(key)
  return row && toItem(row)
}

export interface OutboxUpdate {
  state: OutboxState
  attempts?: number
  remoteId?: string | null
  remoteUrl?: string | null
  error?: string | null
}

export function updateOutboxItem(db: Db, id: number, update: OutboxUpdate, now: number): OutboxItem {
  const row = stmt<unknown[], OutboxRow>(
    db,
    `UPDATE outbox SET state = ?, attempts = coalesce(?, attempts), remote_id = coalesce(?, remote_id),
       remote_url = coalesce(?, remote_url), error = ?, updated_at = ? WHERE id = ? RETURNING *`,
  ).get(
    update.state,
    update.attempts ?? null,
    update.remoteId ?? null,
    update.remoteUrl ?? null,
    update.error ?? null,
    now,
    id,
  )
  if (!row) throw new Error(`outbox item ${id} not found`)
  return toItem(row)
}

export function listOutbox(db: Db, mentionId: number | undefined, limit: number): OutboxItem[] {
  const rows =
    mentionId === undefined
      ? stmt<[number], OutboxRow>(db, 'SELECT * FROM outbox ORDER BY id DESC LIMIT ?').all(limit)
      : stmt<[number, number], OutboxRow>(db, 'SELECT * FROM outbox WHERE mention_id = ? ORDER BY id DESC LIMIT ?').all(
          mentionId,
          limit,
        )
  return rows.map(toItem)
}

export function outboxInStates(db: Db, states: readonly OutboxState[]): OutboxItem[] {
  const rows = stmt<[string], OutboxRow>(
    db,
    'SELECT * FROM outbox WHERE state IN (SELECT value FROM json_each(?)) ORDER BY id',
  ).all(JSON.stringify(states))
  return rows.map(toItem)
}
