// Alert destinations and the delivery log. The log is also the queue: a
// delivery waits as `pending` (due now, or when its email digest window
// opens) or `retrying` (after a failure, with its next attempt's time), and
// ends `sent`, `failed` or `suppressed` (quiet hours). Because it is in the
// archive, a restart resumes what was waiting and never repeats what was sent.
import {
  DestinationSpecSchema,
  type Delivery,
  type DeliveryState,
  type Destination,
  type DestinationSpec,
} from '../../../shared/contracts/delivery'
import type { Mention } from '../../../shared/domain'
import { stmt } from './db'
import type { Db } from './db-types'
import { rowToMention, type MentionRow } from './mentions'

interface DestinationRow {
  id: string
  kind: string
  spec: string
}

function toDestination(r: DestinationRow): Destination | null {
  const spec = DestinationSpecSchema.safeParse(JSON.parse(r.spec))
  return spec.success ? { id: r.id, ...spec.data } : null
}

export function listDestinations(db: Db): Destination[] {
  return stmt<[], DestinationRow>(db, 'SELECT id, kind, spec FROM alert_destinations ORDER BY created_at, id')
    .all()
    .flatMap((r) => toDestination(r) ?? [])
}

export function saveDestination(db: Db, id: string, spec: DestinationSpec, now: number): Destination {
  stmt<[string, string, string, number]>(
    db,
    `INSERT INTO alert_destinations (id, kind, spec, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, spec = excluded.spec`,
  ).run(id, spec.kind, JSON.stringify(spec), now)
  return { id, ...spec }
}

/** Removes a destination; what it still had waiting ends as failed, its log stays. */
export function deleteDestination(db: Db, id: string, now: number): boolean {
  return db.transaction(() => {
    stmt<[number, string]>(
      db,
      `UPDATE alert_deliveries SET state = 'failed', error = 'the destination was removed', next_at = NULL,
         updated_at = ? WHERE destination_id = ? AND state IN ('pending', 'retrying')`,
    ).run(now, id)
    return stmt<[string]>(db, 'DELETE FROM alert_destinations WHERE id = ?').run(id).changes > 0
  })()
}

interface DeliveryRow {
  id: number
  destination_id: string
  column_id: string | null
  alert_ids: string
  test: number
  summary: string
  state: string
  attempts: number
  status: number | null
  error: string | null
  next_at: number | null
  created_at: number
  updated_at: number
}

export interface StoredDelivery extends Omit<Delivery, 'destinationName'> {
  columnId: string | null
}

const toDelivery = (r: DeliveryRow): StoredDelivery => ({
  id: r.id,
  destinationId: r.destination_id,
  columnId: r.column_id,
  alertIds: JSON.parse(r.alert_ids) as number[],
  test: r.test === 1,
  summary: r.summary,
  state: r.state as DeliveryState,
  attempts: r.attempts,
  status: r.status,
  error: r.error,
  nextAt: r.next_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export interface NewDelivery {
  destinationId: string
  columnId: string | null
  alertIds: readonly number[]
  test: boolean
  summary: string
  state: DeliveryState
  nextAt: number | null
  error: string | null
}

export function insertDelivery(db: Db, d: NewDelivery, now: number): StoredDelivery {
  return toDelivery(
    stmt<unknown[], DeliveryRow>(
      db,
      `INSERT INTO alert_deliveries (destination_id, column_id, alert_ids, test, summary, state, next_at, error,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ).get(
      d.destinationId,
      d.columnId,
      JSON.stringify(d.alertIds),
      d.test ? 1 : 0,
      d.summary,
      d.state,
      d.nextAt,
      d.error,
      now,
      now,
    )!,
  )
}

export interface DeliveryUpdate {
  state: DeliveryState
  attempts: number
  status: number | null
  error: string | null
  nextAt: number | null
}

export function updateDeliveries(db: Db, ids: readonly number[], u: DeliveryUpdate, now: number): void {
  stmt<unknown[]>(
    db,
    `UPDATE alert_deliveries SET state = ?, attempts = ?, status = ?, error = ?, next_at = ?, updated_at = ?
     WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))`,
  ).run(u.state, u.attempts, u.status, u.error, u.nextAt, now, JSON.stringify(ids))
}

/** Deliveries whose time has come, oldest first. */
export function dueDeliveries(db: Db, now: number, limit: number): StoredDelivery[] {
  return stmt<[number, number], DeliveryRow>(
    db,
    `SELECT * FROM alert_deliveries WHERE state IN ('pending', 'retrying') AND next_at <= ? ORDER BY next_at, id LIMIT ?`,
  )
    .all(now, limit)
    .map(toDelivery)
}

/** Everything a destination has waiting for one column (what an email digest gathers into one mail). */
export function waitingFor(db: Db, destinationId: string, columnId: string): StoredDelivery[] {
  return stmt<[string, string], DeliveryRow>(
    db,
    `SELECT * FROM alert_deliveries WHERE destination_id = ? AND column_id = ? AND state = 'pending' AND test = 0
     ORDER BY id`,
  )
    .all(destinationId, columnId)
    .map(toDelivery)
}

/** When a destination last sent an alert of this column (the start of an email digest window). */
export function lastSentFor(db: Db, destinationId: string, columnId: string): number | null {
  return (
    stmt<[string, string], { at: number | null }>(
      db,
      `SELECT max(updated_at) AS at FROM alert_deliveries
       WHERE destination_id = ? AND column_id = ? AND state = 'sent' AND test = 0`,
    ).get(destinationId, columnId)?.at ?? null
  )
}

export function listDeliveries(db: Db, destinationId: string | null, limit: number): StoredDelivery[] {
  return stmt<[{ id: string | null; limit: number }], DeliveryRow>(
    db,
    'SELECT * FROM alert_deliveries WHERE (CAST(@id AS TEXT) IS NULL OR destination_id = @id) ORDER BY id DESC LIMIT @limit',
  )
    .all({ id: destinationId, limit })
    .map(toDelivery)
}

export interface DestinationHistory {
  lastSentAt: number | null
  lastFailedAt: number | null
  /** The last finished delivery's error, when it failed. */
  lastError: string | null
  lastState: DeliveryState | null
  pending: number
}

export function destinationHistory(db: Db, destinationId: string): DestinationHistory {
  const row = stmt<
    [{ id: string }],
    {
      sent: number | null
      failed: number | null
      pending: number
      last_state: string | null
      last_error: string | null
    }
  >(
    db,
    `SELECT
       (SELECT max(updated_at) FROM alert_deliveries WHERE destination_id = @id AND state = 'sent') AS sent,
       (SELECT max(updated_at) FROM alert_deliveries WHERE destination_id = @id AND state IN ('failed', 'retrying')) AS failed,
       (SELECT count(*) FROM alert_deliveries WHERE destination_id = @id AND state IN ('pending', 'retrying')) AS pending,
       (SELECT state FROM alert_deliveries WHERE destination_id = @id AND state IN ('sent', 'failed', 'retrying')
          ORDER BY updated_at DESC, id DESC LIMIT 1) AS last_state,
       (SELECT error FROM alert_deliveries WHERE destination_id = @id AND state IN ('sent', 'failed', 'retrying')
          ORDER BY updated_at DESC, id DESC LIMIT 1) AS last_error`,
  ).get({ id: destinationId })!
  return {
    lastSentAt: row.sent,
    lastFailedAt: row.failed,
    lastError: row.last_state === 'sent' ? null : row.last_error,
    lastState: row.last_state as DeliveryState | null,
    pending: row.pending,
  }
}

/**
 * The mentions an alert message shows: a column's mentions posted in
 * [since, until), the most followed authors first (the most negative first
 * for a negative surge).
 */
export function topMentions(
  db: Db,
  columnId: string,
  since: number,
  until: number,
  order: 'followers' | 'negative',
  limit: number,
): Mention[] {
  const by = order === 'negative' ? 'm.sentiment ASC, m.author_followers DESC' : 'm.author_followers DESC'
  return stmt<[string, number, number, number], MentionRow>(
    db,
    `SELECT m.* FROM column_hits h JOIN mentions m ON m.id = h.mention_id
     WHERE h.column_id = ? AND h.created_at >= ? AND h.created_at < ? ORDER BY ${by}, m.id LIMIT ?`,
  )
    .all(columnId, since, until, limit)
    .map(rowToMention)
}
