// The review session: at most one other capture file open beside the live
// archive, read-only unless asked. Reports and review searches read whichever
// archive `target()` names; live capture keeps writing the live archive.
import { existsSync, realpathSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import type { ReviewState } from '../../../shared/contracts/reports'
import { badRequest, notFound } from '../errors'
import { openStore, type Store } from '../store'

export interface ReviewTarget {
  store: Store
  path: string
  /** True for the archive under review, false for the live one. */
  review: boolean
  readOnly: boolean
}

interface Opened {
  store: Store
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
    private readonly live: { store: Store; path: string },
    private readonly changed: (state: ReviewState) => void = () => {},
  ) {}

  state(): ReviewState {
    const o = this.opened
    return {
      livePath: this.live.path,
      review: o ? { path: o.path, readOnly: o.readOnly, mentionCount: o.store.read.countMentions() } : null,
    }
  }

  /** The archive reports read now (the live store's reads see what the deck shows). */
  target(): ReviewTarget {
    if (this.opened) return { ...this.opened, review: true }
    return { store: this.live.store, path: this.live.path, review: false, readOnly: false }
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
    let store: Store
    try {
      store = openStore(path, { readonly: readOnly })
    } catch (err) {
      throw badRequest(`could not open ${path}: ${err instanceof Error ? err.message : String(err)}`)
    }
    try {
      store.assertCurrent()
    } catch (err) {
      store.close()
      throw badRequest(err instanceof Error ? err.message : String(err))
    }
    this.closeOpened()
    this.opened = { store, path, readOnly }
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
    this.opened?.store.close()
    this.opened = null
  }
}
