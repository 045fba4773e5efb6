// Recently seen (source, external id) keys, so replays and overlaps are dropped
// before any work is spent on them. The archive's unique key stays the ground
// truth for anything older than this window.
export class RecentKeys {
  private keys = new Set<string>()

  constructor(private readonly capacity = 100_000) {}

  /** Whether a key was offered within the window, without offering it. */
  has(key: string): boolean {
    return this.keys.has(key)
  }

  /** True the first time a key is offered (within the window). */
  admit(key: string): boolean {
    if (this.keys.has(key)) return false
    this.keys.add(key)
    if (this.keys.size > this.capacity) {
      // Sets iterate in insertion order: drop the oldest.
      const oldest = this.keys.values().next().value
      if (oldest !== undefined) this.keys.delete(oldest)
    }
    return true
  }
}

export const mentionKey = (source: string, externalId: string) => `${source}\u0000${externalId}`
