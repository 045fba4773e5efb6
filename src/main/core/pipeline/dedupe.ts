// Recently seen (source, external id) keys, so replays and overlaps are dropped
// before any work is spent on them. The archive's unique key stays the ground
// truth for anything older than this window.
//
// Two generations instead of one set trimmed key by key: a key is added to the
// young one, and when it is full the old one is dropped whole. The window is
// between `capacity` and twice it; nothing is deleted one key at a time (that
// kept V8 rehashing the set, 6% of an import's main thread).
export class RecentKeys {
  private young = new Set<string>()
  private old = new Set<string>()

  constructor(private readonly capacity = 100_000) {}

  /** Whether a key was offered within the window, without offering it. */
  has(key: string): boolean {
    return this.young.has(key) || this.old.has(key)
  }

  /** True the first time a key is offered (within the window). */
  admit(key: string): boolean {
    if (this.has(key)) return false
    if (this.young.size >= this.capacity) {
      this.old = this.young
      this.young = new Set()
    }
    this.young.add(key)
    return true
  }
}

export const mentionKey = (source: string, externalId: string) => `${source}\u0000${externalId}`
