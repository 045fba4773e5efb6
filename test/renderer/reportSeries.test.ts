import { describe, expect, it } from 'vitest'
import type { Report } from '../../src/shared/contracts/reports'
import {
  brushWindow,
  formatBucketSize,
  presetRange,
  sentimentRows,
  volumeRows,
} from '../../src/renderer/src/components/reports/series'

const MIN = 60_000
const report: Report = {
  since: 1_000 * MIN + 30_000,
  until: 1_004 * MIN,
  bucketMs: MIN,
  buckets: [1_000 * MIN, 1_001 * MIN, 1_002 * MIN, 1_003 * MIN],
  columns: [
    {
      id: 'a',
      title: 'A',
      query: 'a',
      total: 6,
      share: 0.6,
      volume: [1, 2, 3, 0],
      positive: [1, 0, 1, 0],
      neutral: [0, 2, 1, 0],
      negative: [0, 0, 1, 0],
      unscored: [0, 0, 0, 0],
    },
    {
      id: 'b',
      title: 'B',
      query: 'b',
      total: 4,
      share: 0.4,
      volume: [0, 0, 2, 2],
      positive: [0, 0, 0, 1],
      neutral: [0, 0, 2, 0],
      negative: [0, 0, 0, 0],
      unscored: [0, 0, 0, 1],
    },
  ],
  total: 9,
  top: { hashtags: [], authors: [], terms: [], sampled: 9 },
  gaps: [],
  archive: { path: 'x', review: false },
}

describe('report chart helpers', () => {
  it('turns a report into one row per bucket for the charts', () => {
    expect(volumeRows(report)[2]).toEqual({ t: 1_002 * MIN, a: 3, b: 2 })
    expect(sentimentRows(report)[2]).toEqual({ t: 1_002 * MIN, positive: 1, neutral: 3, negative: 1, unscored: 0 })
    expect(sentimentRows(report)[3]?.unscored).toBe(1)
  })

  it('maps brush indexes to a time window clipped to the report, in either order', () => {
    expect(brushWindow(report, 0, 3)).toEqual({ since: report.since, until: report.until })
    expect(brushWindow(report, 2, 1)).toEqual({ since: 1_001 * MIN, until: 1_003 * MIN })
    expect(brushWindow(report, 3, 3)).toEqual({ since: 1_003 * MIN, until: 1_004 * MIN })
  })

  it('counts "last N" back from now live, and from the last capture under review', () => {
    const bounds = { first: 100, last: 10_000_000 }
    expect(presetRange('1h', bounds, 50_000_000, false)).toEqual({ since: 50_000_000 - 3_600_000, until: 50_000_000 })
    expect(presetRange('1h', bounds, 50_000_000, true)).toEqual({ since: 10_000_001 - 3_600_000, until: 10_000_001 })
    expect(presetRange('all', bounds, 50_000_000, true)).toEqual({ since: 100, until: 10_000_001 })
  })

  it('names bucket sizes', () => {
    expect([MIN, 15 * MIN, 3_600_000, 6 * 3_600_000, 86_400_000, 7 * 86_400_000].map(formatBucketSize)).toEqual([
      '1 min',
      '15 min',
      '1 hour',
      '6 hours',
      '1 day',
      '1 week',
    ])
  })
})
