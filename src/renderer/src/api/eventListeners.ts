// Event listeners by name, shared by both transports: `on` for the API,
// `emit` for whatever delivers events. A listener that throws never stops the others.
import type { EventName, EventPayload } from '../../../shared/contract'

type Listener = (payload: unknown) => void

export interface EventListeners {
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void
  emit(name: string, payload: unknown): void
}

export function createEventListeners(): EventListeners {
  const byName = new Map<string, Set<Listener>>()
  return {
    on(name, listener) {
      let set = byName.get(name)
      if (!set) {
        set = new Set()
        byName.set(name, set)
      }
      const l = listener as Listener
      set.add(l)
      return () => {
        set.delete(l)
      }
    },
    emit(name, payload) {
      const set = byName.get(name)
      if (!set) return
      for (const l of [...set]) {
        try {
          l(payload)
        } catch (err) {
          console.error(`earshot: listener for ${name} failed`, err)
        }
      }
    },
  }
}
