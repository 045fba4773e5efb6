// Store: app-level facts (version, mode, archive size) and how the initial
// load went, which decides between the splash, the error screen and the deck.
import { create } from 'zustand'
import type { AppInfo } from '../../../shared/contract'

export type LoadStatus =
  | { status: 'loading' }
  | { status: 'ready' }
  | { status: 'error'; message: string }
  /** The archive has operators and nobody has signed in on this console yet. */
  | { status: 'signin' }

export interface AppState {
  info: AppInfo | null
  /** Mentions in the archive: from app.info, advanced by live batches between refreshes. */
  mentionCount: number
  load: LoadStatus
}

export const useAppStore = create<AppState>()(() => ({
  info: null,
  mentionCount: 0,
  load: { status: 'loading' },
}))

export function setAppInfo(info: AppInfo): void {
  useAppStore.setState({ info, mentionCount: info.mentionCount })
}

export function addMentionCount(n: number): void {
  if (n > 0) useAppStore.setState((s) => ({ mentionCount: s.mentionCount + n }))
}

export function setLoadStatus(load: LoadStatus): void {
  useAppStore.setState({ load })
}
