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
    const sources: MatchSource[] = [
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
        text: '@ComcastCares help',
        author: { handle: 'bob', followers: 5000 },
        lang: 'pt-BR',
        source: 'rss',
        kind: 'reply',
        hasMedia: true,
        sentimentLabel: 'neutral',
        replyTo: 'ComcastCares',
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
    ]
    store(sources)
    const hits = (q: string) => {
      const c = compileColumnQuery(q)
      if (!c.ok) throw new Error(c.error.message)
      return countMatches(db, toSqlWhere(c.ast))
    }
    expect(hits('#outage')).toBe(1)
    expect(hits('@comcastcares')).toBe(1)
    expect(hits('to:comcastcares is:reply')).toBe(1)
    expect(hits('lang:pt')).toBe(1)
    expect(hits('-lang:en')).toBe(2)
    expect(hits('cafe from:jose')).toBe(1)
    expect(hits('url:"status.example"')).toBe(1)
    expect(hits('has:links OR has:media')).toBe(2)
    expect(hits('min_followers:100 source:rss')).toBe(1)
    expect(hits('sentiment:negative OR is:repost')).toBe(2)
    expect(hits('-(comcast OR cafe)')).toBe(1)
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
