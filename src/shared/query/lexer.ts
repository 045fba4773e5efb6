// Splits a query string into positioned tokens for the parser: parentheses,
// the upper-case keywords OR / AND / NOT, a leading '-', quoted phrases,
// `name:value` operators and bare words. It decides nothing about meaning
// (what a word or an operator value is); that is the parser's job, so that
// every error about meaning can point at the right characters. Never throws.
import type { QueryError } from './ast'

export type Token =
  | { kind: 'lparen' | 'rparen' | 'or' | 'and' | 'not' | 'minus'; pos: number; len: number }
  | { kind: 'word'; pos: number; len: number; text: string }
  | { kind: 'quoted'; pos: number; len: number; text: string }
  | {
      kind: 'field'
      pos: number
      len: number
      /** As written (the parser lower-cases it). */
      name: string
      value: string
      valuePos: number
      quoted: boolean
    }

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: QueryError }

const SPACE = /\s/u
/** Characters that end a bare word. */
const WORD_END = /[\s()"]/u
/** `name:` at the start of a word makes it an operator; names are ASCII identifiers. */
const FIELD_PREFIX = /^([A-Za-z_][A-Za-z0-9_]*):/

// A Map, not an object literal: a word like `constructor` must not find a prototype member.
const KEYWORDS = new Map<string, 'or' | 'and' | 'not'>([
  ['OR', 'or'],
  ['AND', 'and'],
  ['NOT', 'not'],
])

export function lex(input: string): LexResult {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const ch = input[i]!
    if (SPACE.test(ch)) {
      i++
      continue
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', pos: i, len: 1 })
      i++
      continue
    }
    if (ch === '"') {
      const end = input.indexOf('"', i + 1)
      if (end === -1) return unclosedQuote(i)
      tokens.push({ kind: 'quoted', pos: i, len: end + 1 - i, text: input.slice(i + 1, end) })
      i = end + 1
      continue
    }
    if (ch === '-') {
      // A '-' is negation only at the start of a word; inside one (`mach-e`) it is text.
      tokens.push({ kind: 'minus', pos: i, len: 1 })
      i++
      continue
    }
    let end = i
    while (end < input.length && !WORD_END.test(input[end]!)) end++
    const text = input.slice(i, end)
    const field = FIELD_PREFIX.exec(text)
    if (field !== null) {
      const name = field[1]!
      const valuePos = i + name.length + 1
      if (end === valuePos && input[end] === '"') {
        // `url:"example.com"`: the quoted string is the value.
        const close = input.indexOf('"', end + 1)
        if (close === -1) return unclosedQuote(end)
        const value = input.slice(end + 1, close)
        tokens.push({ kind: 'field', pos: i, len: close + 1 - i, name, value, valuePos: end + 1, quoted: true })
        i = close + 1
        continue
      }
      tokens.push({
        kind: 'field',
        pos: i,
        len: end - i,
        name,
        value: text.slice(name.length + 1),
        valuePos,
        quoted: false,
      })
      i = end
      continue
    }
    const keyword = KEYWORDS.get(text)
    if (keyword !== undefined) tokens.push({ kind: keyword, pos: i, len: text.length })
    else tokens.push({ kind: 'word', pos: i, len: text.length, text })
    i = end
  }
  return { ok: true, tokens }
}

function unclosedQuote(pos: number): LexResult {
  return { ok: false, error: { message: `unclosed quote at ${pos}`, position: pos, length: 1 } }
}
