// Who a DID is: handle, display name, followers and avatar, cached. Jetstream
// events carry only DIDs; handles arrive in `identity` events (free) and
// profiles come from `app.bsky.actor.getProfiles` on the configured service,
// 25 actors per call. A DID we cannot resolve is shown as itself.
import type { Author } from '../../../../shared/domain'

export interface Profile {
  did: string
  handle: string
  name: string
  followers: number
  avatarUrl: string | null
}

/** Looks profiles up by DID or handle (at most 25 per call). */
export type ProfileLookup = (actors: string[]) => Promise<Profile[]>

const BATCH = 25

export class Profiles {
  private byDid = new Map<string, Profile>()
  /** DIDs whose handle came from an identity event but whose profile is unknown. */
  private handles = new Map<string, string>()
  private failed = new Set<string>()

  constructor(
    private readonly lookup: ProfileLookup,
    private readonly capacity = 50_000,
  ) {}

  /** The handle of a DID when known, else undefined. */
  handleOf(did: string): string | undefined {
    return this.byDid.get(did)?.handle ?? this.handles.get(did)
  }

  /** Whether a full profile is cached (or its look-up already failed: no point asking again). */
  settled(did: string): boolean {
    return this.byDid.has(did) || this.failed.has(did)
  }

  author(did: string): Author {
    const p = this.byDid.get(did)
    if (p) return { handle: p.handle, name: p.name, followers: p.followers, avatarUrl: p.avatarUrl, verified: false }
    return { handle: this.handles.get(did) ?? did, name: '', followers: 0, avatarUrl: null, verified: false }
  }

  /** From an `identity` event: the handle changed (or was confirmed). */
  setHandle(did: string, handle: string): void {
    const p = this.byDid.get(did)
    if (p) p.handle = handle
    else remember(this.handles, did, handle, this.capacity)
  }

  /** Looks up whatever is not cached yet; failures leave the DID as its own name. */
  async resolve(actors: Iterable<string>, log: (message: string) => void): Promise<void> {
    const wanted = [...new Set(actors)].filter((a) => (a.startsWith('did:') ? !this.settled(a) : !this.knowsHandle(a)))
    for (let i = 0; i < wanted.length; i += BATCH) {
      const batch = wanted.slice(i, i + BATCH)
      try {
        for (const p of await this.lookup(batch)) remember(this.byDid, p.did, p, this.capacity)
      } catch (err) {
        log(`profile look-up failed: ${(err as Error).message}`)
      }
      for (const a of batch) if (a.startsWith('did:') && !this.byDid.has(a)) this.failed.add(a)
    }
  }

  private knowsHandle(handle: string): boolean {
    for (const p of this.byDid.values()) if (p.handle === handle) return true
    return false
  }
}

function remember<V>(map: Map<string, V>, key: string, value: V, capacity: number): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > capacity) {
    const oldest = map.keys().next().value
    if (oldest !== undefined) map.delete(oldest)
  }
}
