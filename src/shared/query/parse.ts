// The query parser: recursive descent over the lexer's tokens, producing a
// normalized AST or one positioned error. It never throws on any input, caps
// length and nesting so a pasted monster cannot blow the stack, and validates
// every operator value here so that the matcher, SQL and X compilers can trust
// the tree completely.
//
// Grammar (loosest first):
//   query   := or
//   or      := and ('OR' and)*
//   and     := unary (['AND'] unary)*          juxtaposition is AND
//   unary   := '-' unary | 'NOT' unary | primary   ('-' touches its operand)
//   primary := '(' or ')' | "phrase" | #tag | @handle | name:value | word
import { SOURCE_IDS, SENTIMENT_LABELS, type SourceId, type SentimentLabel } from '../domain'
import type { AtomNode, IsNode, ParseResult, QueryError, QueryNode, RatingNode } from './ast'
import { lex, type Token } from './lexer'
import { ENTITY_BODY, MENTION_BODY, foldHandle, normalizeLang } from './match-input'
import { foldText, tokenize } from './tokenize'

export const MAX_QUERY_LENGTH = 2_000
export const MAX_QUERY_DEPTH = 50

export const OPERATOR_NAMES = [
  'from',
  'to',
  'lang',
  'source',
  'is',
  'has',
  'sentiment',
  'min_followers',
  'rating',
  'url',
] as const
export type OperatorName = (typeof OPERATOR_NAMES)[number]

const IS_VALUES = new Map<string, IsNode['kind']>([
  ['reply', 'reply'],
  ['repost', 'repost'],
  ['retweet', 'repost'],
  ['quote', 'quote'],
])
const HAS_VALUES = ['links', 'media'] as const
// An ISO 639 code with an optional region or script subtag: en, fil, pt-BR, zh_Hant, es-419.
const LANG = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?$/
// Handles across networks: X (`comcast`), Bluesky (`alice.bsky.social`), Mastodon (`user@host`).
const HANDLE = /^[\p{L}\p{N}_][\p{L}\p{M}\p{N}_.\-@]*$/u
const MAX_FOLLOWERS = Number.MAX_SAFE_INTEGER

class ParseFailure {
  constructor(readonly error: QueryError) {}
}

function fail(what: string, position: number, length: number, hint?: string): ParseFailure {
  const message = `${what} at ${position}${hint === undefined ? '' : ` (${hint})`}`
  return new ParseFailure({ message, position, length })
}

function startsOperand(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    (t.kind === 'lparen' ||
      t.kind === 'minus' ||
      t.kind === 'not' ||
      t.kind === 'word' ||
      t.kind === 'quoted' ||
      t.kind === 'field')
  )
}

/** Build an n-ary node, splicing in children of the same kind so the tree has one shape per meaning. */
function combine(type: 'and' | 'or', items: QueryNode[]): QueryNode {
  const children: QueryNode[] = []
  for (const item of items) {
    if (item.type === type) children.push(...item.children)
    else children.push(item)
  }
  if (children.length === 1) return children[0]!
  return { type, children }
}

class Parser {
  private i = 0
  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i]
  }

  parseAll(): QueryNode {
    const node = this.parseOr(0)
    const rest = this.peek()
    // parseOr stops only at the end or at a ')' it has no '(' for.
    if (rest !== undefined) throw fail('unbalanced parenthesis', rest.pos, rest.len)
    return node
  }

  private parseOr(depth: number): QueryNode {
    const items = [this.parseAnd(depth)]
    for (let t = this.peek(); t?.kind === 'or'; t = this.peek()) {
      this.i++
      if (!startsOperand(this.peek())) throw fail('dangling OR', t.pos, t.len, 'OR needs a term on both sides')
      items.push(this.parseAnd(depth))
    }
    return combine('or', items)
  }

  private parseAnd(depth: number): QueryNode {
    const items: QueryNode[] = []
    for (let t = this.peek(); t !== undefined && t.kind !== 'or' && t.kind !== 'rparen'; t = this.peek()) {
      if (t.kind === 'and') {
        this.i++
        if (items.length === 0 || !startsOperand(this.peek()))
          throw fail('dangling AND', t.pos, t.len, 'AND needs a term on both sides')
        continue
      }
      items.push(this.parseUnary(depth))
    }
    if (items.length === 0) {
      const t = this.peek()
      if (t?.kind === 'or') throw fail('dangling OR', t.pos, t.len, 'OR needs a term on both sides')
      if (t?.kind === 'rparen') throw fail('unbalanced parenthesis', t.pos, t.len)
      // Unreachable: callers only descend when an operand follows. Kept total for safety.
      throw fail('expected a term', this.tokens.at(-1)?.pos ?? 0, 0)
    }
    return combine('and', items)
  }

  private parseUnary(depth: number): QueryNode {
    const t = this.peek()!
    if (t.kind !== 'minus' && t.kind !== 'not') return this.parsePrimary(depth)
    this.i++
    const next = this.peek()
    if (t.kind === 'minus' && (next === undefined || next.pos !== t.pos + 1 || !startsOperand(next)))
      throw fail("'-' must be followed by a term", t.pos, t.len, 'write -word with no space')
    if (t.kind === 'not' && !startsOperand(next)) throw fail('NOT needs a term after it', t.pos, t.len)
    if (depth + 1 > MAX_QUERY_DEPTH) throw fail(`nesting deeper than ${MAX_QUERY_DEPTH} levels`, t.pos, t.len)
    return { type: 'not', child: this.parseUnary(depth + 1) }
  }

  private parsePrimary(depth: number): QueryNode {
    const t = this.peek()!
    this.i++
    switch (t.kind) {
      case 'lparen': {
        if (depth + 1 > MAX_QUERY_DEPTH) throw fail(`nesting deeper than ${MAX_QUERY_DEPTH} levels`, t.pos, t.len)
        const first = this.peek()
        if (first?.kind === 'rparen') throw fail('empty group', t.pos, first.pos + 1 - t.pos)
        if (first === undefined) throw fail('unbalanced parenthesis', t.pos, t.len)
        const inner = this.parseOr(depth + 1)
        if (this.peek()?.kind !== 'rparen') throw fail('unbalanced parenthesis', t.pos, t.len)
        this.i++
        return inner
      }
      case 'word':
        return wordAtom(t.text, t.pos)
      case 'quoted':
        return phraseAtom(t.text, t.pos, t.len)
      case 'field':
        return fieldAtom(t)
      default:
        // Unreachable: parseAnd and parseUnary hand over operands only.
        throw fail('expected a term', t.pos, t.len)
    }
  }
}

function termAtom(text: string, pos: number, len: number): AtomNode {
  const tokens = tokenize(text)
  if (tokens.length === 0) throw fail(`${JSON.stringify(text)} has no letters or digits`, pos, len)
  if (tokens.length === 1) return { type: 'term', token: tokens[0]! }
  return { type: 'phrase', tokens }
}

function phraseAtom(text: string, pos: number, len: number): AtomNode {
  if (text.trim() === '') throw fail('empty phrase', pos, len)
  return termAtom(text, pos, len)
}

function wordAtom(text: string, pos: number): AtomNode {
  const sigil = text[0]
  if (sigil === '#' || sigil === '@') {
    const body = text.slice(1)
    const what = sigil === '#' ? 'hashtag' : '@mention'
    if (body === '') throw fail(`empty ${what}`, pos, text.length)
    const value = foldText(body)
    if (!(sigil === '#' ? ENTITY_BODY : MENTION_BODY).test(body) || value === '') {
      const hint = sigil === '#' ? 'use letters, digits and _' : 'use letters, digits and _ (or name.host, user@host)'
      throw fail(`invalid ${what} ${JSON.stringify(text)}`, pos, text.length, hint)
    }
    return sigil === '#' ? { type: 'hashtag', tag: value } : { type: 'mention', handle: value }
  }
  return termAtom(text, pos, text.length)
}

function fieldAtom(t: Extract<Token, { kind: 'field' }>): AtomNode {
  const name = t.name.toLowerCase()
  if (!(OPERATOR_NAMES as readonly string[]).includes(name))
    throw fail(
      `unknown operator ${JSON.stringify(`${t.name}:`)}`,
      t.pos,
      t.name.length + 1,
      `valid: ${OPERATOR_NAMES.map((n) => `${n}:`).join(', ')}; quote text that contains ':'`,
    )
  const op = name as OperatorName
  const { value, valuePos } = t
  if (value.trim() === '') throw fail(`missing value for ${op}:`, t.pos, t.len)
  const bad = (hint: string): ParseFailure =>
    fail(`invalid ${op}: value ${JSON.stringify(value)}`, valuePos, value.length, hint)
  switch (op) {
    case 'from':
    case 'to': {
      const raw = value.startsWith('@') ? value.slice(1) : value
      if (!HANDLE.test(raw)) throw bad('use letters, digits, _, . and -')
      return { type: op, handle: foldHandle(raw) }
    }
    case 'lang':
      if (!LANG.test(value)) throw bad('use a 2–3 letter language code such as en or pt-BR')
      return { type: 'lang', lang: normalizeLang(value) }
    case 'source': {
      const source = SOURCE_IDS.find((s) => s === value.toLowerCase())
      if (source === undefined) throw bad(`valid: ${SOURCE_IDS.join(', ')}`)
      return { type: 'source', source: source satisfies SourceId }
    }
    case 'is': {
      const kind = IS_VALUES.get(value.toLowerCase())
      if (kind === undefined) throw bad('valid: reply, repost (or retweet), quote')
      return { type: 'is', kind }
    }
    case 'has': {
      const what = HAS_VALUES.find((h) => h === value.toLowerCase())
      if (what === undefined) throw bad(`valid: ${HAS_VALUES.join(', ')}`)
      return { type: 'has', what }
    }
    case 'sentiment': {
      const label = SENTIMENT_LABELS.find((l) => l === value.toLowerCase())
      if (label === undefined) throw bad(`valid: ${SENTIMENT_LABELS.join(', ')}`)
      return { type: 'sentiment', label: label satisfies SentimentLabel }
    }
    case 'min_followers': {
      const count = /^\d+$/.test(value) ? Number(value) : NaN
      if (!(count <= MAX_FOLLOWERS)) throw bad('use a whole number, 0 or more')
      return { type: 'min_followers', count }
    }
    case 'rating': {
      const m = /^(<=|>=|<|>|=)?([1-5])$/.exec(value)
      if (!m) throw bad('use a star count 1–5, with <, <=, >, >= or = before it, e.g. rating:<=2')
      return { type: 'rating', op: (m[1] ?? '=') as RatingNode['op'], value: Number(m[2]) }
    }
    case 'url':
      // Links are found as whitespace-free runs, so a value with a space could never match.
      if (/\s/u.test(value)) throw bad('a link has no spaces')
      return { type: 'url', url: value.toLowerCase() }
  }
}

/** Parse a column query. Never throws; errors carry a 0-based UTF-16 position and length. */
export function parseQuery(input: string): ParseResult {
  if (typeof input !== 'string') return { ok: false, error: { message: 'query must be text', position: 0, length: 0 } }
  if (input.length > MAX_QUERY_LENGTH) {
    const message = `query is longer than ${MAX_QUERY_LENGTH} characters at ${MAX_QUERY_LENGTH}`
    return { ok: false, error: { message, position: MAX_QUERY_LENGTH, length: input.length - MAX_QUERY_LENGTH } }
  }
  const lexed = lex(input)
  if (!lexed.ok) return lexed
  if (lexed.tokens.length === 0) return { ok: false, error: { message: 'empty query', position: 0, length: 0 } }
  try {
    return { ok: true, ast: new Parser(lexed.tokens).parseAll() }
  } catch (e) {
    // Only our own failures are expected; anything else is a bug the fuzz tests should see.
    if (e instanceof ParseFailure) return { ok: false, error: e.error }
    throw e
  }
}
