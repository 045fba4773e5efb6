// The differential property test of test/core/query-sql.test.ts, against
// PostgreSQL: for any query and any mentions, the archive's SQL on PostgreSQL
// selects exactly what the live matcher selects.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPgArchive, type PgPool } from '../../src/main/core/store/pg/connect'
import { commitMentionsPg, countMatchesPg, searchMentionsPg } from '../../src/main/core/store/pg/mentions'
import { POSTGRES, toSqlWhere } from '../../src/main/core/store/query-sql'
import { compileColumnQuery } from '../../src/shared/query/column-query'
import { compileMatcher } from '../../src/shared/query/match'
import { toMatchInput, type MatchSource } from '../../src/shared/query/match-input'
import { mentionInput } from '../helpers'
import { matchSource, vocabQueryNode } from '../shared/query/arbitraries'
import { pgQuery } from '../../src/main/core/store/pg/sql'
import { freshDatabase, type TestDatabase } from './database'

describe('query language: PostgreSQL agrees with the live matcher', () => {
  let database: TestDatabase
  let pool: PgPool
  beforeAll(async () => {
    database = await freshDatabase()
    pool = await openPgArchive(database.url)
  })
  afterAll(async () => {
    await pool.end()
    await database.drop()
  })

  async function store(sources: MatchSource[]): Promise<number[]> {
    await pool.query('TRUNCATE mentions')
    const batch = sources.map((s) => {
      const m = { ...mentionInput(), ...s, author: { ...mentionInput().author, ...s.author } }
      return { ...m, receivedAt: 0, sentiment: 0, sentimentLabel: s.sentimentLabel }
    })
    const stored = await commitMentionsPg(pool, batch, () => [])
    return stored.map((s) => s.mention.id)
  }

  it('for random queries over random mentions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(matchSource(), { minLength: 1, maxLength: 25 }),
        vocabQueryNode(4),
        async (sources, ast) => {
          const ids = await store(sources)
          const matches = compileMatcher(ast)
          const live = sources.flatMap((s, i) => (matches(toMatchInput(s)) ? [ids[i]!] : []))
          const where = toSqlWhere(ast, POSTGRES)
          const sql = await pool.query<{ id: number }>(
            pgQuery({ sql: `SELECT m.id FROM mentions m WHERE ${where.sql} ORDER BY m.id`, params: where.params }),
          )
          expect(sql.rows.map((r) => r.id)).toEqual(live)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('for hand-picked operators, accents and case folded as the matcher folds them', async () => {
    await store([
      {
        text: 'Comcast #Outage in Boston https://Status.Example.com/x',
        author: { handle: 'alice', followers: 10 },
        lang: 'en',
        source: 'demo',
        kind: 'post',
        hasMedia: false,
        sentimentLabel: 'negative',
      },
      {
        text: "@ComcastCares help, it's DOWN again",
        author: { handle: 'bob', followers: 5000 },
        lang: 'pt-BR',
        source: 'rss',
        kind: 'reply',
        hasMedia: true,
        sentimentLabel: 'neutral',
        replyTo: 'ComcastCares',
        rating: 2,
      },
      {
        text: 'Café com leite',
        author: { handle: 'José', followers: 3 },
        lang: null,
        source: 'demo',
        kind: 'repost',
        hasMedia: false,
        sentimentLabel: 'positive',
      },
    ])
    const hits = async (q: string) => {
      const c = compileColumnQuery(q)
      if (!c.ok) throw new Error(c.error.message)
      return countMatchesPg(pool, c.ast)
    }
    expect(await hits('#outage')).toBe(1)
    expect(await hits('@comcastcares')).toBe(1)
    expect(await hits('to:comcastcares is:reply')).toBe(1)
    expect(await hits('lang:pt')).toBe(1)
    expect(await hits('-lang:en')).toBe(2)
    expect(await hits('CAFÉ from:jose')).toBe(1)
    expect(await hits('"it s down"')).toBe(1)
    expect(await hits('"down it"')).toBe(0)
    expect(await hits('url:"status.example"')).toBe(1)
    expect(await hits('has:links OR has:media')).toBe(2)
    expect(await hits('min_followers:100 source:rss')).toBe(1)
    expect(await hits('rating:<=2')).toBe(1)
    expect(await hits('sentiment:negative OR is:repost')).toBe(2)
    expect(await hits('-(comcast OR cafe)')).toBe(1)
  })

  it('pages search results without overlap, newest first or most followed first', async () => {
    await store(
      Array.from({ length: 23 }, (_, i) => ({
        text: `ford news ${i}`,
        author: { handle: `u${i}`, followers: (i * 37) % 11 },
        lang: 'en',
        source: 'demo',
        kind: 'post',
        hasMedia: false,
        sentimentLabel: 'neutral',
      })),
    )
    const c = compileColumnQuery('ford')
    if (!c.ok) throw new Error(c.error.message)
    for (const order of ['newest', 'followers'] as const) {
      const seen: { id: number; followers: number }[] = []
      let page = await searchMentionsPg(pool, c.ast, { order, limit: 5 })
      seen.push(...page.items.map((m) => ({ id: m.id, followers: m.author.followers })))
      while (page.next) {
        page = await searchMentionsPg(pool, c.ast, { order, limit: 5, after: page.next })
        seen.push(...page.items.map((m) => ({ id: m.id, followers: m.author.followers })))
      }
      expect(new Set(seen.map((s) => s.id)).size).toBe(23)
      for (let i = 1; i < seen.length; i++) {
        if (order === 'followers') expect(seen[i]!.followers).toBeLessThanOrEqual(seen[i - 1]!.followers)
        else expect(seen[i]!.id).toBeLessThan(seen[i - 1]!.id)
      }
    }
  })
})
