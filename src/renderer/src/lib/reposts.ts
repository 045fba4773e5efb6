// Live batches for a column that collapses reposts: the reposts leave the
// batch and add to the repost count of their original where the window holds
// it (shown or held). A repost of an original not in memory only counts when
// that original is paged in from the archive, which counts it there.
import type { Mention } from '../../../shared/domain'
import type { FeedWindow } from './feedWindow'

const key = (source: string, externalId: string) => `${source}\u0000${externalId}`

export function collapseLive(win: FeedWindow, mentions: readonly Mention[]): { win: FeedWindow; rest: Mention[] } {
  const rest: Mention[] = []
  const bumps = new Map<string, number>()
  for (const m of mentions) {
    if (m.kind !== 'repost') rest.push(m)
    else if (m.refId !== null) bumps.set(key(m.source, m.refId), (bumps.get(key(m.source, m.refId)) ?? 0) + 1)
  }
  if (bumps.size === 0) return { win, rest }
  const bump = <L extends readonly Mention[]>(list: L): L => {
    let touched = false
    const out = list.map((m) => {
      const n = bumps.get(key(m.source, m.externalId))
      if (n === undefined) return m
      touched = true
      return { ...m, reposts: (m.reposts ?? 0) + n }
    })
    return touched ? (out as unknown as L) : list
  }
  const items = bump(win.items)
  const pending = bump(win.pending)
  const changed = items !== win.items || pending !== win.pending
  // Originals in this very batch take their reposts too.
  return { win: changed ? { ...win, items, pending } : win, rest: bump(rest) }
}
