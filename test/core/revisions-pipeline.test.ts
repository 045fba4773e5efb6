// The revisions module against a real archive and ingest writer, with the
// writer's timer held: a delete or edit lands after what ingest accepted
// before it (even while still queued), and a delete of a post never kept
// neither writes nor commits the writer's batch early.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Ingest, type Committed } from '../../src/main/core/pipeline/ingest'
import { SourceRevisions } from '../../src/main/core/pipeline/revisions'
import { Router } from '../../src/main/core/pipeline/router'
import { StatsTracker } from '../../src/main/core/pipeline/stats'
import { insertColumn } from '../../src/main/core/store/columns'
import { openArchive } from '../../src/main/core/store/db'
import type { Db } from '../../src/main/core/store/db-types'
import { countMentions } from '../../src/main/core/store/mentions'
import { mentionInput, tempArchive } from '../helpers'
import { storeOf } from '../../src/main/core/store/store'

describe('source revisions', () => {
  let db: Db
  let ingest: Ingest
  let revisions: SourceRevisions
  let removed: number[][]
  let revised: Committed[][]
  let errors: unknown[]
  const now = () => 1_700_000_100_000

  beforeEach(() => {
    vi.useFakeTimers()
    db = openArchive(tempArchive())
    const router = new Router()
    router.setColumns([insertColumn(db, { title: 'Ford', query: 'ford' }, now())])
    ingest = new Ingest(storeOf(db).write, router, new StatsTracker(), {
      now,
      sink: { committed: () => {} },
      onError: (err) => errors.push(err),
      flushMs: 10_000,
    })
    removed = []
    revised = []
    errors = []
    revisions = new SourceRevisions({
      store: storeOf(db),
      router,
      ingest,
      now,
      withdrawReplies: () => {},
      onRemoved: (ids) => removed.push(ids),
      onRevised: (batch) => revised.push(batch),
      onError: (err) => errors.push(err),
    })
  })
  afterEach(() => {
    vi.useRealTimers()
    db.close()
  })

  const tombstones = () => (db.prepare('SELECT count(*) AS n FROM mention_tombstones').get() as { n: number }).n

  it('a post deleted while still queued is committed, then removed and tombstoned', async () => {
    ingest.push([mentionInput({ source: 'mastodon', externalId: '7', text: 'ford again' })])
    expect(countMentions(db)).toBe(0)
    revisions.retract('mastodon', ['7'])
    await vi.waitFor(() => expect(removed).toHaveLength(1))
    expect(countMentions(db)).toBe(0)
    expect(tombstones()).toBe(1)
    expect(errors).toEqual([])
  })

  it('a delete waits out a failed commit (a full disk) and applies once the post is stored', async () => {
    db.exec(
      "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON mentions BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    )
    ingest.push([mentionInput({ source: 'mastodon', externalId: '8', text: 'ford, deleted soon' })])
    revisions.retract('mastodon', ['8'])
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0))
    expect(countMentions(db)).toBe(0)
    expect(tombstones()).toBe(0)
    db.exec('DROP TRIGGER full_disk')
    await vi.waitFor(() => expect(removed).toHaveLength(1))
    expect(countMentions(db)).toBe(0)
    expect(tombstones()).toBe(1)
  })

  it('a delete of a post never kept writes nothing and leaves the batch to its timer', async () => {
    ingest.push([mentionInput({ text: 'ford one' })])
    revisions.retract('bluesky', ['at://did:plc:x/app.bsky.feed.post/1'])
    await Promise.resolve()
    expect(countMentions(db)).toBe(0)
    vi.advanceTimersByTime(10_000)
    expect(countMentions(db)).toBe(1)
    expect(tombstones()).toBe(0)
    expect(removed).toEqual([])
  })

  it('an edit of a post never kept is offered as new when a column wants it, without committing the batch early', async () => {
    ingest.push([mentionInput({ text: 'ford one' })])
    revisions.revise([{ ...mentionInput({ source: 'mastodon', externalId: '11', text: 'ford now' }), editedAt: 5 }])
    revisions.revise([{ ...mentionInput({ source: 'mastodon', externalId: '12', text: 'about boats' }), editedAt: 5 }])
    await Promise.resolve()
    expect(countMentions(db)).toBe(0)
    vi.advanceTimersByTime(10_000)
    expect(db.prepare('SELECT text FROM mentions ORDER BY id').pluck().all()).toEqual(['ford one', 'ford now'])
    expect(revised).toEqual([])
  })

  it('an edit of a post still queued lands on it; an older edit after a newer one is ignored', async () => {
    const post = mentionInput({ source: 'mastodon', externalId: '9', text: 'ford is fine' })
    ingest.push([post])
    revisions.revise([{ ...post, text: 'ford broke, awful', editedAt: 2_000 }])
    revisions.revise([{ ...post, text: 'an older edit', editedAt: 1_000 }])
    await vi.waitFor(() => expect(revised).toHaveLength(1))
    await ingest.close()
    expect(db.prepare('SELECT text, edited_at, sentiment_label FROM mentions').get()).toEqual({
      text: 'ford broke, awful',
      edited_at: 2_000,
      sentiment_label: 'negative',
    })
    expect(revised[0]![0]!.columns).toHaveLength(1)
  })
})
