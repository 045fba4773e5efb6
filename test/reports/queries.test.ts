import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { bucketSize, bucketStarts } from '../../src/main/core/reports/buckets'
import { buildReport, hitBounds } from '../../src/main/core/store/reports'
import { seriesCsv, SERIES_CSV_COLUMNS } from '../../src/main/core/reports/series-csv'
import { getColumn } from '../../src/main/core/store/columns'
import { openArchive } from '../../src/main/core/store/db'
import type { Db } from '../../src/main/core/store/db-types'
import { closeGap, openGap } from '../../src/main/core/store/gaps'
import { REPORT_MAX_BUCKETS, ReportRequestSchema } from '../../src/shared/contracts/reports'
import { tempArchive } from '../helpers'
import { HOUR, seedColumns, seedMentions, T0 } from './fixtures'

describe('report buckets', () => {
  it('picks the smallest round size that keeps the chart under the bucket limit', () => {
    expect(bucketSize(T0, T0 + HOUR)).toBe(60_000)
    expect(bucketSize(T0, T0 + 6 * HOUR)).toBe(5 * 60_000)
    expect(bucketSize(T0, T0 + 24 * HOUR)).toBe(15 * 60_000)
    expect(bucketSize(T0, T0 + 7 * 24 * HOUR)).toBe(3 * HOUR)
    expect(bucketSize(T0, T0 + 30 * 24 * HOUR)).toBe(6 * HOUR)
    expect(bucketSize(T0, T0 + 31 * 24 * HOUR)).toBe(12 * HOUR)
    for (const days of [1, 3, 45, 365, 2000]) {
      const size = bucketSize(T0 + 7, T0 + days * 24 * HOUR)
      expect(bucketStarts(T0 + 7, T0 + days * 24 * HOUR, size).length).toBeLessThanOrEqual(REPORT_MAX_BUCKETS)
    }
  })

  it('aligns buckets to the size in UTC and covers the whole range', () => {
    expect(bucketStarts(T0 + 90 * 60_000, T0 + 4 * HOUR, HOUR)).toEqual([T0 + HOUR, T0 + 2 * HOUR, T0 + 3 * HOUR])
  })

  it('refuses a range that ends before it starts', () => {
    expect(ReportRequestSchema.safeParse({ columnIds: ['a'], since: 10, until: 10 }).success).toBe(false)
    expect(ReportRequestSchema.safeParse({ columnIds: [], since: 1, until: 10 }).success).toBe(false)
  })
})

describe('report queries on a real archive', () => {
  let db: Db
  let ids: Record<string, string>
  beforeEach(() => {
    db = openArchive(tempArchive())
    ids = seedColumns(db, { Comcast: 'comcast', JetBlue: 'jetblue' })
    seedMentions(db, ids, [
      // Hour 0: three Comcast (2 negative, 1 positive), one JetBlue.
      {
        at: T0 + 5 * 60_000,
        text: 'Comcast outage again #ComcastDown',
        handle: 'amy',
        label: 'negative',
        columns: ['Comcast'],
      },
      {
        at: T0 + 10 * 60_000,
        text: 'comcast outage in Boston #ComcastDown',
        handle: 'bob',
        label: 'negative',
        columns: ['Comcast'],
      },
      {
        at: T0 + 20 * 60_000,
        text: 'Thanks comcast, the technician was great',
        handle: 'amy',
        label: 'positive',
        columns: ['Comcast'],
      },
      {
        at: T0 + 30 * 60_000,
        text: 'JetBlue delay at JFK, the gate agent was great',
        handle: 'cat',
        label: 'negative',
        columns: ['JetBlue'],
      },
      // Hour 1: one in both columns, one JetBlue.
      {
        at: T0 + HOUR + 1,
        text: 'Comcast wifi on JetBlue is an outage in the sky #wifi',
        handle: 'dan',
        label: 'neutral',
        columns: ['Comcast', 'JetBlue'],
      },
      {
        at: T0 + HOUR + 2,
        text: 'jetblue delay, la puerta está cerrada',
        handle: 'eva',
        label: 'negative',
        columns: ['JetBlue'],
      },
      // Outside the range (hour 3).
      {
        at: T0 + 3 * HOUR,
        text: 'comcast outage outage outage',
        handle: 'zed',
        label: 'negative',
        columns: ['Comcast'],
      },
    ])
  })
  afterEach(() => db.close())

  const report = (columns: string[], since = T0, until = T0 + 2 * HOUR) =>
    buildReport(
      db,
      columns.map((t) => getColumn(db, ids[t]!)!),
      ReportRequestSchema.parse({ columnIds: columns.map((t) => ids[t]), since, until, top: 5 }),
      { path: 'test', review: false },
    )

  it('counts volume per bucket and sentiment per label, within the range only', () => {
    const r = report(['Comcast', 'JetBlue'])
    expect(r.bucketMs).toBe(60_000)
    expect(r.buckets).toHaveLength(120)
    const comcast = r.columns[0]!
    expect(comcast.total).toBe(4)
    expect(comcast.volume.reduce((a, b) => a + b, 0)).toBe(4)
    expect(comcast.volume[5]).toBe(1)
    expect(comcast.negative[10]).toBe(1)
    expect(comcast.positive[20]).toBe(1)
    expect(comcast.neutral[60]).toBe(1)
    expect(comcast.negative.reduce((a, b) => a + b, 0)).toBe(2)
    const jetblue = r.columns[1]!
    expect(jetblue.total).toBe(3)
    expect(jetblue.negative.reduce((a, b) => a + b, 0)).toBe(2)
  })

  it('buckets a longer range coarser, with the same totals', () => {
    const r = report(['Comcast'], T0, T0 + 24 * HOUR)
    expect(r.bucketMs).toBe(15 * 60_000)
    expect(r.columns[0]!.volume.slice(0, 5)).toEqual([2, 1, 0, 0, 1])
    expect(r.columns[0]!.total).toBe(5)
  })

  it('gives share of voice between columns, counting a shared mention for each', () => {
    const r = report(['Comcast', 'JetBlue'])
    expect(r.columns.map((c) => c.share)).toEqual([4 / 7, 3 / 7])
    expect(r.total).toBe(6)
  })

  it('ranks hashtags, authors and terms over distinct mentions, without stopwords or the query words', () => {
    const r = report(['Comcast', 'JetBlue'])
    expect(r.top.hashtags).toEqual([
      { key: '#comcastdown', count: 2 },
      { key: '#wifi', count: 1 },
    ])
    expect(r.top.authors[0]).toEqual({ key: '@amy', count: 2 })
    expect(r.top.authors).toHaveLength(5)
    const terms = Object.fromEntries(r.top.terms.map((t) => [t.key, t.count]))
    expect(terms['outage']).toBe(3)
    expect(terms['delay']).toBe(2)
    expect(terms['great']).toBe(2)
    for (const dropped of ['comcast', 'jetblue', 'the', 'was', 'esta', 'again']) expect(terms[dropped]).toBeUndefined()
  })

  it('counts the top lists over an even sample of a large range', () => {
    const columns = ['Comcast', 'JetBlue'].map((t) => getColumn(db, ids[t]!)!)
    const request = ReportRequestSchema.parse({ columnIds: columns.map((c) => c.id), since: T0, until: T0 + 2 * HOUR })
    const r = buildReport(db, columns, request, { path: 'test', review: false }, { textSample: 2 })
    // Seven hits (six distinct mentions), a sample of at most two: every fourth by id, id 4 only.
    expect(r.total).toBe(6)
    expect(r.top.sampled).toBe(1)
    expect(r.top.hashtags).toEqual([])
    expect(r.top.authors).toEqual([{ key: '@cat', count: 1 }])
    expect(report(['Comcast', 'JetBlue']).top.sampled).toBe(6)
  })

  it('lists the capture gaps that overlap the range', () => {
    openGap(db, 'x', T0 - HOUR, 'rate limited')
    closeGap(db, 'x', T0 + 60_000)
    openGap(db, 'bluesky', T0 + 5 * HOUR, 'disconnected')
    closeGap(db, 'bluesky', T0 + 6 * HOUR)
    openGap(db, 'mastodon', T0 + HOUR, 'auth error')
    const r = report(['Comcast'])
    expect(r.gaps.map((g) => [g.source, g.reason, g.endedAt])).toEqual([
      ['x', 'rate limited', T0 + 60_000],
      ['mastodon', 'auth error', null],
    ])
  })

  it('finds the first and last capture time of the chosen columns', () => {
    expect(hitBounds(db, [ids['JetBlue']!])).toEqual({ first: T0 + 30 * 60_000, last: T0 + HOUR + 2 })
    expect(hitBounds(db, [ids['Comcast']!, ids['JetBlue']!])).toEqual({ first: T0 + 5 * 60_000, last: T0 + 3 * HOUR })
  })

  it('writes the series as CSV that parses back to the same numbers', () => {
    const r = report(['Comcast', 'JetBlue'], T0, T0 + 24 * HOUR)
    const rows = parse(seriesCsv(r), { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([...SERIES_CSV_COLUMNS])
    expect(rows).toHaveLength(r.buckets.length * 2)
    const comcast = rows.filter((row) => row['column'] === 'Comcast')
    expect(comcast.reduce((s, row) => s + Number(row['volume']), 0)).toBe(5)
    expect(comcast[0]).toMatchObject({
      bucket_start: '2024-03-01T00:00:00.000Z',
      volume: '2',
      negative: '2',
      positive: '0',
    })
    expect(comcast[0]!['negative_share']).toBe('1.0000')
  })
})
