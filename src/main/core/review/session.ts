// The review session: at most one other capture file open beside the live
// archive, read-only unless asked. Reports and review searches read whichever
// archive `target()` names; live capture keeps writing the live archive.
import { existsSync, realpathSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import type { ReviewState } from '../../../shared/contracts/reports'
import { badRequest, notFound } from '../errors'
import { openArchive } from '../store/db'
import type { Db } from '../store/db-types'
import { countMentions } from '../store/mentions'
import { MIGRATIONS } from '../store/migrations'
import { schemaVersion } from '../store/migrations/migration'

export interface ReviewTarget {
  db: Db
  path: string
  /** True for the archive under review, false for the live one. */
  review: boolean
  readOnly: boolean
}

interface Opened {
  db: Db
  path: string
  readOnly: boolean
}

/** `~/x` and relative paths, as a user types them into a path field. */
export function expandPath(path: string): string {
  const p = path.trim()
  return resolve(p === '~' || p.startsWith('~/') ? homedir() + p.slice(1) : p)
}

const sameFile = (a: string, b: string): boolean => {
  try {
    return realpathSync(a) === realpathSync(b)
  } catch {
    return resolve(a) === resolve(b)
  }
}

export class ReviewSession {
  private opened: Opened | null = null

  constructor(
    private readonly live: { db: Db; path: string; flush: () => void },
    private readonly changed: (state: ReviewState) => void = () => {},
  ) {}

  state(): ReviewState {
    const o = this.opened
    return {
      livePath: this.live.path,
      review: o ? { path: o.path, readOnly: o.readOnly, mentionCount: countMentions(o.db) } : null,
    }
  }

  /** The archive reports read now; the live one is flushed first so a report sees what the deck shows. */
  target(): ReviewTarget {
    if (this.opened) return { ...this.opened, review: true }
    this.live.flush()
    return { db: this.live.db, path: this.live.path, review: false, readOnly: false }
  }

  isLive(path: string): boolean {
    return sameFile(path, this.live.path)
  }

  open(rawPath: string, readOnly: boolean): ReviewState {
    const path = expandPath(rawPath)
    if (!existsSync(path)) throw notFound(`archive file ${path}`)
    if (!statSync(path).isFile()) throw badRequest(`${path} is not a file`)
    if (this.isLive(path))
      throw badRequest('that is the live archive; it is already open (choose another file to review)')
    let db: Db
    try {
      db = openArchive(path, { readonly: readOnly })
    } catch (err) {
      throw badRequest(`could not open ${path}: ${err instanceof Error ? err.message : String(err)}`)
    }
    try {
      assertReadable(db, path)
    } catch (err) {
      db.close()
      throw err
    }
    this.closeOpened()
    this.opened = { db, path, readOnly }
    const state = this.state()
    this.changed(state)
    return state
  }

  close(): ReviewState {
    this.closeOpened()
    const state = this.state()
    this.changed(state)
    return state
  }

  dispose(): void {
    this.closeOpened()
  }

  private closeOpened(): void {
    this.opened?.db.close()
    this.opened = null
  }
}

/**
 * A file opened read-only is never migrated, so it must already be at this
 * version's schema; anything else is not an Earshot archive we can read as is.
 */
function assertReadable(db: Db, path: string): void {
  const latest = MIGRATIONS.at(-1)!.version
  let version: number
  try {
    version = schemaVersion(db)
    db.prepare('SELECT 1 FROM mentions LIMIT 1').get()
  } catch (err) {
    throw badRequest(`${path} is not an Earshot archive (${err instanceof Error ? err.message : String(err)})`)
  }
  if (version < latest) {
    throw badRequest(
      `${path} was written by an older Earshot (schema ${version}, this version uses ${latest}); ` +
        'open it with changes allowed to upgrade it, or open a copy',
    )
  }
}
