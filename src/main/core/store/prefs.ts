// The operator's preferences (migration 0070's `operator_prefs`): their name,
// which "assign" uses by default, the brand for canned replies, and the
// assignees used lately (offered first by the assign prompt).
import type { OperatorPrefs } from '../../../shared/contracts/triage'
import { stmt } from './db'
import type { Db } from './db-types'

const RECENT_MAX = 8

function read(db: Db, key: string): string | undefined {
  return stmt<[string], { value: string }>(db, 'SELECT value FROM operator_prefs WHERE key = ?').get(key)?.value
}

function write(db: Db, key: string, value: string): void {
  stmt(
    db,
    'INSERT INTO operator_prefs (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value)
}

function recent(db: Db): string[] {
  try {
    const v: unknown = JSON.parse(read(db, 'recentAssignees') ?? '[]')
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

export function getPrefs(db: Db): OperatorPrefs {
  return { operator: read(db, 'operator') ?? '', brand: read(db, 'brand') ?? '', recentAssignees: recent(db) }
}

export function updatePrefs(
  db: Db,
  patch: { operator?: string | undefined; brand?: string | undefined },
): OperatorPrefs {
  if (patch.operator !== undefined) write(db, 'operator', patch.operator.trim())
  if (patch.brand !== undefined) write(db, 'brand', patch.brand.trim())
  return getPrefs(db)
}

/** Remembers an assignee (case-insensitively unique, newest first). */
export function noteAssignee(db: Db, name: string): OperatorPrefs {
  const list = [name, ...recent(db).filter((n) => n.toLowerCase() !== name.toLowerCase())].slice(0, RECENT_MAX)
  write(db, 'recentAssignees', JSON.stringify(list))
  return getPrefs(db)
}
