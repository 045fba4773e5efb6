// Presence: which operators have the composer open on which mention, across
// every console on the archive ("Dana is replying"). A console repeats its
// operator's presence while the composer stays open; an entry not repeated
// within PRESENCE_TTL_MS (a closed laptop, a killed console) lapses on its own.
import { PRESENCE_REPEAT_MS, type Presence } from '../../../shared/contracts/session'

export const PRESENCE_TTL_MS = 3 * PRESENCE_REPEAT_MS

export interface PresenceDeps {
  now: () => number
  /** Who is replying to a mention changed. */
  changed: (presence: Presence) => void
  /** Tells the other consoles on the archive (this console's operators only). */
  announce: (operator: string, mentionId: number | null) => void
}

export class PresenceBoard {
  /** mention id → operator → until when. */
  private readonly byMention = new Map<number, Map<string, number>>()
  /** operator → the mention they are on (one composer per operator). */
  private readonly byOperator = new Map<string, number>()

  constructor(private readonly d: PresenceDeps) {}

  /** This console's `operator` is on `mentionId` now (null: on none); the other consoles are told. */
  set(operator: string, mentionId: number | null): void {
    this.apply(operator, mentionId)
    this.d.announce(operator, mentionId)
  }

  /** What another console told: `operator` is on `mentionId` (null: on none). */
  apply(operator: string, mentionId: number | null): void {
    const previous = this.byOperator.get(operator)
    if (previous !== undefined && previous !== mentionId) this.drop(operator, previous)
    if (mentionId === null) return
    let entries = this.byMention.get(mentionId)
    if (!entries) this.byMention.set(mentionId, (entries = new Map()))
    const fresh = !entries.has(operator)
    entries.set(operator, this.d.now() + PRESENCE_TTL_MS)
    this.byOperator.set(operator, mentionId)
    if (fresh) this.d.changed(this.get(mentionId))
  }

  get(mentionId: number): Presence {
    const now = this.d.now()
    const entries = this.byMention.get(mentionId)
    const replying = entries ? [...entries].filter(([, until]) => until >= now).map(([name]) => name) : []
    return { mentionId, replying: replying.sort() }
  }

  /** Lets entries that were not repeated lapse (a timer calls this). */
  sweep(): void {
    const now = this.d.now()
    for (const [mentionId, entries] of this.byMention)
      for (const [operator, until] of entries) if (until < now) this.drop(operator, mentionId)
  }

  private drop(operator: string, mentionId: number): void {
    const entries = this.byMention.get(mentionId)
    if (this.byOperator.get(operator) === mentionId) this.byOperator.delete(operator)
    if (!entries?.delete(operator)) return
    if (entries.size === 0) this.byMention.delete(mentionId)
    this.d.changed(this.get(mentionId))
  }
}
