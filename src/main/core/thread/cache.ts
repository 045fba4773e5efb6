// Posts fetched for threads, and failed look-ups, kept in memory for a few
// minutes so that moving up and down the deck does not ask the network again.
// A look-up in flight is shared by whoever asks for the same post meanwhile.
import type { MentionInput, SourceId } from '../../../shared/domain'
import type { ThreadFetchError } from './fetcher'

interface Entry<T> {
  value: T
  expires: number
}

const key = (source: SourceId, externalId: string) => `${source}\n${externalId}`

export class ThreadCache {
  private posts = new Map<string, Entry<MentionInput>>()
  private failures = new Map<string, Entry<ThreadFetchError>>()
  private inFlight = new Map<string, Promise<void>>()

  constructor(
    private readonly now: () => number,
    private readonly capacity = 5_000,
  ) {}

  post(source: SourceId, externalId: string): MentionInput | undefined {
    return live(this.posts, key(source, externalId), this.now())
  }

  failure(source: SourceId, externalId: string): ThreadFetchError | undefined {
    return live(this.failures, key(source, externalId), this.now())
  }

  putPost(post: MentionInput, ttlMs: number): void {
    const k = key(post.source, post.externalId)
    this.failures.delete(k)
    put(this.posts, k, { value: post, expires: this.now() + ttlMs }, this.capacity)
  }

  putFailure(source: SourceId, externalId: string, error: ThreadFetchError, ttlMs: number): void {
    put(this.failures, key(source, externalId), { value: error, expires: this.now() + ttlMs }, this.capacity)
  }

  /** Runs `load` once for a post however many callers ask for it at the same time. */
  once(source: SourceId, externalId: string, load: () => Promise<void>): Promise<void> {
    const k = key(source, externalId)
    let running = this.inFlight.get(k)
    if (!running) {
      running = load().finally(() => this.inFlight.delete(k))
      this.inFlight.set(k, running)
    }
    return running
  }
}

function live<T>(map: Map<string, Entry<T>>, k: string, now: number): T | undefined {
  const entry = map.get(k)
  if (!entry) return undefined
  if (entry.expires > now) return entry.value
  map.delete(k)
  return undefined
}

function put<T>(map: Map<string, Entry<T>>, k: string, entry: Entry<T>, capacity: number): void {
  map.delete(k)
  map.set(k, entry)
  if (map.size > capacity) {
    const oldest = map.keys().next().value
    if (oldest !== undefined) map.delete(oldest)
  }
}
