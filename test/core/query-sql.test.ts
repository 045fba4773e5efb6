// The archive's SQL and the live matcher must select exactly the same
// mentions for any query: a differential property test over random queries
// and random mentions, in a real archive file.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toSqlWhere } from '../../src/main/core/store/query-sql'
import { openArchive } from '../../src/main/core/store/db'
import type { Db } from '../../src/main/core/store/db-types'
import { insertMention } from '../../src/main/core/store/mentions'
import { countMatches, searchMentions } from '../../src/main/core/store/search'
import { compileColumnQuery } from '../../src/shared/query/column-query'
import { compileMatcher } from '../../src/shared/query/match'
import { toMatchInput, type MatchSource } from '../../src/shared/query/match-input'
import { mentionInput, tempArchive } from '../helpers'
import { matchSource, vocabQueryNode } from '../shared/query/arbitraries'
import { HAND_PICKED_COUNTS, HAND_PICKED_SOURCES } from '../shared/query/hand-picked'

describe('query language: SQL agrees with the live matcher', () => {
  let db: Db
  beforeAll(() => {
    db = openArchive(tempArchive())
  })
  afterAll(() => db.close())

  function store(sources: MatchSource[]): void {
    db.exec('DELETE FROM mentions')
    db.transaction(() => {
      for (const s of sources) {
        const m = { ...mentionInput(), ...s, author: { ...mentionInput().author, ...s.author } }
        insertMention(db, { ...m, receivedAt: 0, sentiment: 0, sentimentLabel: s.sentimentLabel }, toMatchInput(m))
      }
    })()
  }

  it('for random queries over random mentions', () => {
    fc.assert(
      fc.property(fc.array(matchSource(), { minLength: 1, maxLength: 25 }), vocabQueryNode(4), (sources, ast) => {
        store(sources)
        const rows = db.prepare('SELECT * FROM mentions ORDER BY id').all() as { id: number }[]
        const matches = compileMatcher(ast)
        const live = sources.flatMap((s, i) => (matches(toMatchInput(s)) ? [rows[i]!.id] : []))
        const where = toSqlWhere(ast)
        const sql = (
          db.prepare(`SELECT m.id FROM mentions m WHERE ${where.sql} ORDER BY m.id`).all(...where.params) as {
            id: number
          }[]
        ).map((r) => r.id)
        expect(sql).toEqual(live)
      }),
      { numRuns: 400 },
    )
  })

  it('for hand-picked operators', () => {
    store(HAND_PICKED_SOURCES)
    const hits = (q: string) => {
      const c = compileColumnQuery(q)
      if (!c.ok) throw new Error(c.error.message)
      return countMatches(db, toSqlWhere(c.ast))
    }
    for (const [q, n] of HAND_PICKED_COUNTS) expect(hits(q), q).toBe(n)
  })

  it('pages search results without overlap, newest first or most followed first', () => {
    const sources: MatchSource[] = Array.from({ length: 23 }, (_, i) => ({
      text: `ford news ${i}`,
      author: { handle: `u${i}`, followers: (i * 37) % 11 },
      lang: 'en',
      source: 'demo',
      kind: 'post',
      hasMedia: false,
      sentimentLabel: 'neutral',
    }))
    store(sources)
    const c = compileColumnQuery('ford')
    if (!c.ok) throw new Error(c.error.message)
    for (const order of ['newest', 'followers'] as const) {
      const seen: { id: number; followers: number }[] = []
      let page = searchMentions(db, toSqlWhere(c.ast), { order, limit: 5 })
      seen.push(...page.items.map((m) => ({ id: m.id, followers: m.author.followers })))
      while (page.next) {
        page = searchMentions(db, toSqlWhere(c.ast), { order, limit: 5, after: page.next })
        seen.push(...page.items.map((m) => ({ id: m.id, followers: m.author.followers })))
      }
      expect(new Set(seen.map((s) => s.id)).size).toBe(23)
      if (order === 'followers') {
        for (let i = 1; i < seen.length; i++) expect(seen[i]!.followers).toBeLessThanOrEqual(seen[i - 1]!.followers)
      }
    }
  })
})
