// Reports built in the report worker (its own read-only connection) are the
// reports built on the core's thread, over real archive files: the live one
// and one under review; the worker's errors are the in-thread errors; a view's
// newer report replaces its older one, and identical reports are built once.
// Uses the built worker: needs `npm run build` first.
import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app/core'
import { ReportRunner, type ReportTarget } from '../../src/main/core/reports/report-runner'
import { openArchive } from '../../src/main/core/store/db'
import type { Db } from '../../src/main/core/store/db-types'
import { ReportRequestSchema, type Report, type ReviewState } from '../../src/shared/contracts/reports'
import type { Reply } from '../../src/shared/contract'
import { ok, tempArchive, TEST_CORE } from '../helpers'
import { HOUR, seedColumns, seedMentions, T0, type Seed } from './fixtures'
import { storeOf } from '../../src/main/core/store/store'

const WORKER = join(__dirname, '../../out/main/report-worker.js')
const LABELS = ['positive', 'neutral', 'negative'] as const
const TAGS = ['#outage', '#fixed', '#wifi', '#delay']

/** More mentions than the top lists' sample, over two days, in three columns that overlap. */
function busyArchive(path: string, n = 6_500): Record<string, string> {
  const db = openArchive(path)
  const ids = seedColumns(db, { Comcast: 'comcast', JetBlue: 'jetblue', Oreo: 'oreo' })
  const seeds: Seed[] = Array.from({ length: n }, (_, i) => ({
    at: T0 + ((i * 7_919) % (48 * 60)) * 60_000 + i,
    text: `${i % 2 ? 'comcast' : 'jetblue'} post ${i % 97} about router${i % 13} ${TAGS[i % 4]} ${i % 5 ? '' : 'oreo'}`,
    handle: `user${i % 41}`,
    label: LABELS[i % 3],
    columns: [i % 2 ? 'Comcast' : 'JetBlue', ...(i % 5 ? [] : ['Oreo'])],
  }))
  seedMentions(db, ids, seeds)
  db.close()
  return ids
}

const request = (columnIds: string[], since: number, until: number) =>
  ReportRequestSchema.parse({ columnIds, since, until })

describe('reports in the report worker', () => {
  let path: string
  let ids: Record<string, string>
  let db: Db
  let target: ReportTarget
  const inThread = new ReportRunner({ livePath: '' })
  let inWorker: ReportRunner
  beforeAll(() => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first`)
    path = tempArchive()
    ids = busyArchive(path)
    db = openArchive(path)
    target = { store: storeOf(db), path, review: false }
    inWorker = new ReportRunner({ script: WORKER, livePath: path })
  })
  afterAll(async () => {
    await inWorker.close()
    db.close()
  })

  it('are the reports built on this thread, for one column, several, a sampled range and an empty one', async () => {
    const cases = [
      request([ids['Comcast']!], T0, T0 + 48 * HOUR),
      request([ids['Comcast']!, ids['JetBlue']!, ids['Oreo']!], T0, T0 + 48 * HOUR),
      request([ids['Oreo']!, ids['JetBlue']!], T0 + 5 * HOUR, T0 + 7 * HOUR),
      request([ids['Oreo']!], T0 - 48 * HOUR, T0),
    ]
    for (const r of cases) {
      const here = await inThread.report(target, r)
      const there = await inWorker.report(target, r)
      expect(there).toEqual(here)
      expect(there.archive).toEqual({ path, review: false })
    }
    const sampled = await inWorker.report(target, cases[1]!)
    expect(sampled.total).toBe(6_500)
    expect(sampled.top.sampled).toBeLessThan(sampled.total)
  })

  it("replace a view's older report, waiting or already running, with its newer one", async () => {
    const whole = request([ids['Comcast']!, ids['JetBlue']!], T0, T0 + 48 * HOUR)
    const day = request([ids['Comcast']!, ids['JetBlue']!], T0, T0 + 24 * HOUR)
    const hour = request([ids['Comcast']!, ids['JetBlue']!], T0, T0 + HOUR)
    // The first goes to the worker at once; the view's next one abandons it there.
    const running = inWorker.report(target, whole, 'view-a')
    const newer = inWorker.report(target, day, 'view-a')
    // Another view's report waits behind; its own newer one takes its place in the queue.
    const waiting = inWorker.report(target, hour, 'view-b')
    const newest = inWorker.report(target, whole, 'view-b')
    const replaced = { code: 'conflict', message: expect.stringMatching(/newer report/) }
    await expect(running).rejects.toMatchObject(replaced)
    await expect(waiting).rejects.toMatchObject(replaced)
    expect(await newer).toEqual(await inThread.report(target, day))
    expect(await newest).toEqual(await inThread.report(target, whole))
    // A view that asks again for the report it is waiting for keeps waiting for it.
    const again = [inWorker.report(target, hour, 'view-c'), inWorker.report(target, hour, 'view-c')]
    expect(await again[1]).toEqual(await inThread.report(target, hour))
    expect(await again[0]).toBe(await again[1])
  })

  it('build a report asked for twice at once only once', async () => {
    const r = request([ids['Oreo']!], T0, T0 + 24 * HOUR)
    const [a, b] = await Promise.all([inWorker.report(target, r), inWorker.report(target, r)])
    // One structured clone from the worker, handed to both callers.
    expect(a).toBe(b)
    expect(a).toEqual(await inThread.report(target, r))
  })
})

describe('the report worker in the core', () => {
  let cores: Core[] = []
  afterEach(async () => {
    await Promise.all(cores.map((c) => c.stop()))
    cores = []
  })
  const start = (archivePath: string, reportWorker?: string) => {
    const core = createCore({ archivePath, ...TEST_CORE, ...(reportWorker ? { reportWorker } : {}) })
    core.start()
    cores.push(core)
    return core
  }

  it('reads the archive under review, not the live one, and the live one again after', async () => {
    const reviewed = tempArchive()
    const reviewedIds = busyArchive(reviewed, 300)
    const livePath = tempArchive()
    const live = start(livePath, WORKER)
    const liveColumns = ok<{ id: string }[]>(await live.call('reports.columns', {}))
    ok<ReviewState>(await live.call('review.open', { path: reviewed }))

    const r = { columnIds: [reviewedIds['Comcast']!, reviewedIds['Oreo']!], since: T0, until: T0 + 48 * HOUR }
    const report = ok<Report>(await live.call('reports.get', { ...r, view: 'v' }))
    expect(report.archive).toEqual({ path: reviewed, review: true })
    expect(report.columns.map((c) => c.total)).toEqual([150, 60])
    const csv = ok<{ csv: string }>(await live.call('reports.csv', r)).csv
    expect(csv.split('\r\n')[1]).toContain('Comcast')
    // The live archive has none of these columns: reading it would have been not_found.
    expect(await live.call('reports.get', { ...r, columnIds: [liveColumns[0]!.id] })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: `column ${liveColumns[0]!.id} in the archive under review not found` },
    })

    ok(await live.call('review.close', {}))
    const back = ok<Report>(
      await live.call('reports.get', { columnIds: [liveColumns[0]!.id], since: T0, until: T0 + HOUR }),
    )
    expect(back.archive).toEqual({ path: livePath, review: false })
  })

  it('reads the file now at the review path, after another file took the place of the one reviewed before', async () => {
    const path = tempArchive()
    const first = busyArchive(path, 30)
    const live = start(tempArchive(), WORKER)
    const r = (ids: Record<string, string>) => ({ columnIds: [ids['Comcast']!], since: T0, until: T0 + 48 * HOUR })
    ok(await live.call('review.open', { path }))
    expect(ok<Report>(await live.call('reports.get', r(first))).total).toBe(15)
    ok(await live.call('review.close', {}))

    const other = tempArchive()
    const second = busyArchive(other, 60)
    renameSync(other, path)
    ok(await live.call('review.open', { path }))
    expect(ok<Report>(await live.call('reports.get', r(second))).total).toBe(30)
  })

  it('gives the same clear error as the core thread for a column that does not exist', async () => {
    const withWorker = start(tempArchive(), WORKER)
    const without = start(tempArchive())
    const bad = { columnIds: ['no-such-column'], since: T0, until: T0 + HOUR }
    const errors: Reply[] = []
    for (const core of [withWorker, without]) {
      errors.push(await core.call('reports.get', bad), await core.call('reports.csv', bad))
    }
    for (const reply of errors)
      expect(reply).toEqual({ ok: false, error: { code: 'not_found', message: 'column no-such-column not found' } })
  })
})
