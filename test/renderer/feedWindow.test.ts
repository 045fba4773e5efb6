// A column's live feed window: ordering, dedupe, trimming, pause/pending, head pages, paging,
// and mentions deleted or edited at the source.
import { describe, expect, it } from 'vitest'
import {
  appendOlder,
  applyHeadPage,
  canLoadOlder,
  compareMentions,
  dropMentions,
  emptyFeed,
  flushPending,
  mergeNewestFirst,
  receiveLive,
  replaceMentions,
  replaceWithHead,
  resetFeed,
  setHold,
  type FeedWindow,
} from '../../src/renderer/src/lib/feedWindow'
import { ids, mention, range } from './fixtures'

function loaded(items = range(1, 10), next: FeedWindow['next'] = null): FeedWindow {
  return applyHeadPage(emptyFeed(), { items, next })
}

describe('ordering and merging', () => {
  it('orders newest first, ties by larger id', () => {
    const list = [mention(1, 5), mention(3, 5), mention(2, 9)].sort(compareMentions)
    expect(ids(list)).toEqual([2, 3, 1])
  })

  it('merges without duplicates', () => {
    expect(ids(mergeNewestFirst(range(1, 3), range(2, 5)))).toEqual([5, 4, 3, 2, 1])
  })
})

describe('receiveLive', () => {
  it('inserts new mentions at the top when not paused', () => {
    const win = receiveLive(loaded(range(1, 3)), [mention(4, 4000)])
    expect(ids(win.items)).toEqual([4, 3, 2, 1])
    expect(win.pendingCount).toBe(0)
  })

  it('ignores mentions already shown (dedupe by id)', () => {
    const win = loaded(range(1, 3))
    expect(receiveLive(win, [mention(2, 2000)])).toBe(win)
  })

  it('trims to the maximum and moves the cursor to the oldest kept', () => {
    const win = receiveLive(loaded(range(1, 5)), range(6, 8), 5)
    expect(ids(win.items)).toEqual([8, 7, 6, 5, 4])
    expect(win.next).toEqual({ createdAt: 4000, id: 4 })
  })

  it('holds mentions while paused and counts them', () => {
    const paused = setHold(loaded(range(1, 3)), { hover: true })
    const win = receiveLive(paused, [mention(4, 4000), mention(5, 5000)])
    expect(ids(win.items)).toEqual([3, 2, 1])
    expect(ids(win.pending)).toEqual([5, 4])
    expect(win.pendingCount).toBe(2)
    expect(receiveLive(win, [mention(5, 5000)])).toBe(win)
  })

  it('bounds what is held but keeps counting', () => {
    const paused = setHold(loaded(range(1, 3)), { away: true })
    const win = receiveLive(paused, range(4, 13), 4)
    expect(ids(win.pending)).toEqual([13, 12, 11, 10])
    expect(win.pendingCount).toBe(10)
  })

  it('leaves a mention older than the window to paging when older pages exist', () => {
    const win = loaded(range(5, 10), { createdAt: 5000, id: 5 })
    expect(receiveLive(win, [mention(2, 2000)])).toBe(win)
  })

  it('inserts an older mention when the window holds the whole archive', () => {
    const win = receiveLive(loaded(range(5, 10), null), [mention(2, 2000)])
    expect(ids(win.items)).toEqual([10, 9, 8, 7, 6, 5, 2])
  })
})

describe('pause and flush', () => {
  it('flushes held mentions when the hold is released', () => {
    let win = setHold(loaded(range(1, 3)), { hover: true })
    win = receiveLive(win, [mention(4, 4000)])
    win = setHold(win, { hover: false })
    expect(win.paused).toBe(false)
    expect(ids(win.items)).toEqual([4, 3, 2, 1])
    expect(win.pending).toEqual([])
    expect(win.pendingCount).toBe(0)
  })

  it('stays paused while either hover or away holds', () => {
    let win = setHold(loaded(), { hover: true, away: true })
    win = receiveLive(win, [mention(11, 11000)])
    win = setHold(win, { hover: false })
    expect(win.paused).toBe(true)
    expect(win.pendingCount).toBe(1)
    win = setHold(win, { away: false })
    expect(win.paused).toBe(false)
    expect(win.items[0]?.id).toBe(11)
  })

  it('returns the same object when the hold does not change', () => {
    const win = loaded()
    expect(setHold(win, { hover: false })).toBe(win)
  })

  it('flushPending while still paused (the "N new" pill)', () => {
    let win = setHold(loaded(range(1, 3)), { hover: true })
    win = receiveLive(win, [mention(4, 4000)])
    win = flushPending(win)
    expect(win.paused).toBe(true)
    expect(ids(win.items)).toEqual([4, 3, 2, 1])
    expect(win.pendingCount).toBe(0)
  })

  it('replaces the window when more arrived than could be held', () => {
    let win = setHold(loaded(range(1, 3)), { hover: true })
    win = receiveLive(win, range(4, 13), 4)
    win = flushPending(win, 4)
    expect(ids(win.items)).toEqual([13, 12, 11, 10])
    expect(win.next).toEqual({ createdAt: 10000, id: 10 })
  })

  it('does not flush a window that lost its head', () => {
    const win = { ...setHold(loaded(), { hover: true }), headGap: true }
    expect(flushPending(receiveLive(win, [mention(20, 20000)]))).toMatchObject({
      pendingCount: 1,
      headGap: true,
    })
  })

  it('holds live mentions while the head is missing, even when not paused', () => {
    const win = { ...loaded(), headGap: true }
    const next = receiveLive(win, [mention(20, 20000)])
    expect(next.items).toBe(win.items)
    expect(next.pendingCount).toBe(1)
  })
})

describe('head pages', () => {
  it('merges the first page with live mentions that arrived earlier', () => {
    const early = receiveLive(emptyFeed(), [mention(12, 12000)])
    const win = applyHeadPage(early, { items: range(1, 10), next: null })
    expect(ids(win.items)).toEqual([12, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect(win.loaded).toBe(true)
  })

  it('keeps the page cursor on first load', () => {
    const win = applyHeadPage(emptyFeed(), {
      items: range(5, 10),
      next: { createdAt: 5000, id: 5 },
    })
    expect(win.next).toEqual({ createdAt: 5000, id: 5 })
    expect(canLoadOlder(win)).toBe(true)
  })

  it('adds only newer mentions from an overlapping page after reconnect', () => {
    const win = applyHeadPage(loaded(range(1, 10)), {
      items: range(8, 14),
      next: { createdAt: 8000, id: 8 },
    })
    expect(ids(win.items)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect(win.next).toBeNull()
  })

  it('restarts from the page when it does not reach the window (gap)', () => {
    const win = applyHeadPage(loaded(range(1, 10)), {
      items: range(50, 55),
      next: { createdAt: 50000, id: 50 },
    })
    expect(ids(win.items)).toEqual([55, 54, 53, 52, 51, 50])
    expect(win.next).toEqual({ createdAt: 50000, id: 50 })
  })

  it('marks a gap instead of jumping when the reader is paused', () => {
    const paused = setHold(loaded(range(1, 10)), { hover: true })
    const win = applyHeadPage(paused, {
      items: range(50, 55),
      next: { createdAt: 50000, id: 50 },
    })
    expect(win.items).toBe(paused.items)
    expect(win.headGap).toBe(true)
    expect(win.pendingCount).toBe(6)
  })

  it('holds newer page mentions while paused when the page overlaps', () => {
    const paused = setHold(loaded(range(1, 10)), { away: true })
    const win = applyHeadPage(paused, {
      items: range(9, 12),
      next: { createdAt: 9000, id: 9 },
    })
    expect(ids(win.items)).toEqual(ids(range(1, 10)))
    expect(ids(win.pending)).toEqual([12, 11])
  })

  it('replaceWithHead keeps live mentions newer than the page', () => {
    const win = {
      ...loaded(range(1, 5)),
      headGap: true,
      pending: [mention(30, 30000)],
      pendingCount: 1,
    }
    const next = replaceWithHead(win, {
      items: range(20, 25),
      next: { createdAt: 20000, id: 20 },
    })
    expect(ids(next.items)).toEqual([30, 25, 24, 23, 22, 21, 20])
    expect(next.headGap).toBe(false)
    expect(next.pendingCount).toBe(0)
  })
})

describe('appendOlder', () => {
  it('appends an older page and takes its cursor', () => {
    const win = appendOlder(loaded(range(6, 10), { createdAt: 6000, id: 6 }), {
      items: range(1, 5),
      next: null,
    })
    expect(ids(win.items)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect(win.next).toBeNull()
    expect(win.headGap).toBe(false)
  })

  it('drops the newest beyond the maximum and marks the head as missing', () => {
    const win = appendOlder(loaded(range(6, 10), { createdAt: 6000, id: 6 }), { items: range(1, 5), next: null }, 6)
    expect(ids(win.items)).toEqual([6, 5, 4, 3, 2, 1])
    expect(win.headGap).toBe(true)
  })
})

describe('resetFeed and canLoadOlder', () => {
  it('forgets items but keeps the hold', () => {
    const win = resetFeed(setHold(loaded(), { hover: true }))
    expect(win.items).toEqual([])
    expect(win.loaded).toBe(false)
    expect(win.paused).toBe(true)
  })

  it('does not page before the first page or at the end', () => {
    expect(canLoadOlder(emptyFeed())).toBe(false)
    expect(canLoadOlder(loaded(range(1, 3), null))).toBe(false)
    expect(
      canLoadOlder({
        ...loaded(range(1, 3), { createdAt: 1000, id: 1 }),
        loadingOlder: true,
      }),
    ).toBe(false)
  })
})

describe('deletes and edits at the source', () => {
  it('a deleted mention leaves the items and what is held, and the held count follows', () => {
    const paused = setHold(loaded(range(1, 4)), { hover: true })
    const win = receiveLive(paused, [mention(5, 5000), mention(6, 6000)])
    const after = dropMentions(win, new Set([2, 6]))
    expect(ids(after.items)).toEqual([4, 3, 1])
    expect(ids(after.pending)).toEqual([5])
    expect(after.pendingCount).toBe(1)
    expect(dropMentions(after, new Set([99]))).toBe(after)
  })

  it('an edited mention is replaced where it is, and a window without it is left as it was', () => {
    const win = loaded(range(1, 3))
    const edited = mention(2, 2000, { text: 'edited text', editedAt: 9_000 })
    const after = replaceMentions(win, new Map([[2, edited]]))
    expect(ids(after.items)).toEqual([3, 2, 1])
    expect(after.items[1]).toBe(edited)
    expect(replaceMentions(win, new Map([[7, mention(7, 7000)]]))).toBe(win)
  })
})
