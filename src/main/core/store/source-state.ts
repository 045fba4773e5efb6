// Per-source settings (JSON, never secrets) and resume cursors (since_id,
// Jetstream time_us, feed ETags), so a restart picks up where it stopped.
import { stmt } from './db'
import type { Db } from './db-types'

export function loadSourceConfig(db: Db, source: string): unknown {
  const row = stmt<[string], { config: string }>(db, 'SELECT config FROM source_configs WHERE source = ?').get(source)
  if (!row) return undefined
  try {
    return JSON.parse(row.config) as unknown
  } catch {
    return undefined
  }
}

export function saveSourceConfig(db: Db, source: string, config: unknown, now: number): void {
  stmt(
    db,
    `INSERT INTO source_configs (source, config, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (source) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
  ).run(source, JSON.stringify(config), now)
}

export function getCursor(db: Db, source: string, key: string): string | undefined {
  return stmt<[string, string], { value: string }>(
    db,
    'SELECT value FROM source_cursors WHERE source = ? AND key = ?',
  ).get(source, key)?.value
}

export function setCursor(db: Db, source: string, key: string, value: string | null, now: number): void {
  if (value === null) {
    stmt(db, 'DELETE FROM source_cursors WHERE source = ? AND key = ?').run(source, key)
    return
  }
  stmt(
    db,
    `INSERT INTO source_cursors (source, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (source, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(source, key, value, now)
}
