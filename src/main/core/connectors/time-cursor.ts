// Where a polled, newest-first listing was read up to: the newest item time
// seen, and the ids of the items at exactly that time. The next poll asks
// from that same time again (so an item that arrives with the same timestamp
// after the poll is not missed) and skips the ids it already took. Kept as
// one string in the archive's source cursors: "<time> <id>,<id>".
const MAX_IDS = 50

export class TimeCursor {
  private newest: number
  private atNewest: Set<string>
  private readonly taken: ReadonlySet<string>

  constructor(
    /** Where the last poll stopped (or where a first poll starts). */
    readonly since: number,
    ids: readonly string[] = [],
  ) {
    this.newest = since
    this.atNewest = new Set(ids)
    this.taken = new Set(ids)
  }

  /** From the stored string; `fallback` (e.g. an hour ago) when there is none or it is unreadable. */
  static parse(value: string | undefined, fallback: number): TimeCursor {
    const m = /^(\d+)(?: (\S+))?$/.exec(value ?? '')
    return m ? new TimeCursor(Number(m[1]), m[2] ? m[2].split(',') : []) : new TimeCursor(fallback)
  }

  /** Whether an item is new to this cursor; every item read is offered, new or not, in any order. */
  offer(id: string, time: number): boolean {
    if (time < this.since || (time === this.since && this.taken.has(id))) return false
    if (time > this.newest) {
      this.newest = time
      this.atNewest = new Set()
    }
    if (time === this.newest) this.atNewest.add(id)
    return true
  }

  toString(): string {
    const ids = [...this.atNewest].slice(0, MAX_IDS)
    return ids.length > 0 ? `${this.newest} ${ids.join(',')}` : String(this.newest)
  }
}
