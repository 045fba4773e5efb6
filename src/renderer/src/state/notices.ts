// Store: transient notices (toasts) for results and failures of operator
// actions: import errors, failed renames, exports. Errors stay until dismissed.
import { create } from 'zustand'
import { describeError } from '../lib/errors'

export interface Notice {
  id: number
  kind: 'error' | 'info'
  title: string
  message: string
  issues: string[]
}

export interface NoticesState {
  notices: Notice[]
}

export const useNoticesStore = create<NoticesState>()(() => ({ notices: [] }))

let nextId = 1
const INFO_TIMEOUT_MS = 5_000
const MAX_NOTICES = 5

export function dismissNotice(id: number): void {
  useNoticesStore.setState((s) => ({
    notices: s.notices.filter((n) => n.id !== id),
  }))
}

export function notify(kind: Notice['kind'], title: string, message = '', issues: string[] = []): void {
  const notice: Notice = { id: nextId++, kind, title, message, issues }
  useNoticesStore.setState((s) => ({
    notices: [...s.notices, notice].slice(-MAX_NOTICES),
  }))
  if (kind === 'info') setTimeout(() => dismissNotice(notice.id), INFO_TIMEOUT_MS)
}

/** An error notice from whatever a failed call threw. */
export function notifyError(title: string, err: unknown): void {
  const { message, issues } = describeError(err)
  notify('error', title, message, issues)
}
