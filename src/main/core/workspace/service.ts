// The current workspace: its name and settings (demo source, display), made
// from the default workspace file on first run, and workspace files applied
// whole (columns with their triage filters, mutes and alert settings).
import defaultWorkspace from '../../../../resources/default-workspace.json'
import type { Settings } from '../../../shared/contract'
import type { WorkspaceFile } from '../../../shared/workspace'
import type { AlertService } from '../alerts/service'
import type { ColumnService } from '../columns/service'
import type { EventHub } from '../events'
import type { Sources } from '../sources/sources'
import type { Store } from '../store'
import { DEFAULT_SETTINGS, type WorkspaceState } from '../store'
import { parseWorkspaceFile, toWorkspaceFile, triageFromFile } from './file'

export interface WorkspaceDeps {
  store: Pick<Store, 'read' | 'write'>
  hub: EventHub
  now: () => number
  columns: Pick<ColumnService, 'list' | 'replaceAll'>
  alerts: Pick<AlertService, 'configure' | 'settingsOf'>
  sources: Pick<Sources, 'applyDemo'>
  /** Overrides of the stored demo settings for this run (CLI flags). */
  demo?: Partial<Settings['demo']> | undefined
}

export class WorkspaceService {
  private state: WorkspaceState

  constructor(private readonly d: WorkspaceDeps) {
    const stored = d.store.read.loadWorkspace() ?? this.firstRun()
    this.state = d.demo
      ? { ...stored, settings: { ...stored.settings, demo: { ...stored.settings.demo, ...d.demo } } }
      : stored
  }

  get settings(): Settings {
    return this.state.settings
  }

  setSettings(settings: Settings): Settings {
    this.state = { ...this.state, settings }
    this.d.store.write.saveWorkspace(this.state)
    this.d.sources.applyDemo(settings.demo)
    this.d.hub.emit('settings.changed', settings)
    return settings
  }

  updateSettings(patch: { demo?: Partial<Settings['demo']>; display?: Partial<Settings['display']> }): Settings {
    return this.setSettings({
      demo: { ...this.state.settings.demo, ...patch.demo },
      display: { ...this.state.settings.display, ...patch.display },
    })
  }

  exportFile(name?: string): WorkspaceFile {
    return toWorkspaceFile(name ?? this.state.name, this.d.columns.list(), this.state.settings, (c) => ({
      // A workspace file holds the columns' filters and mutes; no one's watermark.
      triage: this.d.store.read.getColumnTriage('', c.id),
      alerts: this.d.alerts.settingsOf(c.id),
    }))
  }

  importFile(raw: unknown) {
    const file = parseWorkspaceFile(raw)
    const imported = this.applyColumns(file)
    this.state = { ...this.state, name: file.name }
    const settings = this.setSettings({
      demo: { ...this.state.settings.demo, ...file.sources.demo },
      display: file.display ?? this.state.settings.display,
    })
    return { columns: imported, settings }
  }

  private firstRun(): WorkspaceState {
    const file = parseWorkspaceFile(defaultWorkspace)
    const state: WorkspaceState = {
      name: file.name,
      settings: { demo: file.sources.demo ?? DEFAULT_SETTINGS.demo, display: file.display ?? DEFAULT_SETTINGS.display },
    }
    this.applyColumns(file)
    this.d.store.write.saveWorkspace(state)
    return state
  }

  /** Replaces the columns with a file's, each with its triage filters, mutes and alert settings. */
  private applyColumns(file: WorkspaceFile) {
    const created = this.d.columns.replaceAll(file.columns)
    created.forEach((c, i) => {
      const wanted = file.columns[i]!
      const triage = triageFromFile(wanted)
      if (triage) {
        const { filters, mutes } = this.d.store.write.updateColumnTriage('', c.id, triage, this.d.now())
        this.d.hub.emit('triage.column.changed', { columnId: c.id, filters, mutes })
      }
      if (wanted.alerts && Object.keys(wanted.alerts).length > 0)
        this.d.alerts.configure({ ...wanted.alerts, columnId: c.id })
    })
    return created
  }
}
