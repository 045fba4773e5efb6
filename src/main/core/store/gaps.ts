// Capture gaps: the spans when a source was not listening (disconnects, rate
// limits, auth errors, the app not running), kept for display and export.
import type { Gap } from '../../../shared/contracts/sources'
import type { SourceId } from '../../../shared/domain'
import { stmt } from './db'
import type { Db } from './db-types'

interface GapRow {
  id: number
  source: string
  started_at: number
  ended_at: number | null
  reason: string
}

const toGap = (r: GapRow): Gap => ({
  id: r.id,
  source: r.source as SourceId,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  reason: r.reason,
})

export function openGap(db: Db, source: SourceId, startedAt: number, reason: string): Gap {
  const row = stmt<[string, number, string], GapRow>(
    db,
    'INSERT INTO gaps (source, started_at, reason) VALUES (?, ?, ?) RETURNING *',
  ).get(source, startedAt, reason)!
  return toGap(row)
}

/** Closes the source's open gap, if any; returns it closed. */
export function closeGap(db: Db, source: SourceId, endedAt: number): Gap | undefined {
  const row = stmt<[{ endedAt: number; source: string }], GapRow>(
    db,
    `UPDATE gaps SET ended_at = CASE WHEN @endedAt > started_at THEN @endedAt ELSE started_at END
     WHERE source = @source AND ended_at IS NULL RETURNING *`,
  ).get({ endedAt, source })
  return row && toGap(row)
}

export function openGapOf(db: Db, source: SourceId): Gap | undefined {
  const row = stmt<[string], GapRow>(db, 'SELECT * FROM gaps WHERE source = ? AND ended_at IS NULL').get(source)
  return row && toGap(row)
}

export interface GapQuery {
  source?: SourceId | undefined
  since?: number | null | undefined
  until?: number | null | undefined
  limit: number
}

/** Gaps overlapping [since, until), oldest first. */
export function listGaps(db: Db, q: GapQuery): Gap[] {
  return stmt<[{ source: string | null; since: number | null; until: number | null; limit: number }], GapRow>(
    db,
    `SELECT * FROM gaps
     WHERE (CAST(@source AS TEXT) IS NULL OR source = @source)
       AND (CAST(@since AS BIGINT) IS NULL OR coalesce(ended_at, 9007199254740991) > @since)
       AND (CAST(@until AS BIGINT) IS NULL OR started_at < @until)
     ORDER BY started_at, id LIMIT @limit`,
  )
    .all({ source: q.source ?? null, since: q.since ?? null, until: q.until ?? null, limit: q.limit })
    .map(toGap)
}
