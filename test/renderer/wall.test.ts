// Pure parts of alerts and wall mode in the renderer: sparkline marks, the
// ticker's items, wall-mode column fitting and the pop-out address.
import { describe, expect, it } from 'vitest'
import type { Alert } from '../../src/shared/contracts/alerts'
import type { Gap } from '../../src/shared/contracts/sources'
import { wallFit } from '../../src/renderer/src/hooks/useWallColumns'
import { sparkMarks } from '../../src/renderer/src/lib/marks'
import { popoutColumnId, popoutHref } from '../../src/renderer/src/lib/route'
import { tickerItems, TICKER_MAX_CHARS } from '../../src/renderer/src/lib/ticker'
import { mention } from './fixtures'

const alert = (over: Partial<Alert>): Alert => ({
  id: 1,
  columnId: 'a',
  columnTitle: 'A',
  kind: 'spike',
  bucket: 1_000,
  firedAt: 1_010,
  count: 50,
  baseline: 10,
  observed: 50,
  summary: '',
  mentionId: null,
  read: false,
  ...over,
})

describe('sparkline marks', () => {
  it("marks the column's own alerts inside the window once per bucket and kind", () => {
    const alerts = [
      alert({ id: 1, bucket: 1_000 }),
      alert({ id: 2, bucket: 1_000 }),
      alert({ id: 3, bucket: 1_000, kind: 'negative' }),
      alert({ id: 4, bucket: 500 }),
      alert({ id: 5, bucket: 2_000, columnId: 'b' }),
    ]
    const marks = sparkMarks('a', alerts, [], { from: 900, to: 3_000 }, 3_000)
    expect(marks.alerts).toEqual([
      { t: 1_000, kind: 'spike' },
      { t: 1_000, kind: 'negative' },
    ])
  })

  it('clips gaps to the window and runs an open gap to now', () => {
    const gaps: Gap[] = [
      { id: 1, source: 'x', startedAt: 100, endedAt: 1_200, reason: 'disconnected' },
      { id: 2, source: 'bluesky', startedAt: 2_500, endedAt: null, reason: 'rate limited' },
      { id: 3, source: 'x', startedAt: 10, endedAt: 50, reason: 'old' },
    ]
    expect(sparkMarks('a', [], gaps, { from: 1_000, to: 3_000 }, 2_800).gaps).toEqual([
      { from: 1_000, to: 1_200, reason: 'disconnected' },
      { from: 2_500, to: 2_800, reason: 'rate limited' },
    ])
  })
})

describe('ticker items', () => {
  it('lists the newest mentions across columns once each, on one shortened line', () => {
    const a = mention(1, 100, { text: 'first\n\nline' })
    const b = mention(2, 300, { text: 'x'.repeat(400) })
    const c = mention(3, 200)
    const items = tickerItems([
      { title: 'A', items: [b, a] },
      { title: 'B', items: [c, b] },
    ])
    expect(items.map((i) => [i.mention.id, i.column])).toEqual([
      [2, 'A'],
      [3, 'B'],
      [1, 'A'],
    ])
    expect(items[0]!.text).toHaveLength(TICKER_MAX_CHARS)
    expect(items[0]!.text.endsWith('…')).toBe(true)
    expect(items[2]!.text).toBe('first line')
  })
})

describe('wall-mode column fit', () => {
  it('fits as many whole columns as the width holds, all the same width', () => {
    // 3840 px wide at 24 px type: 22rem = 528 px minimum, 8 px gaps.
    expect(wallFit(3824, 8, 528, 12)).toEqual({ perScreen: 7, width: 539 })
    // Fewer columns than fit share the whole width.
    expect(wallFit(3824, 8, 528, 4)).toEqual({ perScreen: 4, width: 950 })
    // 2560 px at 16 px type.
    expect(wallFit(2544, 8, 352, 6).perScreen).toBe(6)
    expect(wallFit(300, 8, 352, 6)).toEqual({ perScreen: 1, width: 300 })
  })
})

describe('pop-out address', () => {
  it('round-trips a column id and ignores anything else', () => {
    expect(popoutColumnId(popoutHref('c 1&x'))).toBe('c 1&x')
    expect(popoutColumnId('?other=1')).toBeNull()
    expect(popoutColumnId('?column=')).toBeNull()
    expect(popoutColumnId(`?column=${'a'.repeat(65)}`)).toBeNull()
  })
})
