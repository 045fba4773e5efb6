// Lifetimes: everything that holds a timer, socket or listener returns a
// disposer, and owners collect them so that stopping is one call.

export type Disposer = () => void

export class DisposableStore {
  private items: Disposer[] = []
  private disposed = false

  add(dispose: Disposer): Disposer {
    if (this.disposed) {
      dispose()
      return dispose
    }
    this.items.push(dispose)
    return dispose
  }

  dispose(): void {
    this.disposed = true
    const items = this.items.reverse()
    this.items = []
    for (const d of items) d()
  }
}

/** Subscribing to an internal event returns its disposer (VS Code's `Event<T>`). */
export type Event<T> = (listener: (value: T) => void) => Disposer

/**
 * One internal event, owned by the service that fires it and exposed as
 * `onDidX = emitter.event` (VS Code's Emitter). Internal events are typed
 * values between services, apart from the UI event stream (events.ts); a
 * listener that throws never stops the others.
 */
export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>()

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  fire(value: T): void {
    for (const l of this.listeners) {
      try {
        l(value)
      } catch (err) {
        console.error('earshot: an internal event listener failed:', err)
      }
    }
  }

  dispose(): void {
    this.listeners.clear()
  }
}
