// Alert rows in the archive: per-column settings (defaults where no row),
// notification preferences, and the alert history.
import { z } from 'zod'
import {
  ALERT_COOLDOWN_MINUTES,
  ALERT_MIN_VOLUME,
  NotifyPrefsSchema,
  type Alert,
  type AlertKind,
  type ColumnAlertSettings,
  type NotifyPrefs,
  type Sensitivity,
} from '../../../shared/contracts/alerts'
import type { ColumnId } from '../../../shared/domain'
import { stmt } from './db'
import type { Db } from './db-types'
import type { LastFired } from '../alerts/detector'

export const DEFAULT_NOTIFY: NotifyPrefs = { desktop: true, sound: false }

export function defaultColumnSettings(columnId: ColumnId): ColumnAlertSettings {
  return {
    columnId,
    enabled: true,
    sensitivity: 'medium',
    minVolume: ALERT_MIN_VOLUME.default,
    negativeSurge: true,
    cooldownMinutes: ALERT_COOLDOWN_MINUTES.default,
    vipQuery: '',
  }
}

interface SettingsRow {
  column_id: string
  enabled: number
  sensitivity: string
  min_volume: number
  negative_surge: number
  cooldown_minutes: number
  vip_query: string
}

const toSettings = (r: SettingsRow): ColumnAlertSettings => ({
  columnId: r.column_id,
  enabled: r.enabled === 1,
  sensitivity: r.sensitivity as Sensitivity,
  minVolume: r.min_volume,
  negativeSurge: r.negative_surge === 1,
  cooldownMinutes: r.cooldown_minutes,
  vipQuery: r.vip_query,
})

export function loadColumnSettings(db: Db): Map<ColumnId, ColumnAlertSettings> {
  const rows = stmt<[], SettingsRow>(db, 'SELECT * FROM alert_settings').all()
  return new Map(rows.map((r) => [r.column_id, toSettings(r)]))
}

export function saveColumnSettings(db: Db, s: ColumnAlertSettings, now: number): void {
  stmt(
    db,
    `INSERT INTO alert_settings (column_id, enabled, sensitivity, min_volume, negative_surge, cooldown_minutes, vip_query, updated_at)
     VALUES (@columnId, @enabled, @sensitivity, @minVolume, @negativeSurge, @cooldownMinutes, @vipQuery, @now)
     ON CONFLICT (column_id) DO UPDATE SET enabled = excluded.enabled, sensitivity = excluded.sensitivity,
       min_volume = excluded.min_volume, negative_surge = excluded.negative_surge,
       cooldown_minutes = excluded.cooldown_minutes, vip_query = excluded.vip_query, updated_at = excluded.updated_at`,
  ).run({ ...s, enabled: s.enabled ? 1 : 0, negativeSurge: s.negativeSurge ? 1 : 0, now })
}

/** Settings of columns that no longer exist. */
export function pruneColumnSettings(db: Db, keep: readonly ColumnId[]): void {
  stmt<[string]>(db, 'DELETE FROM alert_settings WHERE column_id NOT IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(keep),
  )
}

export function loadNotifyPrefs(db: Db): NotifyPrefs {
  const row = stmt<[], { prefs: string }>(db, 'SELECT prefs FROM alert_prefs WHERE id = 1').get()
  if (!row) return DEFAULT_NOTIFY
  try {
    return NotifyPrefsSchema.catch(DEFAULT_NOTIFY).parse(JSON.parse(row.prefs))
  } catch {
    return DEFAULT_NOTIFY
  }
}

export function saveNotifyPrefs(db: Db, prefs: NotifyPrefs): void {
  stmt(
    db,
    'INSERT INTO alert_prefs (id, prefs) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET prefs = excluded.prefs',
  ).run(JSON.stringify(prefs))
}

interface AlertRow {
  id: number
  column_id: string
  column_title: string
  kind: string
  bucket: number
  fired_at: number
  count: number
  baseline: number
  observed: number
  summary: string
  read: number
  mention_id: number | null
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  columnId: r.column_id,
  columnTitle: r.column_title,
  kind: r.kind as AlertKind,
  bucket: r.bucket,
  firedAt: r.fired_at,
  count: r.count,
  baseline: r.baseline,
  observed: r.observed,
  summary: r.summary,
  mentionId: r.mention_id,
  read: r.read === 1,
})

export type NewAlert = Omit<Alert, 'id' | 'read'>

export function insertAlert(db: Db, a: NewAlert): Alert {
  return toAlert(
    stmt<[NewAlert], AlertRow>(
      db,
      `INSERT INTO alerts (column_id, column_title, kind, bucket, fired_at, count, baseline, observed, summary, mention_id)
       VALUES (@columnId, @columnTitle, @kind, @bucket, @firedAt, @count, @baseline, @observed, @summary, @mentionId)
       RETURNING *`,
    ).get(a)!,
  )
}

/** Newest first. */
export function listAlerts(db: Db, before: number | null, limit: number): Alert[] {
  return stmt<[{ before: number | null; limit: number }], AlertRow>(
    db,
    'SELECT * FROM alerts WHERE (CAST(@before AS BIGINT) IS NULL OR id < @before) ORDER BY id DESC LIMIT @limit',
  )
    .all({ before, limit })
    .map(toAlert)
}

export function unreadCount(db: Db): number {
  return stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM alerts WHERE read = 0').get()!.n
}

export function markRead(db: Db, ids: readonly number[] | 'all'): void {
  if (ids === 'all') stmt(db, 'UPDATE alerts SET read = 1 WHERE read = 0').run()
  else
    stmt<[string]>(db, 'UPDATE alerts SET read = 1 WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(?))').run(
      JSON.stringify(ids),
    )
}

const LastFiredRow = z.object({ column_id: z.string(), kind: z.enum(['spike', 'negative']), at: z.number() })

/** When each column's alerts of each kind last fired, so a restart keeps the cooldowns. */
export function loadLastFired(db: Db): Map<ColumnId, LastFired> {
  const out = new Map<ColumnId, LastFired>()
  const rows = stmt(
    db,
    "SELECT column_id, kind, max(fired_at) AS at FROM alerts WHERE kind IN ('spike', 'negative') GROUP BY column_id, kind",
  ).all()
  for (const raw of rows) {
    const row = LastFiredRow.parse(raw)
    const entry = out.get(row.column_id) ?? {}
    entry[row.kind] = row.at
    out.set(row.column_id, entry)
  }
  return out
}

export function getAlerts(db: Db, ids: readonly number[]): Alert[] {
  return stmt<[string], AlertRow>(
    db,
    'SELECT * FROM alerts WHERE id IN (SELECT CAST(value AS INTEGER) FROM json_each(?)) ORDER BY id',
  )
    .all(JSON.stringify(ids))
    .map(toAlert)
}
