// Who sends the outbox's replies: one process at a time per source, across
// every console and the capture host on the archive, by a lease in the archive
// (store/team.ts). The holder renews it while it works; a holder that dies
// stops renewing, and after LEASE_TTL_MS another process takes over (at once
// when the dead holder was a process on this machine). Whoever newly takes a
// lease first settles what the last holder left mid-send (see Outbox).
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { SourceId } from '../../../shared/domain'
import type { Store } from '../store'

export const LEASE_TTL_MS = 15_000

/** `host/pid/uuid`: unique, and tells a process on this machine whether the holder still runs. */
export const newHolderId = (): string => `${hostname()}/${process.pid}/${randomUUID()}`

/** Whether `holder` names a process on this machine that is no longer running. */
export function isDeadLocalHolder(holder: string): boolean {
  const [host, pid] = holder.split('/')
  if (host !== hostname() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false
  try {
    process.kill(Number(pid), 0)
    return false
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

const leaseName = (source: SourceId) => `outbox:${source}`

export class SenderLease {
  private readonly held = new Set<SourceId>()

  constructor(
    private readonly store: Pick<Store, 'read' | 'write'>,
    private readonly now: () => number,
    readonly holder: string = newHolderId(),
  ) {}

  /**
   * Takes or renews the lease of `source`; `fresh` is true when this process
   * did not hold it before (the last holder may have left a reply mid-send).
   */
  hold(source: SourceId): { held: boolean; fresh: boolean } {
    const name = leaseName(source)
    const now = this.now()
    const current = this.store.read.leaseHolder(name, now)
    const replacing = current !== undefined && current !== this.holder && isDeadLocalHolder(current) ? current : null
    const held = this.store.write.takeLease(name, this.holder, now, LEASE_TTL_MS, replacing)
    const fresh = held && !this.held.has(source)
    if (held) this.held.add(source)
    else this.held.delete(source)
    return { held, fresh }
  }

  /** Whether some other live process holds the lease of `source`. */
  heldElsewhere(source: SourceId): boolean {
    const current = this.store.read.leaseHolder(leaseName(source), this.now())
    return current !== undefined && current !== this.holder && !isDeadLocalHolder(current)
  }

  /** Renews what this process holds (while a long send is under way). */
  renew(): void {
    for (const source of [...this.held]) this.hold(source)
  }

  /** Gives every lease up (a clean stop): another process takes over at once. */
  release(): void {
    for (const source of this.held) this.store.write.releaseLease(leaseName(source), this.holder)
    this.held.clear()
  }
}
