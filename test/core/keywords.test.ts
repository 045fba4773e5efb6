import Database from 'better-sqlite3'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileColumnQuery } from '../../src/shared/query/column-query'
import { parseKeywords } from '../../src/shared/query/keywords'
import { tokenize } from '../../src/shared/query/tokenize'

function matches(query: string, text: string): boolean {
  const c = compileColumnQuery(query)
  if (!c.ok) throw new Error(c.error)
  const tokens = tokenize(text)
  return c.query.matches(tokens, new Set(tokens))
}

describe('keyword columns', () => {
  it('tokenizes like FTS5 unicode61 with diacritics removed', () => {
    expect(tokenize('Café #Comcast @JetBlue: internet-down!! 😡 ÜBER')).toEqual([
      'cafe',
      'comcast',
      'jetblue',
      'internet',
      'down',
      'uber',
    ])
  })

  it('matches any of the terms, case- and accent-insensitively', () => {
    expect(matches('comcast xfinity', 'My XFINITY box died')).toBe(true)
    expect(matches('comcast, xfinity', 'jetblue lost my bag')).toBe(false)
    expect(matches('cafe', 'Le CAFÉ est fermé')).toBe(true)
  })

  it('matches quoted phrases only as adjacent words', () => {
    expect(matches('"whole foods"', 'Whole Foods prices!')).toBe(true)
    expect(matches('"whole foods"', 'whole grain foods')).toBe(false)
    expect(matches('"internet down" OR outage', 'big outage today')).toBe(true)
  })

  it('matches hashtags and mentions by their word', () => {
    expect(matches('comcast', 'thanks @comcast')).toBe(true)
    expect(matches('#jetblue', 'flying #JetBlue')).toBe(true)
  })

  it('reports an unclosed quote with its position', () => {
    expect(parseKeywords('ford "mach e')).toEqual({ ok: false, error: 'unclosed quote at 5', position: 5 })
  })

  it('an empty query matches nothing', () => {
    expect(matches('', 'anything')).toBe(false)
    expect(
      compileColumnQuery('  , OR ').ok &&
        (compileColumnQuery('  , OR ') as { ok: true; query: { fts: null } }).query.fts,
    ).toBeNull()
  })

  it('the live matcher and the FTS5 back-fill select the same mentions', () => {
    const db = new Database(':memory:')
    db.exec("CREATE VIRTUAL TABLE f USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')")
    const words = [
      'comcast',
      'Xfinity',
      'down',
      'internet',
      'café',
      'CAFE',
      'whole',
      'foods',
      'ford',
      'mach-e',
      '#ford',
      '@jetblue',
      'jet',
      'blue',
      'über',
    ]
    const word = fc.constantFrom(...words)
    const text = fc
      .array(fc.oneof(word, fc.constantFrom(' ', ', ', '!', ' 😀 ')), { maxLength: 12 })
      .map((p) => p.join(' '))
    const query = fc
      .array(
        fc.oneof(
          word,
          fc.array(word, { minLength: 2, maxLength: 3 }).map((ws) => `"${ws.join(' ')}"`),
        ),
        { minLength: 1, maxLength: 4 },
      )
      .map((parts) => parts.join(' OR '))
    const insert = db.prepare('INSERT INTO f (rowid, text) VALUES (?, ?)')
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 20 }), query, (texts, q) => {
        db.exec('DELETE FROM f')
        texts.forEach((t, i) => insert.run(i + 1, t))
        const compiled = compileColumnQuery(q)
        if (!compiled.ok) throw new Error(compiled.error)
        const live = texts.flatMap((t, i) => (matches(q, t) ? [i + 1] : []))
        const sql = compiled.query.fts
          ? (
              db.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid').all(compiled.query.fts) as {
                rowid: number
              }[]
            ).map((r) => r.rowid)
          : []
        expect(sql).toEqual(live)
      }),
      { numRuns: 300 },
    )
  })
})
