import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Ingest, type Committed } from '../../src/main/core/pipeline/ingest'
import { Router } from '../../src/main/core/pipeline/router'
import { StatsTracker } from '../../src/main/core/pipeline/stats'
import { openArchive } from '../../src/main/core/store/db'
import type { Db } from '../../src/main/core/store/db-types'
import { insertColumn, columnTotal } from '../../src/main/core/store/columns'
import { countMentions, pageColumn } from '../../src/main/core/store/mentions'
import { mentionInput, tempArchive } from '../helpers'
import { storeOf } from '../../src/main/core/store/store'

describe('ingest pipeline', () => {
  let db: Db
  let router: Router
  let stats: StatsTracker
  let committed: Committed[][]
  let ingest: Ingest
  const now = () => 1_700_000_100_000

  beforeEach(() => {
    vi.useFakeTimers()
    db = openArchive(tempArchive())
    router = new Router()
    stats = new StatsTracker()
    committed = []
    ingest = new Ingest(storeOf(db).write, router, stats, {
      now,
      sink: { committed: (b) => committed.push([...b]) },
      flushMs: 25,
      maxBatch: 100,
    })
  })
  afterEach(() => {
    vi.useRealTimers()
    db.close()
  })

  function columns(...queries: string[]) {
    const cols = queries.map((q, i) => insertColumn(db, { title: `c${i}`, query: q }, now()))
    router.setColumns(cols)
    for (const c of cols) stats.load(storeOf(db).read, c.id, now())
    return cols
  }

  it('stores each (source, external id) once, whether repeated in a batch, across batches or after the memory window', () => {
    const a = mentionInput({ externalId: 'x1' })
    ingest.push([a, a, { ...a, text: 'changed' }])
    ingest.flush()
    ingest.push([a])
    ingest.flush()
    // A fresh pipeline has no memory of it: the archive's unique key still holds.
    const again = new Ingest(storeOf(db).write, router, stats, {
      now,
      sink: { committed: (b) => committed.push([...b]) },
    })
    again.push([a, mentionInput({ externalId: 'x1', source: 'rss' })])
    again.flush()
    expect(countMentions(db)).toBe(2)
    expect(committed.flat().map((c) => `${c.mention.source}:${c.mention.externalId}`)).toEqual(['demo:x1', 'rss:x1'])
  })

  it('batches writes: nothing is committed until the flush interval, then one commit for the batch', () => {
    ingest.push([mentionInput(), mentionInput()])
    ingest.push([mentionInput()])
    expect(countMentions(db)).toBe(0)
    vi.advanceTimersByTime(30)
    expect(countMentions(db)).toBe(3)
    expect(committed).toHaveLength(1)
    expect(committed[0]).toHaveLength(3)
  })

  it('flushes at once when a batch fills, in chunks of maxBatch', () => {
    ingest.push(Array.from({ length: 250 }, () => mentionInput()))
    expect(countMentions(db)).toBe(250)
    expect(committed.map((b) => b.length)).toEqual([100, 100, 50])
  })

  it('scores sentiment and routes each mention to every matching column, with its hits stored', () => {
    const [comcast, jetblue, both] = columns('comcast OR xfinity', 'jetblue', 'comcast OR jetblue')
    ingest.push([
      mentionInput({ text: 'Comcast internet is down, worst service ever' }),
      mentionInput({ text: 'I love JetBlue, amazing crew!' }),
      mentionInput({ text: 'Nothing relevant here' }),
    ])
    ingest.flush()
    const batch = committed.flat()
    expect(batch.map((c) => c.columns.length)).toEqual([2, 2, 0])
    expect(batch[0]!.mention.sentimentLabel).toBe('negative')
    expect(batch[1]!.mention.sentimentLabel).toBe('positive')
    expect(columnTotal(db, comcast!.id)).toBe(1)
    expect(columnTotal(db, jetblue!.id)).toBe(1)
    expect(columnTotal(db, both!.id)).toBe(2)
    expect(pageColumn(db, jetblue!.id, null, 10).items.map((m) => m.text)).toEqual(['I love JetBlue, amazing crew!'])
    const snap = stats.snapshot([both!.id], now())[0]!
    expect(snap.total).toBe(2)
    expect(snap.buckets.reduce((n, b) => n + b.positive + b.negative + b.neutral, 0)).toBe(2)
  })

  it('keeps a batch whose commit fails and commits it on retry (nothing lost)', () => {
    const errors: unknown[] = []
    const failing = new Ingest(storeOf(db).write, router, stats, {
      now,
      sink: { committed: (b) => committed.push([...b]) },
      onError: (e) => errors.push(e),
    })
    db.exec('CREATE TRIGGER refuse BEFORE INSERT ON mentions BEGIN SELECT RAISE(ABORT, "disk is full"); END')
    failing.push([mentionInput(), mentionInput()])
    failing.flush()
    expect(errors).toHaveLength(1)
    expect(failing.pending).toBe(2)
    expect(countMentions(db)).toBe(0)
    db.exec('DROP TRIGGER refuse')
    vi.advanceTimersByTime(600)
    expect(countMentions(db)).toBe(2)
    expect(failing.pending).toBe(0)
  })

  it('pages a column newest first with a cursor and no overlap', () => {
    const [col] = columns('ford')
    ingest.push(Array.from({ length: 25 }, (_, i) => mentionInput({ text: `ford ${i}`, createdAt: 1_000 + i })))
    ingest.flush()
    const seen: string[] = []
    let page = pageColumn(db, col!.id, null, 10)
    seen.push(...page.items.map((m) => m.text))
    while (page.next) {
      page = pageColumn(db, col!.id, page.next, 10)
      seen.push(...page.items.map((m) => m.text))
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `ford ${24 - i}`))
  })
})
