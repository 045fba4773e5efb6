// Compiles a query AST to an X API v2 filtered-stream rule (or recent-search
// query). The rule must select a SUPERSET of what the local matcher accepts:
// X narrows the firehose, the local matcher then decides. So the query is put
// in negation normal form (X cannot negate a group: De Morgan instead), every
// operator X lacks is replaced by `true` at its literal (a superset whatever
// its polarity, since NNF is monotone in its literals), and operators whose
// value on X is known (`source:`, handles X cannot have) become constants.
import type { AtomNode, QueryNode } from './ast'
import { printAtom } from './print'

export interface XRuleResult {
  /** The rule, or null when there is none X would accept (see `errors`). */
  rule: string | null
  /** Filters X cannot apply, dropped from the rule and left to the local matcher. */
  localOnly: string[]
  errors: string[]
}

export const X_RULE_MAX_LENGTH = 1_024
export const X_SEARCH_MAX_LENGTH = 512

// X usernames; our handles are folded, hence lower case only.
const X_USERNAME = /^[a-z0-9_]{1,15}$/

type XExpr =
  | { t: 'true' }
  | { t: 'false' }
  /** `text` is printed without the '-'; `standalone` = X lets it anchor a rule. */
  | { t: 'lit'; text: string; negated: boolean; standalone: boolean }
  | { t: 'and' | 'or'; children: XExpr[] }

const TRUE: XExpr = { t: 'true' }
const FALSE: XExpr = { t: 'false' }

interface Context {
  localOnly: string[]
  /** Why some literal can never hold on X (for the "never listens to X" message). */
  never: string[]
}

function lit(text: string, negated: boolean, standalone: boolean): XExpr {
  return { t: 'lit', text, negated, standalone }
}

/** Identity for de-duplication: the printed form, which is unambiguous. */
function key(e: XExpr): string {
  return print(e, 'and')
}

/** AND/OR with constants folded, same-kind children spliced in, duplicates dropped. */
function combine(t: 'and' | 'or', items: XExpr[]): XExpr {
  const unit = t === 'and' ? 'true' : 'false'
  const zero = t === 'and' ? 'false' : 'true'
  const children: XExpr[] = []
  const seen = new Set<string>()
  for (const item of items.flatMap((i) => (i.t === t ? i.children : [i]))) {
    if (item.t === zero) return item
    if (item.t === unit) continue
    const k = key(item)
    if (seen.has(k)) continue
    seen.add(k)
    children.push(item)
  }
  if (children.length === 0) return t === 'and' ? TRUE : FALSE
  if (children.length === 1) return children[0]!
  return { t, children }
}

function noteLocal(node: AtomNode, negated: boolean, ctx: Context): void {
  const text = `${negated ? '-' : ''}${printAtom(node)}`
  if (!ctx.localOnly.includes(text)) ctx.localOnly.push(text)
}

/** A filter X cannot apply: keep everything here, the local matcher applies it. */
function dropped(node: AtomNode, negated: boolean, ctx: Context): XExpr {
  noteLocal(node, negated, ctx)
  return TRUE
}

/** A literal whose value on every X post is known. */
function constant(holds: boolean, negated: boolean, why: string, ctx: Context): XExpr {
  const value = holds !== negated
  if (!value) ctx.never.push(why)
  return value ? TRUE : FALSE
}

function atom(node: AtomNode, negated: boolean, ctx: Context): XExpr {
  switch (node.type) {
    case 'term':
    case 'phrase':
    case 'hashtag':
    case 'url':
      return lit(printAtom(node), negated, true)
    case 'is':
      // Our `repost` is X's retweet.
      return lit(`is:${node.kind === 'repost' ? 'retweet' : node.kind}`, negated, false)
    case 'has':
      return lit(printAtom(node), negated, false)
    case 'mention': {
      const h = node.handle
      if (!X_USERNAME.test(h)) return dropped(node, negated, ctx)
      // Locally `@h` also matches posts by h; X's `@h` does not, so add `from:h`.
      if (negated) return combine('and', [lit(`@${h}`, true, true), lit(`from:${h}`, true, true)])
      return combine('or', [lit(`@${h}`, false, true), lit(`from:${h}`, false, true)])
    }
    case 'from':
    case 'to':
      if (!X_USERNAME.test(node.handle))
        return constant(false, negated, `"${node.handle}" is not an X username (${printAtom(node)})`, ctx)
      return lit(printAtom(node), negated, true)
    case 'lang': {
      const [base] = node.lang.split('-')
      if (base === node.lang) return lit(`lang:${base}`, negated, false)
      // X knows only the bare language: `lang:pt` is wider than `lang:pt-br`, which
      // is fine positively; under a negation it would exclude too much, so drop it.
      if (negated) return dropped(node, negated, ctx)
      noteLocal(node, negated, ctx)
      return lit(`lang:${base}`, false, false)
    }
    case 'source':
      return constant(node.source === 'x', negated, `${negated ? '-' : ''}${printAtom(node)} excludes X`, ctx)
    case 'sentiment':
    case 'min_followers':
    case 'rating':
      return dropped(node, negated, ctx)
  }
}

/** Negation normal form over X literals: `negated` is the parity of enclosing NOTs. */
function toX(node: QueryNode, negated: boolean, ctx: Context): XExpr {
  switch (node.type) {
    case 'not':
      return toX(node.child, !negated, ctx)
    case 'and':
    case 'or': {
      // De Morgan: -(a b) = (-a OR -b), -(a OR b) = -a -b.
      const t = node.type === 'and' ? (negated ? 'or' : 'and') : negated ? 'and' : 'or'
      return combine(
        t,
        node.children.map((c) => toX(c, negated, ctx)),
      )
    }
    default:
      return atom(node, negated, ctx)
  }
}

/** Can X evaluate this from its index: every way of matching needs a positive standalone operator. */
function anchored(e: XExpr): boolean {
  switch (e.t) {
    case 'lit':
      return !e.negated && e.standalone
    case 'and':
      return e.children.some(anchored)
    case 'or':
      return e.children.every(anchored)
    default:
      return false
  }
}

function print(e: XExpr, parent: 'and' | 'or' | null): string {
  switch (e.t) {
    case 'lit':
      return `${e.negated ? '-' : ''}${e.text}`
    case 'and':
    case 'or': {
      const t = e.t
      const body = e.children.map((c) => print(c, t)).join(t === 'and' ? ' ' : ' OR ')
      // X reads AND before OR, but explicit groups keep a rule readable in X's console.
      return parent === null ? body : `(${body})`
    }
    default:
      return ''
  }
}

const ANCHOR_HINT = 'a word, "phrase", #hashtag, @mention, from:, to: or url:'

export function toXRule(ast: QueryNode, options: { maxLength?: number } = {}): XRuleResult {
  const maxLength = options.maxLength ?? X_RULE_MAX_LENGTH
  const ctx: Context = { localOnly: [], never: [] }
  const expr = toX(ast, false, ctx)
  const { localOnly } = ctx
  const failed = (error: string): XRuleResult => ({ rule: null, localOnly, errors: [error] })
  if (expr.t === 'false') return failed(`this column never listens to X: ${[...new Set(ctx.never)].join('; ')}`)
  if (expr.t === 'true')
    return failed(
      localOnly.length > 0
        ? `the rule becomes unconstrained after dropping what X cannot filter (${localOnly.join(', ')}); it needs at least one positive term X can match (${ANCHOR_HINT})`
        : `the query matches every X post; X needs at least one positive term X can match (${ANCHOR_HINT})`,
    )
  if (!anchored(expr)) return failed(`the rule needs at least one positive term X can match (${ANCHOR_HINT})`)
  const rule = print(expr, null)
  if (rule.length > maxLength)
    return failed(`the rule is ${rule.length} characters long; X accepts at most ${maxLength}`)
  return { rule, localOnly, errors: [] }
}

/** The same compilation for GET /2/tweets/search/recent, whose query is capped at 512 characters. */
export function toXSearchQuery(ast: QueryNode): XRuleResult {
  return toXRule(ast, { maxLength: X_SEARCH_MAX_LENGTH })
}
