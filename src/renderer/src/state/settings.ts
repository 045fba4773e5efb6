// Store: the core's settings (demo source, display density and font scale),
// from `settings.get`, `settings.update` replies and `settings.changed`.
import { create } from 'zustand'
import type { CommandInput, Settings } from '../../../shared/contract'
import { DEFAULT_DISPLAY, type DisplaySettings } from '../../../shared/domain'
import { client } from './client'

export interface SettingsState {
  settings: Settings | null
}

export const useSettingsStore = create<SettingsState>()(() => ({
  settings: null,
}))

export function setSettings(settings: Settings): void {
  useSettingsStore.setState({ settings })
}

/** Saves a partial change; resolves with the stored settings, rejects with the server's error. */
export async function updateSettings(patch: CommandInput<'settings.update'>): Promise<Settings> {
  const settings = await client().call('settings.update', patch)
  setSettings(settings)
  return settings
}

export function useDisplay(): DisplaySettings {
  return useSettingsStore((s) => s.settings?.display ?? DEFAULT_DISPLAY)
}

export function useFontScale(): number {
  return useSettingsStore((s) => s.settings?.display.fontScale ?? DEFAULT_DISPLAY.fontScale)
}

export function useCompact(): boolean {
  return useSettingsStore((s) => (s.settings?.display.density ?? DEFAULT_DISPLAY.density) === 'compact')
}
