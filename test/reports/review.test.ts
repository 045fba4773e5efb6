import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app/core'
import { openArchive } from '../../src/main/core/store/db'
import type { Report, ReviewPage, ReviewState } from '../../src/shared/contracts/reports'
import { mentionInput, ok, tempArchive, tempDir, TEST_CORE } from '../helpers'
import { HOUR, seedColumns, seedMentions, T0 } from './fixtures'

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

/** A closed archive file with two columns and known mentions, as another capture host would leave it. */
function capturedArchive(): { path: string; columns: Record<string, string> } {
  const path = tempArchive()
  const db = openArchive(path)
  const columns = seedColumns(db, { Ford: 'ford', Oreo: 'oreo' })
  seedMentions(db, columns, [
    { at: T0 + 1_000, text: 'Ford recall notice arrived', label: 'negative', columns: ['Ford'] },
    { at: T0 + 2_000, text: 'Oreo and milk, the best', label: 'positive', columns: ['Oreo'] },
    { at: T0 + HOUR, text: 'new Ford dealership opened', label: 'positive', columns: ['Ford'] },
  ])
  db.close()
  return { path, columns }
}

describe('archive files and review mode', () => {
  let core: Core
  let livePath: string
  let events: ReviewState[]
  beforeEach(() => {
    livePath = tempArchive()
    core = createCore({ archivePath: livePath, ...TEST_CORE })
    events = []
    core.hub.subscribe((name, payload) => {
      if (name === 'review.changed') events.push(payload as ReviewState)
    })
    core.start()
  })
  afterEach(() => core.stop())

  it('opens another archive read-only: reports read it, writes are refused and its bytes stay the same', async () => {
    const captured = capturedArchive()
    const before = sha(captured.path)
    const state = ok<ReviewState>(await core.call('review.open', { path: captured.path }))
    expect(state.review).toEqual({ path: captured.path, readOnly: true, mentionCount: 3 })
    expect(events.at(-1)).toEqual(state)

    const columns = ok<{ id: string; title: string }[]>(await core.call('reports.columns', {}))
    expect(columns.map((c) => c.title)).toEqual(['Ford', 'Oreo'])
    const report = ok<Report>(
      await core.call('reports.get', { columnIds: [captured.columns['Ford']], since: T0, until: T0 + 2 * HOUR }),
    )
    expect(report.archive).toEqual({ path: captured.path, review: true })
    expect(report.columns[0]!.total).toBe(2)

    const page = ok<ReviewPage>(await core.call('review.search', { query: 'ford', since: T0, until: T0 + HOUR }))
    expect(page.items.map((i) => i.mention.text)).toEqual(['Ford recall notice arrived'])
    const refused = await core.call('review.annotate', { mentionId: page.items[0]!.mention.id, reviewed: true })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/read-only/) },
    })

    // Live capture is untouched by the review: it still writes the live archive.
    core.ingest.push([mentionInput({ text: 'live ford post' })])
    core.ingest.flush()
    expect(ok<{ mentionCount: number }>(await core.call('app.info', {})).mentionCount).toBe(1)

    const back = ok<ReviewState>(await core.call('review.close', {}))
    expect(back).toEqual({ livePath, review: null })
    expect(sha(captured.path)).toBe(before)
    expect(ok<{ title: string }[]>(await core.call('reports.columns', {})).map((c) => c.title)).toEqual([
      'Comcast / Xfinity',
      'JetBlue',
      'Whole Foods',
      'Ford',
    ])
  })

  it('refuses a missing file, a non-archive, and the live archive itself, with clear messages', async () => {
    const dir = tempDir()
    expect(await core.call('review.open', { path: join(dir, 'nope.sqlite') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    writeFileSync(join(dir, 'notes.txt'), 'not a database at all, just some text that is long enough '.repeat(20))
    expect(await core.call('review.open', { path: join(dir, 'notes.txt') })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/could not open|not an Earshot archive/) },
    })
    expect(await core.call('review.open', { path: livePath })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/live archive/) },
    })
    expect(ok<ReviewState>(await core.call('review.state', {})).review).toBeNull()
  })

  it('annotates with a note and tags and marks reviewed in an archive opened with changes allowed', async () => {
    const captured = capturedArchive()
    ok(await core.call('review.open', { path: captured.path, readOnly: false }))
    const page = ok<ReviewPage>(await core.call('review.search', { query: 'ford' }))
    const id = page.items.find((i) => i.mention.text.startsWith('Ford recall'))!.mention.id
    const annotated = ok(
      await core.call('review.annotate', { mentionId: id, note: ' check the VIN ', tags: ['Recall', 'vin'] }),
    )
    expect(annotated).toEqual({ mentionId: id, note: 'check the VIN', tags: ['recall', 'vin'], reviewed: false })
    expect(ok(await core.call('review.annotate', { mentionId: id, reviewed: true }))).toEqual({
      mentionId: id,
      note: 'check the VIN',
      tags: ['recall', 'vin'],
      reviewed: true,
    })
    expect(await core.call('review.annotate', { mentionId: id, tags: ['two words'] })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    expect(await core.call('review.annotate', { mentionId: 99_999, reviewed: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    ok(await core.call('review.close', {}))
    // The annotation lives in the reviewed file, not in the live archive.
    const db = openArchive(captured.path, { readonly: true })
    expect(db.prepare('SELECT note, reviewed FROM triage WHERE mention_id = ?').get(id)).toEqual({
      note: 'check the VIN',
      reviewed: 1,
    })
    db.close()
  })

  it('saves a copy that opens and has the same rows, even while ingest runs, and never overwrites', async () => {
    for (let i = 0; i < 20; i++) core.ingest.push([mentionInput({ text: `comcast post ${i}` })])
    core.ingest.flush()
    const dest = join(tempDir(), 'copy.sqlite')
    const copying = core.call('review.saveCopy', { path: dest })
    // More mentions arrive while the copy runs; the copy is one consistent snapshot either way.
    core.ingest.push([mentionInput({ text: 'comcast late arrival' })])
    const result = ok<{ path: string; mentionCount: number; bytes: number }>(await copying)
    expect(result.path).toBe(dest)
    expect(result.bytes).toBeGreaterThan(0)

    const live = openArchive(livePath, { readonly: true })
    const copy = openArchive(dest, { readonly: true })
    const rows = (db: typeof live, max: number) =>
      db.prepare('SELECT id, external_id, text FROM mentions WHERE id <= ? ORDER BY id').all(max)
    expect(result.mentionCount).toBeGreaterThanOrEqual(20)
    expect(rows(copy, 1e9)).toEqual(rows(live, result.mentionCount))
    expect(copy.prepare('SELECT count(*) AS n FROM column_hits').get()).toEqual(
      live.prepare('SELECT count(*) AS n FROM column_hits WHERE mention_id <= ?').get(result.mentionCount),
    )
    live.close()
    copy.close()

    expect(await core.call('review.saveCopy', { path: dest })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/already exists/) },
    })
    // And the copy can itself be opened for review.
    expect(ok<ReviewState>(await core.call('review.open', { path: dest })).review?.mentionCount).toBe(
      result.mentionCount,
    )
  })

  it('says the file dialog and PDF need the desktop app in browser mode', async () => {
    expect(await core.call('review.choosePath', { purpose: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    })
    expect(await core.call('reports.pdf', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } })
  })
})
