// Store: who else has the composer open on the mention this console is
// answering ("Dana is replying"), across every console on a team archive.
// While the composer is open its presence is repeated, so a console that dies
// drops out of the others' composers on its own (core/team/presence.ts).
import { create } from 'zustand'
import type { EarshotApi } from '../../../shared/contract'
import { PRESENCE_REPEAT_MS, type Presence } from '../../../shared/contracts/session'
import { client } from './client'
import { useSessionStore } from './session'

export interface PresenceState {
  mentionId: number | null
  /** Other operators replying to it, by name. */
  others: string[]
}

export const usePresenceStore = create<PresenceState>()(() => ({ mentionId: null, others: [] }))

let repeat: ReturnType<typeof setInterval> | null = null

function show(p: Presence): void {
  if (p.mentionId !== usePresenceStore.getState().mentionId) return
  const me = useSessionStore.getState().operator?.name
  usePresenceStore.setState({ others: p.replying.filter((name) => name !== me) })
}

const announce = (mentionId: number | null): void => {
  client()
    .call('presence.set', { mentionId })
    .catch(() => undefined)
}

/** The composer opened on `mentionId`. */
export function startPresence(mentionId: number): void {
  stopPresence(false)
  usePresenceStore.setState({ mentionId, others: [] })
  announce(mentionId)
  repeat = setInterval(() => announce(mentionId), PRESENCE_REPEAT_MS)
  client()
    .call('presence.get', { mentionId })
    .then(show, () => undefined)
}

/** The composer closed. */
export function stopPresence(tell = true): void {
  if (repeat !== null) clearInterval(repeat)
  repeat = null
  if (tell && usePresenceStore.getState().mentionId !== null) announce(null)
  usePresenceStore.setState({ mentionId: null, others: [] })
}

export const subscribePresence = (api: EarshotApi): (() => void) => api.on('presence.changed', show)
