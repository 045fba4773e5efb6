// Parallel export (worker threads over consecutive slices) writes byte for byte
// what the one-thread export writes, in order, for both scopes and formats;
// a destination that fails stops them.
// Uses the built worker: needs `npm run build` first.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough, Writable } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/app/core'
import { planParallel, writeExport, type ExportRunOptions } from '../../src/main/core/archive/export'
import { openReader } from '../../src/main/core/store/db'
import { storeOf } from '../../src/main/core/store/store'
import { exportQuery, type ExportQuery } from '../../src/main/core/store/export-rows'
import { EXPORT_FIELDS, type ExportFormat } from '../../src/shared/contracts/archive'
import type { Column } from '../../src/shared/domain'
import { mentionInput, tempArchive } from '../helpers'

const WORKER = join(__dirname, '../../out/main/export-worker.js')
const ROWS = 4_321

async function exportText(
  archivePath: string,
  format: ExportFormat,
  query: (reader: ReturnType<typeof openReader>) => ExportQuery,
  workers: number | null,
  extra: ExportRunOptions = {},
): Promise<string> {
  const reader = openReader(archivePath)
  try {
    const q = query(reader)
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (d: Buffer) => chunks.push(d))
    // Small slices: many of them, finishing out of order across the workers.
    const parallel = workers === null ? undefined : { script: WORKER, archivePath, workers, sliceRows: 97 }
    await writeExport(storeOf(reader).read, { format, fields: [...EXPORT_FIELDS], bom: true }, q, out, {
      ...extra,
      parallel,
    })
    return Buffer.concat(chunks).toString('utf8')
  } finally {
    reader.close()
  }
}

describe('parallel export', () => {
  let archivePath: string
  let column: Column
  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first`)
    archivePath = tempArchive()
    const core = createCore({ archivePath, mode: 'browser', version: 'test', demo: { enabled: false } })
    core.start()
    const created = await core.call('columns.create', { title: 'Outages', query: 'outage' })
    if (!created.ok) throw new Error(created.error.message)
    column = created.result as Column
    await core.call('columns.create', { title: 'Fixes', query: 'fix' })
    const T0 = Date.UTC(2026, 0, 1)
    // Times out of capture order, so the column's time order and the capture order differ.
    core.ingest.push(
      Array.from({ length: ROWS }, (_, i) =>
        mentionInput({
          externalId: `m${i}`,
          createdAt: T0 + ((i * 7_919) % ROWS) * 1_000,
          text: i % 3 === 0 ? `outage ${i}, "quoted", =SUM(A1)` : `fix ${i} ünïcödé 😀`,
        }),
      ),
    )
    core.ingest.flush()
    core.stop()
  })

  it('plans worker threads for a large whole-archive, filtered or column export, never for one that searches words', () => {
    const reader = openReader(archivePath)
    try {
      const plan = (scope: Parameters<typeof exportQuery>[1]['scope']) =>
        planParallel(50_000, exportQuery(reader, { scope, fields: ['id'] }, ''), { script: WORKER, archivePath }, 2)
      expect(plan({ kind: 'query', query: '' })).toMatchObject({ workers: 2 })
      expect(plan({ kind: 'query', query: 'lang:en' })).toMatchObject({ workers: 2 })
      expect(plan({ kind: 'column', columnId: column.id })).toMatchObject({ workers: 2 })
      expect(plan({ kind: 'query', query: 'outage' })).toBeUndefined()
      expect(plan({ kind: 'query', query: 'lang:en -"quoted"' })).toBeUndefined()
    } finally {
      reader.close()
    }
  })

  for (const format of ['csv', 'jsonl'] as const) {
    it(`writes what one thread writes (${format}, whole archive and a column)`, async () => {
      const all = (r: ReturnType<typeof openReader>) =>
        exportQuery(r, { scope: { kind: 'query', query: '' }, fields: [...EXPORT_FIELDS] }, '')
      const one = await exportText(archivePath, format, all, null)
      expect(one.split('\n').filter(Boolean).length).toBe(ROWS + (format === 'csv' ? 1 : 0))
      for (const workers of [1, 2, 3]) expect(await exportText(archivePath, format, all, workers)).toBe(one)

      const byColumn = (r: ReturnType<typeof openReader>) =>
        exportQuery(r, { scope: { kind: 'column', columnId: column.id }, fields: [...EXPORT_FIELDS] }, '')
      const col = await exportText(archivePath, format, byColumn, null)
      expect(await exportText(archivePath, format, byColumn, 3)).toBe(col)
    })
  }

  it('stops its workers when the destination goes away', async () => {
    const reader = openReader(archivePath)
    try {
      const q = exportQuery(reader, { scope: { kind: 'query', query: '' }, fields: [...EXPORT_FIELDS] }, '')
      let taken = 0
      const failing = new Writable({
        highWaterMark: 1,
        write(_chunk, _enc, done) {
          done(++taken === 3 ? new Error('disk full') : null)
        },
      })
      const run = writeExport(
        storeOf(reader).read,
        { format: 'csv', fields: [...EXPORT_FIELDS], bom: false },
        q,
        failing,
        {
          parallel: { script: WORKER, archivePath, workers: 2, sliceRows: 50 },
        },
      )
      await expect(run).rejects.toThrow('disk full')
    } finally {
      reader.close()
    }
  })
})
