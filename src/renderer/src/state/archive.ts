// Actions on the archive as files: exports (started, saved on the desktop,
// cancelled, their progress), imports sent chunk by chunk, the workspace
// file, and copies of an archive. The dialogs hold their own step-by-step
// state; these are the calls they make.
import type { CommandInput, CommandResult, EventPayload } from '../../../shared/contract'
import { client, command } from './client'
import { applyColumns } from './deck'
import { setSettings } from './settings'

export const startExport = command('export.start')
/** Desktop: the core asks where to save and writes the file; resolves when it is written. */
export const saveExport = command('export.save')
export const cancelExport = command('export.cancel')

export function onExportProgress(listener: (p: EventPayload<'export.progress'>) => void): () => void {
  return client().on('export.progress', listener)
}

export const previewImport = command('import.preview')
export const startImport = command('import.start')
/** One chunk of the file; its answer means the chunk's rows are stored. */
export const sendImportChunk = command('import.chunk')
export const cancelImport = command('import.cancel')

export const exportWorkspace = (): Promise<CommandResult<'workspace.export'>> => client().call('workspace.export', {})

/** Replaces the deck and settings with the workspace file's; the deck follows at once. */
export async function importWorkspace(
  workspace: CommandInput<'workspace.import'>['workspace'],
): Promise<CommandResult<'workspace.import'>> {
  const result = await client().call('workspace.import', { workspace })
  applyColumns(result.columns)
  setSettings(result.settings)
  return result
}

/** Desktop: the native file dialog; `path` is null when the operator cancelled. */
export const chooseArchivePath = command('review.choosePath')
export const saveArchiveCopy = command('review.saveCopy')
