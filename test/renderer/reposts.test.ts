// Live batches in a column that collapses reposts: reposts become counts on
// their originals (shown, held, or in the same batch) and never list.
import { describe, expect, it } from 'vitest'
import { applyHeadPage, emptyFeed, setHold } from '../../src/renderer/src/lib/feedWindow'
import { collapseLive } from '../../src/renderer/src/lib/reposts'
import { mention } from './fixtures'

const original = mention(1, 1_000, { source: 'mastodon', externalId: 'orig' })
const repost = (id: number, ref: string, source: 'mastodon' | 'bluesky' = 'mastodon') =>
  mention(id, 2_000 + id, { source, externalId: `r${id}`, kind: 'repost', refId: ref })

describe('collapseLive', () => {
  it('turns reposts into counts on the shown original', () => {
    const win = applyHeadPage(emptyFeed(), { items: [original], next: null })
    const { win: next, rest } = collapseLive(win, [repost(2, 'orig'), repost(3, 'orig'), mention(4, 3_000)])
    expect(rest.map((m) => m.id)).toEqual([4])
    expect(next.items[0]!.reposts).toBe(2)
    const again = collapseLive(next, [repost(5, 'orig')])
    expect(again.win.items[0]!.reposts).toBe(3)
  })

  it('counts only the same network, and originals in the batch or held', () => {
    const held = setHold(applyHeadPage(emptyFeed(), { items: [], next: null }), { hover: true })
    const { win, rest } = collapseLive(held, [original, repost(2, 'orig'), repost(3, 'orig', 'bluesky')])
    expect(rest).toHaveLength(1)
    expect(rest[0]!.reposts).toBe(1)
    expect(win).toBe(held)
  })

  it('leaves a batch without reposts as it is', () => {
    const win = applyHeadPage(emptyFeed(), { items: [original], next: null })
    const batch = [mention(7, 5_000)]
    const out = collapseLive(win, batch)
    expect(out.win).toBe(win)
    expect(out.rest).toEqual(batch)
  })
})
