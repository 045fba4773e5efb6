// The current workspace's name and settings (demo source, display), stored as
// one JSON document and validated on the way out so a damaged row falls back
// to defaults instead of breaking start-up.
import { z } from 'zod'
import { DEFAULT_DISPLAY, DEMO_RATE, DemoSettingsSchema, DisplaySettingsSchema } from '../../../shared/domain'
import type { Settings } from '../../../shared/contract'
import type { Db } from './db-types'
import { stmt } from './db'

export const DEFAULT_SETTINGS: Settings = {
  demo: { enabled: true, rate: DEMO_RATE.default, seed: 1 },
  display: DEFAULT_DISPLAY,
}

const StoredSettings = z.object({
  demo: DemoSettingsSchema.catch(DEFAULT_SETTINGS.demo),
  display: DisplaySettingsSchema.catch(DEFAULT_SETTINGS.display),
})

export interface WorkspaceState {
  name: string
  settings: Settings
}

export function loadWorkspace(db: Db): WorkspaceState | undefined {
  const row = stmt<[], { name: string; settings: string }>(
    db,
    'SELECT name, settings FROM workspaces WHERE id = 1',
  ).get()
  if (!row) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(row.settings)
  } catch {
    parsed = {}
  }
  const settings = StoredSettings.safeParse(parsed)
  return { name: row.name, settings: settings.success ? settings.data : DEFAULT_SETTINGS }
}

export function saveWorkspace(db: Db, state: WorkspaceState): void {
  stmt(
    db,
    `INSERT INTO workspaces (id, name, settings) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, settings = excluded.settings`,
  ).run(state.name, JSON.stringify(state.settings))
}
