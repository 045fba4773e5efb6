// Store: who is signed in on this console (team mode) and what their role
// lets the UI offer. The core decides what each role may do; the UI only
// leaves out what would be refused. The sign-in's resume token is kept for
// this tab (sessionStorage), so a reconnect or a pop-out window signs in again
// without asking; it never outlives the tab.
import { create } from 'zustand'
import type { SessionState, SignedIn } from '../../../shared/contracts/session'
import { roleAllows } from '../../../shared/roles'
import { client } from './client'

const RESUME_KEY = 'earshot.resume'

export interface SessionStore {
  signInRequired: boolean
  operator: SignedIn | null
}

export const useSessionStore = create<SessionStore>()(() => ({ signInRequired: false, operator: null }))

const apply = (state: SessionState): void =>
  useSessionStore.setState({ signInRequired: state.signInRequired, operator: state.operator })

function storage(): Storage | null {
  try {
    return window.sessionStorage
  } catch {
    return null
  }
}

/**
 * Where the session stands before the deck loads: signed in again with this
 * tab's resume token when it has one. Returns whether the deck may load.
 */
export async function settleSession(): Promise<boolean> {
  const api = client()
  const resume = storage()?.getItem(RESUME_KEY)
  if (resume) {
    try {
      apply(await api.call('session.resume', { resume }))
      return true
    } catch {
      // Ended (a restarted console, a removed operator): sign in again.
      storage()?.removeItem(RESUME_KEY)
    }
  }
  const state = await api.call('session.get', {})
  apply(state)
  return !state.signInRequired || state.operator !== null
}

/** Signs in; throws the core's error (a wrong name or secret) for the form to show. */
export async function signIn(name: string, secret: string): Promise<void> {
  const { operator, resume } = await client().call('session.signIn', { name, secret })
  storage()?.setItem(RESUME_KEY, resume)
  useSessionStore.setState({ operator })
}

export async function signOut(): Promise<void> {
  storage()?.removeItem(RESUME_KEY)
  apply(await client().call('session.signOut', {}))
}

/** Whether the signed-in operator may reply (everyone may on a single-user console). */
export const useMayReply = (): boolean =>
  useSessionStore((s) => s.operator === null || roleAllows(s.operator.role, 'reply'))

export const mayReply = (): boolean => {
  const { operator } = useSessionStore.getState()
  return operator === null || roleAllows(operator.role, 'reply')
}
