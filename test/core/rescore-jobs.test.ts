// The console's re-score job, through the core's commands: the status of the
// live archive and of one under review, a job with progress events that is
// resumable after a stop, columns that filter on sentiment rebuilt, and the
// refusals (a read-only review file, a second job at once).
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Column } from '../../src/shared/domain'
import type { RescoreProgress, RescoreStatus } from '../../src/shared/contracts/sentiment'
import { createCore, type Core } from '../../src/main/core/app/core'
import { openArchive } from '../../src/main/core/store/db'
import { insertMention } from '../../src/main/core/store/mentions'
import { SCORER } from '../../src/main/core/sentiment/scorer'
import { toMatchInput } from '../../src/shared/query/match-input'
import { mentionInput, ok, tempDir, TEST_CORE } from '../helpers'

const ANGRY = 'El servicio de Movistar es un desastre, llevo tres días sin internet'
const HAPPY = 'I love JetBlue, the crew was amazing!'

/** An archive whose mentions VADER scored (all neutral), as one from before the model. */
function vaderArchive(path: string, texts: ReadonlyArray<readonly [string, string | null]>): void {
  const db = openArchive(path)
  db.transaction(() => {
    texts.forEach(([text, lang], i) => {
      const m = {
        ...mentionInput({ externalId: `v${i}`, text, lang, createdAt: 1_000 + i }),
        receivedAt: 1,
        sentiment: 0,
      }
      insertMention(
        db,
        { ...m, sentimentLabel: 'neutral', sentimentScorer: 'vader/1' },
        toMatchInput({ ...m, sentimentLabel: 'neutral' }),
      )
    })
  })()
  db.close()
}

function progressOf(core: Core): RescoreProgress[] {
  const seen: RescoreProgress[] = []
  core.hub.subscribe((name, payload) => {
    if (name === 'rescore.progress') seen.push(payload as RescoreProgress)
  })
  return seen
}

async function finished(core: Core, seen: RescoreProgress[], id: string): Promise<RescoreProgress> {
  for (let i = 0; i < 500; i++) {
    const over = seen.find((p) => p.id === id && p.state !== 'running')
    if (over) return over
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`re-score ${id} did not finish`)
}

describe('re-score job', () => {
  let core: Core | undefined
  afterEach(async () => {
    await core?.stop()
    core = undefined
  })

  it('re-scores the live archive, rebuilds sentiment columns and reports progress', async () => {
    const dir = tempDir()
    const path = join(dir, 'live.sqlite')
    vaderArchive(path, [
      [ANGRY, 'es'],
      ['このサービスは最悪です', null],
      [HAPPY, 'en'],
    ])
    core = createCore({ archivePath: path, ...TEST_CORE })
    core.start()
    const seen = progressOf(core)
    const angry = ok<Column>(await core.call('columns.create', { title: 'Angry', query: 'sentiment:negative' }))
    const before = ok<{ items: unknown[] }>(await core.call('mentions.page', { columnId: angry.id }))
    expect(before.items).toHaveLength(0)

    const status = ok<RescoreStatus>(await core.call('rescore.status', { target: 'live' }))
    expect(status).toMatchObject({ path, current: SCORER, stale: 3, blocked: null, job: null })
    expect(status.scorers).toEqual([{ scorer: 'vader/1', count: 3 }])

    const started = ok<RescoreProgress>(await core.call('rescore.start', { target: 'live' }))
    const over = await finished(core, seen, started.id)
    expect(over).toMatchObject({ state: 'done', done: 3, total: 3, refilled: 1, error: null, target: 'live' })

    const after = ok<{ items: { text: string; sentimentLabel: string }[] }>(
      await core.call('mentions.page', { columnId: angry.id }),
    )
    expect(after.items.map((m) => [m.text, m.sentimentLabel])).toEqual([[ANGRY, 'negative']])
    const unscored = ok<Column>(await core.call('columns.create', { title: 'Other', query: 'sentiment:unscored' }))
    const other = ok<{ items: { text: string }[] }>(await core.call('mentions.page', { columnId: unscored.id }))
    expect(other.items.map((m) => m.text)).toEqual(['このサービスは最悪です'])

    const again = ok<RescoreStatus>(await core.call('rescore.status', { target: 'live' }))
    expect(again.stale).toBe(0)
    expect(again.scorers).toEqual([{ scorer: SCORER, count: 3 }])
    expect(again.job).toMatchObject({ id: started.id, state: 'done' })
  })

  it('keeps what a stopped job did and goes on from there the next time', async () => {
    const dir = tempDir()
    const path = join(dir, 'big.sqlite')
    vaderArchive(
      path,
      Array.from(
        { length: 2_500 },
        (_, i) => [i % 2 ? `${HAPPY} #${i}` : `${ANGRY} #${i}`, i % 2 ? 'en' : 'es'] as const,
      ),
    )
    core = createCore({ archivePath: path, ...TEST_CORE })
    core.start()
    const seen = progressOf(core)
    const first = ok<RescoreProgress>(await core.call('rescore.start', { target: 'live' }))
    expect(await core.call('rescore.start', { target: 'live' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already running/) },
    })
    const stopped = ok<RescoreProgress>(await core.call('rescore.cancel', { id: first.id }))
    expect(stopped.state).toBe('cancelled')
    expect(stopped.done).toBeLessThan(2_500)
    const left = ok<RescoreStatus>(await core.call('rescore.status', { target: 'live' }))
    expect(left.stale).toBe(2_500 - stopped.done)

    const second = ok<RescoreProgress>(await core.call('rescore.start', { target: 'live' }))
    const over = await finished(core, seen, second.id)
    expect(over).toMatchObject({ state: 'done', done: 2_500 - stopped.done })
    expect(ok<RescoreStatus>(await core.call('rescore.status', { target: 'live' })).stale).toBe(0)
    expect(await core.call('rescore.cancel', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('re-scores the archive under review only when it was opened for changes', async () => {
    const dir = tempDir()
    const live = join(dir, 'live.sqlite')
    const other = join(dir, 'other.sqlite')
    vaderArchive(live, [[HAPPY, 'en']])
    vaderArchive(other, [
      [ANGRY, 'es'],
      [HAPPY, 'en'],
    ])
    core = createCore({ archivePath: live, ...TEST_CORE })
    core.start()
    const seen = progressOf(core)
    expect(await core.call('rescore.status', { target: 'review' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })

    ok(await core.call('review.open', { path: other, readOnly: true }))
    const readOnly = ok<RescoreStatus>(await core.call('rescore.status', { target: 'review' }))
    expect(readOnly).toMatchObject({ path: other, stale: 2, blocked: expect.stringMatching(/read-only/) })
    expect(await core.call('rescore.start', { target: 'review' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/Allow changes/) },
    })

    ok(await core.call('review.open', { path: other, readOnly: false }))
    const started = ok<RescoreProgress>(await core.call('rescore.start', { target: 'review' }))
    expect(await finished(core, seen, started.id)).toMatchObject({
      state: 'done',
      done: 2,
      target: 'review',
      path: other,
    })
    expect(ok<RescoreStatus>(await core.call('rescore.status', { target: 'review' })).stale).toBe(0)
    // The live archive was not touched.
    expect(ok<RescoreStatus>(await core.call('rescore.status', { target: 'live' })).stale).toBe(1)
  })
})
