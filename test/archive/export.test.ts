// Exports through the core on a real archive file: a column, a query, a time
// range; chosen fields; triage and tags; progress and cancel; clear errors.
import { parse } from 'csv-parse/sync'
import { PassThrough, Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app/core'
import type { Column } from '../../src/shared/domain'
import type { ExportJob, ExportProgress } from '../../src/shared/contracts/archive'
import { mentionInput, ok, tempArchive, TEST_CORE } from '../helpers'

async function collect(core: Core, job: ExportJob): Promise<{ text: string; progress: ExportProgress }> {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (d: Buffer) => parts.push(d))
  const progress = await core.archive.exports.run(job.id, out)
  return { text: Buffer.concat(parts).toString('utf8'), progress }
}

describe('export', () => {
  let core: Core
  let column: Column
  const T0 = Date.UTC(2026, 0, 1)
  beforeEach(async () => {
    core = createCore({ archivePath: tempArchive(), ...TEST_CORE })
    core.start()
    column = ok<Column>(await core.call('columns.create', { title: 'Outages', query: 'outage' }))
    await core.call('columns.create', { title: 'Again', query: 'again' })
    core.ingest.push([
      mentionInput({
        externalId: 'a',
        createdAt: T0,
        text: 'big outage, "again"\nugh',
        author: { handle: 'ann', name: '=cmd', followers: 5, avatarUrl: null, verified: false },
      }),
      mentionInput({ externalId: 'b', createdAt: T0 + 60_000, text: 'I love this outage fix 😀' }),
      mentionInput({ externalId: 'c', createdAt: T0 + 120_000, text: 'The store opens at 9 on Monday' }),
    ])
    core.ingest.flush()
    const id = (core.db.prepare("SELECT id FROM mentions WHERE external_id = 'a'").get() as { id: number }).id
    core.db
      .prepare('INSERT INTO triage (mention_id, done, assignee, note, updated_at) VALUES (?, 0, ?, ?, 0)')
      .run(id, 'sam', '+1 follow up')
    core.db.prepare("INSERT INTO mention_reads (reader, mention_id) VALUES ('', ?)").run(id)
    core.db.prepare('INSERT INTO mention_tags (mention_id, tag) VALUES (?, ?), (?, ?)').run(id, 'vip', id, 'billing')
  })
  afterEach(() => core.stop())

  it('exports a column as CSV with the chosen fields, triage, tags and matched columns', async () => {
    const job = ok<ExportJob>(
      await core.call('export.start', {
        scope: { kind: 'column', columnId: column.id },
        format: 'csv',
        fields: ['id', 'created_at', 'author_name', 'text', 'columns', 'read', 'assignee', 'tags', 'note'],
        bom: true,
      }),
    )
    expect(job.total).toBe(2)
    expect(job.filename).toMatch(/^earshot-outages-\d{8}-\d{4}\.csv$/)
    const { text, progress } = await collect(core, job)
    expect(progress).toMatchObject({ state: 'done', rows: 2, total: 2 })
    expect(text.startsWith('\ufeff')).toBe(true)
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toEqual([
      {
        id: 'a',
        created_at: '2026-01-01T00:00:00.000Z',
        author_name: "'=cmd",
        text: 'big outage, "again"\nugh',
        // Every column the mention is in, in display order.
        columns: 'Outages; Again',
        read: 'true',
        assignee: 'sam',
        tags: 'billing; vip',
        note: "'+1 follow up",
      },
      expect.objectContaining({ id: 'b', read: 'false', tags: '', note: '', columns: 'Outages' }),
    ])
  })

  it("reads a column's watermark into its read field, and only there", async () => {
    const b = core.db.prepare("SELECT id, created_at FROM mentions WHERE external_id = 'b'").get() as {
      id: number
      created_at: number
    }
    ok(await core.call('triage.markReadUpTo', { columnId: column.id, cursor: { createdAt: b.created_at, id: b.id } }))
    const readOf = async (scope: { kind: 'column'; columnId: string } | { kind: 'query'; query: string }) => {
      const job = ok<ExportJob>(await core.call('export.start', { scope, format: 'jsonl', fields: ['id', 'read'] }))
      const { text } = await collect(core, job)
      return text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; read: boolean })
    }
    // In the column, b is at the watermark, as its card shows; a was marked read by hand.
    expect(await readOf({ kind: 'column', columnId: column.id })).toEqual([
      { id: 'a', read: true },
      { id: 'b', read: true },
    ])
    // Outside a column only what was marked read by hand counts.
    expect(await readOf({ kind: 'query', query: '' })).toEqual([
      { id: 'a', read: true },
      { id: 'b', read: false },
      { id: 'c', read: false },
    ])
  })

  it('exports a query over a time range as JSONL', async () => {
    const job = ok<ExportJob>(
      await core.call('export.start', {
        scope: { kind: 'query', query: '' },
        format: 'jsonl',
        fields: ['id', 'sentiment_label', 'tags', 'done'],
        since: T0 + 60_000,
        until: T0 + 180_000,
      }),
    )
    const { text } = await collect(core, job)
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines).toEqual([
      { id: 'b', sentiment_label: 'positive', tags: [], done: false },
      { id: 'c', sentiment_label: 'neutral', tags: [], done: false },
    ])
  })

  it('refuses a bad query, a missing column, no fields and a backwards range with clear errors', async () => {
    const bad = await core.call('export.start', {
      scope: { kind: 'query', query: '(oops' },
      format: 'csv',
      fields: ['id'],
    })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/invalid query/) },
    })
    const missing = await core.call('export.start', {
      scope: { kind: 'column', columnId: 'nope' },
      format: 'csv',
      fields: ['id'],
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const none = await core.call('export.start', { scope: { kind: 'query', query: '' }, format: 'csv', fields: [] })
    expect(none).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/at least one field/) },
    })
    const backwards = await core.call('export.start', {
      scope: { kind: 'query', query: '' },
      format: 'csv',
      fields: ['id'],
      since: 10,
      until: 5,
    })
    expect(backwards).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    const save = await core.call('export.save', { id: 'x' })
    expect(save).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('streams with backpressure, keeps capture writing meanwhile, and cancels', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) =>
      mentionInput({ externalId: `m${i}`, text: `outage number ${i}` }),
    )
    core.ingest.push(many)
    core.ingest.flush()
    const job = ok<ExportJob>(
      await core.call('export.start', {
        scope: { kind: 'query', query: 'outage' },
        format: 'csv',
        fields: ['id', 'text'],
      }),
    )
    expect(job.total).toBe(5_002)
    const events: ExportProgress[] = []
    core.hub.subscribe((name, payload) => name === 'export.progress' && events.push(payload as ExportProgress))
    // A destination that takes one chunk and then stalls, as a slow download does.
    let taken = 0
    const stalled = new Writable({
      highWaterMark: 1,
      write(_chunk, _enc, done) {
        if (++taken === 1) done()
      },
    })
    const run = core.archive.exports.run(job.id, stalled)
    await new Promise((r) => setTimeout(r, 50))
    // The export's read connection does not hold up the writer.
    core.ingest.push([mentionInput({ externalId: 'during', text: 'outage during export' })])
    core.ingest.flush()
    expect(core.db.prepare("SELECT count(*) AS n FROM mentions WHERE external_id = 'during'").get()).toEqual({ n: 1 })
    expect(ok<ExportProgress>(await core.call('export.cancel', { id: job.id })).state).toBe('running')
    const final = await run
    expect(final.state).toBe('cancelled')
    expect(final.rows).toBeLessThan(5_002)
    expect(events.map((e) => e.state)).toContain('cancelled')
    // A finished job cannot run twice.
    await expect(core.archive.exports.run(job.id, new PassThrough())).rejects.toThrow(/not found/)
  })
})
