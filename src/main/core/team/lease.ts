// Work that must happen once across every console and the capture host on
// the archive (sending a network's replies, detecting alerts) is done by the
// holder of a lease in the archive (store/team.ts). The holder renews it while
// it works; a holder that dies stops renewing, and after LEASE_TTL_MS another
// process takes over (at once when the dead holder was a process on this
// machine). Whoever newly takes a lease first settles what the last holder
// left half done (the Outbox: a reply mid-send; alerts: the cooldowns).
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
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

export class Leases {
  /** Lease name → when this process last took or renewed it. */
  private readonly held = new Map<string, number>()

  constructor(
    private readonly store: Pick<Store, 'read' | 'write'>,
    private readonly now: () => number,
    readonly holder: string = newHolderId(),
  ) {}

  /**
   * Takes or renews the lease `name`; `fresh` is true when this process did
   * not hold it before (the last holder may have left work half done). One
   * renewed within the last third of its term is not written again.
   */
  hold(name: string): { held: boolean; fresh: boolean } {
    const now = this.now()
    const renewed = this.held.get(name)
    if (renewed !== undefined && now - renewed < LEASE_TTL_MS / 3) return { held: true, fresh: false }
    const current = this.store.read.leaseHolder(name, now)
    const replacing = current !== undefined && current !== this.holder && isDeadLocalHolder(current) ? current : null
    const held = this.store.write.takeLease(name, this.holder, now, LEASE_TTL_MS, replacing)
    const fresh = held && renewed === undefined
    if (held) this.held.set(name, now)
    else this.held.delete(name)
    return { held, fresh }
  }

  /** Whether some other live process holds the lease `name`. */
  heldElsewhere(name: string): boolean {
    const current = this.store.read.leaseHolder(name, this.now())
    return current !== undefined && current !== this.holder && !isDeadLocalHolder(current)
  }

  /** Renews what this process holds (while a long send is under way). */
  renew(): void {
    for (const name of [...this.held.keys()]) this.hold(name)
  }

  /** Gives every lease up (a clean stop): another process takes over at once. */
  release(): void {
    for (const name of this.held.keys()) this.store.write.releaseLease(name, this.holder)
    this.held.clear()
  }
}
