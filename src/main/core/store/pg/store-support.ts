// What the store facade needs beside the statements for a PostgreSQL archive:
// where the bridge's worker script is, and "save a copy" (a SQLite file
// written from the database, as a single-user archive to take away).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { badRequest } from '../../errors'
import type { CopyResult } from '../copy'
import { transferArchive } from '../transfer'

/**
 * The built bridge-worker, out/main/pg-bridge.js: beside the bundle that runs, or one folder up from the
 * shared chunk this code is bundled into. EARSHOT_PG_BRIDGE names it for the tests, which run the sources.
 */
export function pgBridgeScript(): string {
  if (process.env.EARSHOT_PG_BRIDGE) return process.env.EARSHOT_PG_BRIDGE
  const candidates = [join(__dirname, 'pg-bridge.js'), join(__dirname, '..', 'pg-bridge.js')]
  const found = candidates.find((path) => existsSync(path))
  if (!found)
    throw new Error(`the PostgreSQL bridge is not built (looked for ${candidates.join(', ')}): run npm run build`)
  return found
}

/** Copies the PostgreSQL archive at `url` into a new SQLite file at `path`. */
export async function saveCopyOfPg(url: string, path: string): Promise<CopyResult> {
  if (existsSync(path)) throw badRequest(`${path} already exists; choose a new file name (a copy never overwrites)`)
  if (!existsSync(dirname(path))) throw badRequest(`folder ${dirname(path)} does not exist`)
  const partial = `${path}.partial-${process.pid}`
  try {
    const result = await transferArchive(url, partial)
    renameSync(partial, path)
    return { path, bytes: statSync(path).size, mentionCount: result.rows.mentions ?? 0 }
  } catch (err) {
    rmSync(partial, { force: true })
    throw badRequest(`could not save a copy to ${path}: ${err instanceof Error ? err.message : String(err)}`)
  }
}
