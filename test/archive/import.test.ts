// Imports through the core on a real archive file, fed in chunks over the
// contract as the UI does: bad rows are reported with their exact lines and
// skipped, the rest imports; sentiment is scored where a row lacks it;
// imported mentions land in the columns they match.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app/core'
import type { ImportProgress } from '../../src/shared/contracts/archive'
import type { Column } from '../../src/shared/domain'
import { ok, tempArchive, TEST_CORE } from '../helpers'

/** Feeds text in small chunks that split lines (and multi-byte characters' neighbours) anywhere. */
async function importText(
  core: Core,
  format: string,
  text: string,
  extra: object = {},
  size = 7,
): Promise<ImportProgress> {
  const { id } = ok<ImportProgress>(await core.call('import.start', { format, ...extra }))
  let progress: ImportProgress | undefined
  for (let i = 0; i < text.length || i === 0; i += size) {
    const last = i + size >= text.length
    progress = ok<ImportProgress>(await core.call('import.chunk', { id, text: text.slice(i, i + size), last }))
    if (last) break
  }
  return progress!
}

const row = (m: object) => m as Record<string, unknown>
const stored = (core: Core) =>
  core.db
    .prepare(
      'SELECT source, external_id, author_handle, text, created_at, sentiment, kind, ref_id, reply_to, url FROM mentions ORDER BY id',
    )
    .all() as Array<Record<string, unknown>>

describe('import', () => {
  let core: Core
  let column: Column
  beforeEach(async () => {
    core = createCore({ archivePath: tempArchive(), ...TEST_CORE })
    core.start()
    column = ok<Column>(await core.call('columns.create', { title: 'Delays', query: 'delay' }))
  })
  afterEach(() => core.stop())

  it('reports the exact bad lines of a malformed CSV export and imports the rest', async () => {
    const csv = [
      'id,created_at,author_handle,text,sentiment', // 1
      'a,2026-01-01T00:00:00Z,ann,"flight delay, again",', // 2
      'b,not a date,bob,hello,', // 3
      'c,2026-01-01T00:01:00Z,cy,"two', // 4
      'lines",0.5', // 5
      'd,2026-01-01T00:02:00Z,dee,"bad"quote,', // 6
      'e,2026-01-01T00:03:00Z,eve,too,many,fields', // 7
      '', // 8
      'f,2026-01-01T00:04:00Z,fay,,', // 9
      "g,1767225900,'@gus,'=SUM(1),-0.25", // 10
    ].join('\r\n')
    const progress = await importText(core, 'csv', csv)
    expect(progress).toMatchObject({ state: 'done', rows: 7, accepted: 3, badCount: 4, error: null })
    expect(progress.bad.map((b) => b.line)).toEqual([3, 6, 7, 9])
    expect(progress.bad[0]!.message).toMatch(/created_at "not a date" is not a date/)
    expect(progress.bad[2]!.message).toMatch(/expected 5 fields, found 6/)
    expect(progress.bad[3]!.message).toMatch(/no text/)
    const rows = stored(core)
    expect(rows.map((r) => r.external_id)).toEqual(['a', 'c', 'g'])
    // Earshot exports neutralise formulas; the import restores the text exactly.
    expect(rows[2]).toMatchObject({
      author_handle: '@gus'.replace(/^@/, ''),
      text: '=SUM(1)',
      sentiment: -0.25,
      source: 'import',
    })
    expect(rows[1]).toMatchObject({ text: 'two\r\nlines', sentiment: 0.5 })
    // No sentiment in the file: scored by the pipeline.
    expect(rows[0]!.sentiment).not.toBe(0)
    // Routed like a live mention.
    const hits = core.db.prepare('SELECT count(*) AS n FROM column_hits WHERE column_id = ?').get(column.id)
    expect(hits).toEqual({ n: 1 })
  })

  it('recovers after a quote that never closes', async () => {
    const lines = [
      'text,created_at',
      '"oops,2026-01-01',
      ...Array.from({ length: 600 }, (_, i) => `ok ${i},2026-01-02`),
    ]
    const progress = await importText(core, 'csv', lines.join('\n'), {}, 4096)
    expect(progress.bad).toEqual([{ line: 2, message: 'a quoted field is not closed' }])
    expect(progress.accepted).toBe(600)
  })

  it('imports twarc2 JSONL pages, reporting unreadable lines and posts', async () => {
    const page = (tweets: object[], users: object[], extra: object = {}) =>
      JSON.stringify({ data: tweets, includes: { users, ...extra }, meta: { result_count: tweets.length } })
    const ann = { id: '1', username: 'ann', name: 'Ann', public_metrics: { followers_count: 42 } }
    const bob = { id: '2', username: 'bob', name: 'Bob' }
    const text = [
      page(
        [
          {
            id: '100',
            text: 'JetBlue delay again',
            author_id: '1',
            created_at: '2026-01-01T00:00:00.000Z',
            lang: 'en',
          },
          {
            id: '101',
            text: '@bob yes',
            author_id: '1',
            in_reply_to_user_id: '2',
            referenced_tweets: [{ type: 'replied_to', id: '99' }],
          },
        ],
        [ann, bob],
        { tweets: [{ id: '99', text: 'q', author_id: '2' }] },
      ),
      '{"data": [',
      page([{ id: '102', text: 'no author here', author_id: '9' }], [ann]),
      JSON.stringify({ errors: [{ title: 'Not Found Error' }] }),
      '',
      JSON.stringify({
        data: { id: '103', text: 'streamed delay', author_id: '2' },
        includes: { users: [bob] },
        matching_rules: [],
      }),
      JSON.stringify({ hello: 'world' }),
    ].join('\n')
    const progress = await importText(core, 'twarc', text, {}, 50)
    expect(progress.bad.map((b) => [b.line, b.message])).toEqual([
      [2, expect.stringMatching(/^not JSON/)],
      [3, 'post 102: its author 9 is not in includes.users'],
      [7, expect.stringMatching(/not an X API v2 response page/)],
    ])
    expect(progress.accepted).toBe(3)
    const rows = stored(core)
    expect(rows.map(row)).toEqual([
      expect.objectContaining({
        source: 'x',
        external_id: '100',
        author_handle: 'ann',
        kind: 'post',
        url: 'https://x.com/ann/status/100',
        created_at: Date.UTC(2026, 0, 1),
      }),
      expect.objectContaining({ external_id: '101', kind: 'reply', ref_id: '99', reply_to: 'bob' }),
      expect.objectContaining({ external_id: '103', author_handle: 'bob' }),
    ])
    // No created_at: the time comes from the snowflake id.
    expect(rows[1]!.created_at).toBe(1_288_834_974_657)
    expect(core.db.prepare('SELECT count(*) AS n FROM column_hits WHERE column_id = ?').get(column.id)).toEqual({
      n: 2,
    })
  })

  it('imports X posts as the live stream reads them: links expanded, refAuthor, kind precedence, long text', async () => {
    const users = [
      { id: '1', username: 'ann' },
      { id: '2', username: 'JetBlue' },
    ]
    const quote = {
      id: '200',
      text: 'delay again, see https://t.co/q1',
      author_id: '1',
      created_at: '2026-01-02T00:00:00.000Z',
      referenced_tweets: [{ type: 'quoted', id: '150' }],
      entities: {
        urls: [{ start: 17, end: 32, url: 'https://t.co/q1', expanded_url: 'https://x.com/JetBlue/status/150' }],
      },
    }
    // X lists the quote first; a reply that quotes is a reply all the same.
    const replyQuoting = {
      id: '201',
      text: '@JetBlue still a delay',
      author_id: '1',
      created_at: '2026-01-02T00:01:00.000Z',
      in_reply_to_user_id: '2',
      referenced_tweets: [
        { type: 'quoted', id: '150' },
        { type: 'replied_to', id: '151' },
      ],
    }
    const long = `${'The delay board keeps changing and nobody at the gate knows anything at all. '.repeat(5)}https://t.co/l0ng`
    const at = Array.from(long).length - 'https://t.co/l0ng'.length
    const longPost = {
      id: '202',
      text: long.slice(0, 270),
      author_id: '1',
      created_at: '2026-01-02T00:02:00.000Z',
      note_tweet: {
        text: long,
        entities: {
          urls: [{ start: at, end: at + 17, url: 'https://t.co/l0ng', expanded_url: 'https://example.com/b' }],
        },
      },
    }
    const text = JSON.stringify({
      data: [quote, replyQuoting, longPost],
      includes: { users },
      meta: { result_count: 3 },
    })
    const progress = await importText(core, 'twarc', text, {}, 64)
    expect(progress).toMatchObject({ state: 'done', accepted: 3, badCount: 0 })
    const rows = core.db
      .prepare('SELECT external_id, text, kind, ref_id, reply_to, ref_author FROM mentions ORDER BY external_id')
      .all()
    expect(rows).toEqual([
      {
        external_id: '200',
        text: 'delay again, see https://x.com/JetBlue/status/150',
        kind: 'quote',
        ref_id: '150',
        reply_to: null,
        ref_author: 'JetBlue',
      },
      {
        external_id: '201',
        text: '@JetBlue still a delay',
        kind: 'reply',
        ref_id: '151',
        reply_to: 'JetBlue',
        ref_author: 'JetBlue',
      },
      {
        external_id: '202',
        text: long.replace('https://t.co/l0ng', 'https://example.com/b'),
        kind: 'post',
        ref_id: null,
        reply_to: null,
        ref_author: null,
      },
    ])
  })

  it('imports an X API v2 JSON document, numbering bad posts by position', async () => {
    const doc = JSON.stringify([
      {
        data: [
          { id: '1', text: 'hi', author_id: '7' },
          { id: 'x', text: 'bad id', author_id: '7' },
        ],
        includes: { users: [{ id: '7', username: 'zed' }] },
      },
      { data: [{ id: '2', text: 'there', author_id: '8' }], includes: { users: [] } },
    ])
    const progress = await importText(core, 'xjson', doc, {}, 100)
    expect(progress.bad).toEqual([
      { line: 2, message: 'post 2: a post id is digits' },
      { line: 3, message: 'post 2: its author 8 is not in includes.users' },
    ])
    expect(progress.accepted).toBe(1)
  })

  it('imports JSONL exports and generic CSV through a mapping', async () => {
    const jsonl = [
      JSON.stringify({
        id: 'j1',
        created_at: '2026-02-01T00:00:00.000Z',
        text: 'a delay',
        source: 'mastodon',
        sentiment: 0.9,
      }),
      '[1, 2]',
      JSON.stringify({ id: 'j2', created_at: 1767225600000, text: 'b' }),
    ].join('\n')
    const p1 = await importText(core, 'jsonl', jsonl)
    expect(p1.bad).toEqual([{ line: 2, message: 'not a JSON object' }])
    const generic = 'When;Who;Body\n2026-03-01 10:00;@kim;"=fine, delay"\n'.replace(/;/g, ',')
    const preview = ok<{ headers: string[]; mapping: object }>(await core.call('import.preview', { text: generic }))
    expect(preview.headers).toEqual(['When', 'Who', 'Body'])
    expect(preview.mapping).toEqual({ created_at: 'When', author_handle: 'Who', text: 'Body' })
    const bad = await importText(core, 'csv', generic, { mapping: { text: 'Body', created_at: 'Nope' } })
    expect(bad).toMatchObject({ state: 'failed', error: 'no column named "Nope" in the file\'s header' })
    const p2 = await importText(core, 'csv', generic, {
      mapping: { text: 'Body', created_at: 'When', author_handle: 'Who' },
    })
    expect(p2).toMatchObject({ state: 'done', accepted: 1, badCount: 0 })
    const rows = stored(core)
    expect(rows.map(row)).toEqual([
      expect.objectContaining({ source: 'mastodon', external_id: 'j1', sentiment: 0.9 }),
      expect.objectContaining({ source: 'import', external_id: 'j2', author_handle: 'unknown' }),
      // A generic CSV is not un-neutralised: its text is taken as it is.
      expect.objectContaining({
        source: 'import',
        author_handle: 'kim',
        text: '=fine, delay',
        external_id: expect.stringMatching(/^sha1:/),
      }),
    ])
    // Importing the same file again stores nothing new.
    await importText(core, 'csv', generic, { mapping: { text: 'Body', created_at: 'When', author_handle: 'Who' } })
    expect(stored(core)).toHaveLength(3)
  })

  it('refuses a CSV that is not an export without a mapping, and cancels', async () => {
    const p = await importText(core, 'csv', 'a,b\n1,2\n')
    expect(p).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/not an Earshot export .*needs text and created_at/),
    })
    const { id } = ok<ImportProgress>(await core.call('import.start', { format: 'jsonl' }))
    const cancelled = ok<ImportProgress>(await core.call('import.cancel', { id }))
    expect(cancelled.state).toBe('cancelled')
    expect(await core.call('import.start', { format: 'twarc', mapping: { text: 'x' } })).toMatchObject({ ok: false })
  })
})

describe('time parsing', () => {
  it('reads ISO-8601, zone-less times as UTC, and epoch seconds or milliseconds', async () => {
    const { parseTime } = await import('../../src/main/core/archive/import/records')
    expect(parseTime('2026-01-02T09:00:00.000Z')).toBe(Date.UTC(2026, 0, 2, 9))
    expect(parseTime('2026-01-02 09:00')).toBe(Date.UTC(2026, 0, 2, 9))
    expect(parseTime('2026-01-02T09:00:00+02:00')).toBe(Date.UTC(2026, 0, 2, 7))
    expect(parseTime('1767344400')).toBe(Date.UTC(2026, 0, 2, 9))
    expect(parseTime(1767344400000)).toBe(Date.UTC(2026, 0, 2, 9))
    expect(parseTime('Fri, 02 Jan 2026 09:00:00 GMT')).toBe(Date.UTC(2026, 0, 2, 9))
    expect(parseTime('soon')).toBeNull()
    expect(parseTime('')).toBeNull()
  })
})
