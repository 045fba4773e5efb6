// Coalesces committed mentions into `mentions.batch` events: at most one push
// per interval, each mention once, and at most `perColumn` of the newest per
// column (the rest are in the archive and page in when scrolled to). Deletes
// and edits from the sources reach what it still holds.
import type { MentionsBatch } from '../../../shared/contract'
import type { ColumnId, Mention } from '../../../shared/domain'
import type { CommitSink, Committed } from './ingest'

export class LiveFeed implements CommitSink {
  private pending: Committed[] = []
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly push: (batch: MentionsBatch) => void,
    private readonly intervalMs = 150,
    private readonly perColumn = 150,
  ) {}

  committed(committed: readonly Committed[]): void {
    for (const c of committed) if (c.columns.length > 0) this.pending.push(c)
    if (!this.timer && this.pending.length > 0) this.timer = setTimeout(() => this.flush(), this.intervalMs)
  }

  /** Mentions their authors deleted: a push not yet made must not bring them back. */
  forget(ids: readonly number[]): void {
    const gone = new Set(ids)
    this.pending = this.pending.filter((c) => !gone.has(c.mention.id))
  }

  /** Edited mentions: a push not yet made carries them as they now are. */
  replace(revised: readonly Committed[]): void {
    const byId = new Map(revised.map((c) => [c.mention.id, c]))
    this.pending = this.pending.map((c) => byId.get(c.mention.id) ?? c)
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.pending.length === 0) return
    const pending = this.pending
    this.pending = []
    const hits: Record<ColumnId, number[]> = {}
    const mentions = new Map<number, Mention>()
    // Newest last in commit order: walk backwards to keep the newest per column.
    for (let i = pending.length - 1; i >= 0; i--) {
      const { mention, columns } = pending[i]!
      for (const columnId of columns) {
        const ids = (hits[columnId] ??= [])
        if (ids.length >= this.perColumn) continue
        ids.push(mention.id)
        mentions.set(mention.id, mention)
      }
    }
    for (const ids of Object.values(hits)) ids.reverse()
    this.push({ mentions: [...mentions.values()].sort((a, b) => a.id - b.id), hits })
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    this.pending = []
  }
}

/** Committed mentions as one event: each mention once, with every column it is in. */
export function toBatch(committed: readonly Committed[]): MentionsBatch {
  const hits: Record<ColumnId, number[]> = {}
  for (const { mention, columns } of committed) for (const columnId of columns) (hits[columnId] ??= []).push(mention.id)
  return { mentions: committed.map((c) => c.mention), hits }
}
