// The core's outbound events, typed by the contract. Transports (IPC, each
// WebSocket) subscribe; a listener that throws never breaks the others.
import type { EventName, EventPayload } from '../../shared/contract'
import type { Disposer } from './lifetime'

export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void

export class EventHub {
  private listeners = new Set<EventListener>()

  subscribe(listener: EventListener): Disposer {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload)
      } catch (err) {
        console.error(`earshot: event listener failed on ${name}:`, err)
      }
    }
  }
}
