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
