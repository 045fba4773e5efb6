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
import { HAND_PICKED_COUNTS, HAND_PICKED_SOURCES } from '../shared/query/hand-picked'
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
    await store(HAND_PICKED_SOURCES)
    for (const [q, n] of HAND_PICKED_COUNTS) {
      const c = compileColumnQuery(q)
      if (!c.ok) throw new Error(c.error.message)
      expect(await countMatchesPg(pool, c.ast), q).toBe(n)
    }
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
