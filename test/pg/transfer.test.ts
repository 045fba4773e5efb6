// `earshot migrate` (store/transfer.ts): a 100k archive with triage, tags,
// tombstones and the rest goes SQLite -> PostgreSQL -> SQLite and comes back
// identical, table by table; a stopped copy resumes without a duplicate;
// destinations holding another archive are refused.
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAnyArchive } from '../../src/main/core/store/archive'
import { openStore, type Store } from '../../src/main/core/store/store'
import { ARCHIVE_TABLES, transferArchive, TransferRefused } from '../../src/main/core/store/transfer'
import { compileColumnQuery } from '../../src/shared/query/column-query'
import { mentionInput, tempArchive } from '../helpers'
import { earshot } from '../cli-run'
import { freshDatabase, type TestDatabase } from './database'

const N = 100_000
const WORDS = ['comcast', 'outage', 'café', 'refund', 'thanks', 'down', 'again', 'support', 'línea', 'fibre']

function buildArchive(path: string, n: number): void {
  const store: Store = openStore(path)
  try {
    const { write } = store
    const a = write.createColumn({ title: 'Outage', query: 'outage' }, parse('outage'), 1)
    write.createColumn({ title: 'Cafe', query: 'café' }, parse('café'), 2)
    const route = (input: { tokenSet: ReadonlySet<string> }) => (input.tokenSet.has('outage') ? [a.id] : [])
    for (let start = 0; start < n; start += 5_000) {
      const batch = Array.from({ length: Math.min(5_000, n - start) }, (_, j) => {
        const i = start + j
        const text = `${WORDS[i % 10]} ${WORDS[(i * 7) % 10]} #tag${i % 13} @who${i % 5} n${i} it's "quoted" \\ ok`
        return {
          ...mentionInput({ externalId: `m-${i}`, text, createdAt: 1_700_000_000_000 + i * 1000 }),
          source: (['x', 'bluesky', 'mastodon', 'appstore'] as const)[i % 4]!,
          receivedAt: 1_700_000_000_000 + i * 1000 + 5,
          sentiment: ((i % 200) - 100) / 100.3,
          sentimentLabel: (['negative', 'neutral', 'positive'] as const)[i % 3]!,
          sentimentScorer: i % 2 ? 'model/3' : 'vader/1',
          ...(i % 4 === 3 ? { rating: (i % 5) + 1 } : {}),
          ...(i % 11 === 0 ? { title: `Title ${i}`, warning: null, replyTo: `who${i % 5}` } : {}),
        }
      })
      write.commitMentions(batch, route)
    }
    write.setTriage(
      '',
      [1, 2, 3, 500, 99_000].filter((id) => id <= n),
      { done: true, assignee: 'Dana', note: 'on it', tags: ['billing', 'vip'] },
      10,
    )
    write.setTriage('Dana', [4, 5], { read: true, reviewed: true }, 11)
    write.setTriage('', [6], { read: true }, 11)
    write.tombstoneMentions('x', ['m-8', 'm-12', `m-${n - 4}`], 12)
    write.saveCanned({ title: 'Mine', text: 'Hello {{author}}' }, 13)
    write.deleteCanned(1)
    write.openGap('x', 20, 'stream dropped')
    write.setCursor('x', 'since_id', '12345', 21)
    write.enqueueReply({
      key: 'k1',
      source: 'x',
      mentionId: 7,
      targetId: 'm-6',
      mode: 'reply',
      text: 'Sorry!',
      now: 22,
    })
  } finally {
    store.close()
  }
}

function parse(q: string) {
  const c = compileColumnQuery(q)
  if (!c.ok) throw new Error(c.error.message)
  return c.ast
}

/** Every archive table's rows in key order. */
function tables(path: string): Record<string, unknown[][]> {
  const db = new Database(path, { readonly: true })
  try {
    return Object.fromEntries(
      ARCHIVE_TABLES.map(({ name, key }) => [
        name,
        db
          .prepare(`SELECT * FROM "${name}" ORDER BY ${key.map((k) => `"${k}"`).join(', ')}`)
          .raw()
          .all() as unknown[][],
      ]),
    )
  } finally {
    db.close()
  }
}

function expectSameTables(a: Record<string, unknown[][]>, b: Record<string, unknown[][]>): void {
  for (const { name } of ARCHIVE_TABLES) {
    const x = a[name]!
    const y = b[name]!
    expect(y.length, `${name} rows`).toBe(x.length)
    const first = x.findIndex((row, i) => JSON.stringify(row) !== JSON.stringify(y[i]))
    if (first >= 0) expect(y[first], `${name} row ${first}`).toEqual(x[first])
  }
}

describe('earshot migrate: moving an archive between SQLite and PostgreSQL', () => {
  const original = tempArchive()
  let pgA: TestDatabase
  let pgB: TestDatabase
  let before: Record<string, unknown[][]>
  beforeAll(async () => {
    buildArchive(original, N)
    before = tables(original)
    ;[pgA, pgB] = await Promise.all([freshDatabase(), freshDatabase()])
  }, 180_000)
  afterAll(async () => {
    await pgA.drop()
    await pgB.drop()
  })

  it('copies SQLite -> PostgreSQL -> SQLite and every table comes back identical', async () => {
    expect(before.mentions!.length).toBe(N - 3)
    expect(before.mention_tags!.length).toBe(10)
    expect(before.mention_tombstones!.length).toBe(3)
    const there = await transferArchive(original, pgA.url)
    expect(there.rows.mentions).toBe(N - 3)
    expect(there.resumed).toBe(0)

    const pg = await openAnyArchive(pgA.url)
    const lite = await openAnyArchive(original)
    try {
      for (const q of ['outage', '"comcast outage"', 'cafe -source:x', '#tag3 @who2', 'rating:<=2 refund']) {
        expect(await pg.countMatches(parse(q)), q).toBe(await lite.countMatches(parse(q)))
      }
      // New mentions get ids above every copied and every deleted one.
      const [fresh] = await pg.commitMentions(
        [{ ...mentionInput(), receivedAt: 0, sentiment: 0, sentimentLabel: 'neutral' }],
        () => [],
      )
      expect(fresh!.mention.id).toBe(N + 1)
      await pg.tombstoneMentions(fresh!.mention.source, [fresh!.mention.externalId], 1)
    } finally {
      await pg.close()
      await lite.close()
    }

    const back = tempArchive()
    await transferArchive(pgA.url, back)
    const after = tables(back)
    // The extra post and its delete were made on PostgreSQL: its tombstone and floor came back too.
    expect(after.mention_tombstones!.length).toBe(4)
    after.mention_tombstones = after.mention_tombstones!.filter((r) => String(r[1]).startsWith('m-'))
    expect(after.mention_id_floor).toEqual([[1, N + 1]])
    after.mention_id_floor = before.mention_id_floor!
    expectSameTables(before, after)
    // The search index was rebuilt on the way back.
    const restored = await openAnyArchive(back)
    try {
      expect(await restored.countMatches(parse('"comcast outage"'))).toBe(
        before.mentions!.filter((r) => String(r[11]).startsWith('comcast outage')).length,
      )
    } finally {
      await restored.close()
    }
  }, 180_000)

  it('resumes a stopped copy where it stopped, with nothing twice and nothing missing', async () => {
    let stopAt = 37_000
    const stopping = transferArchive(original, pgB.url, {
      chunk: 1_000,
      onProgress: (p) => {
        if (p.done >= stopAt) throw new Error('connection lost')
      },
    })
    await expect(stopping).rejects.toThrow('connection lost')
    stopAt = Infinity
    const resumed = await transferArchive(original, pgB.url, { chunk: 1_000 })
    expect(resumed.resumed).toBeGreaterThanOrEqual(36_000)
    expect(resumed.rows.mentions).toBe(N - 3)
    const back = tempArchive()
    await transferArchive(pgB.url, back)
    expectSameTables(before, tables(back))
  }, 180_000)

  it('refuses a destination that holds another archive, or a finished copy', async () => {
    await expect(transferArchive(original, pgB.url)).rejects.toThrow(/already holds a finished copy/)
    const other = tempArchive()
    buildArchive(other, 10)
    await expect(transferArchive(other, pgB.url)).rejects.toThrow(TransferRefused)
    await expect(transferArchive(other, pgB.url)).rejects.toThrow(/already holds an archive/)
    await expect(transferArchive(other, other)).rejects.toThrow(/both the source and the destination/)
  })
})

describe('earshot migrate (the command)', () => {
  let target: TestDatabase
  beforeAll(async () => {
    target = await freshDatabase()
  })
  afterAll(() => target.drop())

  it('copies with a summary, and says in one line what is wrong, never with a password', async () => {
    const source = tempArchive()
    buildArchive(source, 40)
    const password = decodeURIComponent(new URL(target.url).password)
    const done = await earshot(['migrate', '--from', source, '--to', target.url])
    expect(done.stderr).toMatch(/copied .* to postgres:\/\/earshot:\*\*\*@127\.0\.0\.1:\d+\/earshot_t_\w+: 37 mentions/)
    expect(done.code).toBe(0)
    const refusedAgain = await earshot(['migrate', '--from', source, '--to', target.url])
    expect(refusedAgain.code).toBe(1)
    expect(refusedAgain.stderr).toMatch(/already holds a finished copy/)

    const closed = new URL(target.url)
    closed.port = '1'
    const cases: Array<[string[], number, RegExp]> = [
      [
        ['migrate', '--from', source, '--to', closed.toString()],
        1,
        /could not reach PostgreSQL at postgres:\/\/earshot:\*\*\*@/,
      ],
      [['migrate', '--from', source, '--to', 'postgres://earshot:hunter2pw@/'], 2, /not a valid PostgreSQL URL/],
      [['migrate', '--from', `${source}.missing`, '--to', target.url], 2, /no archive at/],
      [['migrate', '--from', source], 2, /needs --from and --to/],
    ]
    for (const [args, code, says] of cases) {
      const run = await earshot(args)
      expect(run.stderr, args.join(' ')).toMatch(says)
      expect(run.code, args.join(' ')).toBe(code)
      expect(run.stderr + run.stdout).not.toContain(password)
      expect(run.stderr + run.stdout).not.toContain('hunter2pw')
    }
  }, 60_000)
})
