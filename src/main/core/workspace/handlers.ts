// Handlers of the settings and workspace-file commands.
import type { Handlers } from '../dispatch'
import type { WorkspaceService } from './service'

type WorkspaceCommands = 'settings.get' | 'settings.update' | 'workspace.export' | 'workspace.import'

export function workspaceHandlers({ workspace }: { workspace: WorkspaceService }): Pick<Handlers, WorkspaceCommands> {
  return {
    'settings.get': () => workspace.settings,
    'settings.update': (patch) => workspace.updateSettings(patch),
    'workspace.export': ({ name }) => workspace.exportFile(name),
    'workspace.import': ({ workspace: raw }) => workspace.importFile(raw),
  }
}
