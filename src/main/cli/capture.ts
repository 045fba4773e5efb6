// `earshot capture`: headless 24/7 capture. Runs the archive's configured
// sources (settings from the console's Sources panel, secrets from the
// environment or --credentials) with the columns of a workspace file, no UI
// and no demo source unless asked, until SIGINT/SIGTERM; the same archive
// opens later in the console. Source status changes go to stderr.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../../package.json'
import type { Column } from '../../shared/domain'
import { WorkspaceFileSchema, type WorkspaceFile } from '../../shared/workspace'
import { createCore, type Core } from '../core/app/core'
import { archiveOption, makeArchiveFolder, shownArchive, secretStoreFrom, UsageError } from './args'
import { onShutdown } from './shutdown'

export const CAPTURE_USAGE = `  earshot capture [--db PATH] [--workspace FILE] [--credentials FILE] [--demo]
      Capture from the archive's enabled sources with no UI until SIGINT/SIGTERM (then exit 0).
      --workspace F   take the columns from this workspace file (the archive keeps them)
      --demo          also run the built-in demo source (off by default)
      Exit 1 when no source is enabled.`

/**
 * Whether the archive already has the workspace's columns: a restarted capture then keeps them (and their
 * back-filled history) instead of rebuilding every column over the whole archive.
 */
async function sameColumns(core: Core, workspace: WorkspaceFile): Promise<boolean> {
  const reply = await core.call('columns.list', {})
  if (!reply.ok) return false
  const stored = (reply.result as Column[]).map((c) => `${c.title}\n${c.query}`)
  const wanted = workspace.columns.map((c) => `${c.title}\n${c.query}`)
  return stored.length === wanted.length && stored.every((c, i) => c === wanted[i])
}

function readWorkspace(path: string): WorkspaceFile {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (err) {
    throw new UsageError(`cannot read the workspace ${path}: ${(err as Error).message}`)
  }
  const parsed = WorkspaceFileSchema.safeParse(raw)
  if (!parsed.success) throw new UsageError(`${path} is not an Earshot workspace file`)
  // Capture decides about the demo source itself.
  return { ...parsed.data, sources: {} }
}

export async function capture(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      workspace: { type: 'string' },
      credentials: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const workspace = values.workspace === undefined ? undefined : readWorkspace(values.workspace)
  const archivePath = archiveOption(values.db)
  makeArchiveFolder(archivePath)
  const core = createCore({
    archivePath,
    mode: 'browser',
    version,
    demo: { enabled: values.demo },
    secrets: secretStoreFrom(values.credentials),
    sentimentWorker: join(__dirname, 'sentiment-worker.js'),
  })
  let enabled: string[]
  let columnCount: number
  try {
    if (workspace !== undefined && !(await sameColumns(core, workspace))) {
      const reply = await core.call('workspace.import', { workspace })
      if (!reply.ok) throw new UsageError(reply.error.message)
    }
    enabled = core.sources
      .entries()
      .filter((e) => e.config.enabled)
      .map((e) => e.source as string)
    const list = await core.call('columns.list', {})
    columnCount = list.ok ? (list.result as unknown[]).length : 0
    if (values.demo) enabled.push('demo')
    if (enabled.length === 0) {
      throw new Error(
        'no source is enabled in this archive: configure one in the console (earshot serve --db ' +
          `${shownArchive(archivePath)}, then Sources), or pass --demo`,
      )
    }
    core.hub.subscribe((name, payload) => {
      if (name !== 'source.status') return
      const s = payload as { source: string; state: string; detail: string }
      process.stderr.write(`earshot: ${s.source} ${s.state}${s.detail ? `: ${s.detail}` : ''}\n`)
    })
    core.start()
  } catch (err) {
    await core.stop()
    throw err
  }
  // Handlers first: a supervisor may send SIGTERM as soon as it reads the line below.
  onShutdown(() => core.stop())
  console.log(`Earshot capture: ${shownArchive(archivePath)} (${columnCount} columns; sources: ${enabled.join(', ')})`)
}
