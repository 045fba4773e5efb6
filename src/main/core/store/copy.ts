// "Save a copy": SQLite's online backup API copies the archive page by page
// without blocking the event loop, and restarts or follows along when the
// source changes, so the copy is one consistent snapshot even while ingest
// writes (VACUUM INTO would hold the process for the whole copy). It goes to
// a temporary name first and is renamed into place only when complete.
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { badRequest } from '../errors'
import { openArchive } from './db'
import type { Db } from './db-types'
import { countMentions } from './mentions'

export interface CopyResult {
  path: string
  bytes: number
  mentionCount: number
}

export async function saveCopy(db: Db, path: string): Promise<CopyResult> {
  if (existsSync(path)) throw badRequest(`${path} already exists; choose a new file name (a copy never overwrites)`)
  if (!existsSync(dirname(path))) throw badRequest(`folder ${dirname(path)} does not exist`)
  const partial = `${path}.partial-${process.pid}`
  try {
    await db.backup(partial)
    renameSync(partial, path)
  } catch (err) {
    rmSync(partial, { force: true })
    throw badRequest(`could not save a copy to ${path}: ${err instanceof Error ? err.message : String(err)}`)
  }
  // Open what was written: a copy that cannot be read back is not a copy.
  const copy = openArchive(path, { readonly: true })
  try {
    return { path, bytes: statSync(path).size, mentionCount: countMentions(copy) }
  } finally {
    copy.close()
  }
}
