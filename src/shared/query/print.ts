// The canonical spelling of a query: one string per AST, with the fewest
// parentheses the precedence allows, `-` for every negation and folded values.
// `parseQuery(printQuery(ast))` gives the same AST back, so a column's saved
// query can be normalized, compared and shown without changing its meaning.
import type { AtomNode, QueryNode } from './ast'

export function printAtom(node: AtomNode): string {
  switch (node.type) {
    case 'term':
      return node.token
    case 'phrase':
      return `"${node.tokens.join(' ')}"`
    case 'hashtag':
      return `#${node.tag}`
    case 'mention':
      return `@${node.handle}`
    case 'from':
    case 'to':
      return `${node.type}:${node.handle}`
    case 'lang':
      return `lang:${node.lang}`
    case 'source':
      return `source:${node.source}`
    case 'is':
      return `is:${node.kind}`
    case 'has':
      return `has:${node.what}`
    case 'sentiment':
      return `sentiment:${node.label}`
    case 'min_followers':
      return `min_followers:${node.count}`
    case 'rating':
      return `rating:${node.op === '=' ? '' : node.op}${node.value}`
    case 'url':
      // Always quoted: a bare value would end at the first '(' or ')'.
      return `url:"${node.url}"`
  }
}

export function printQuery(node: QueryNode): string {
  switch (node.type) {
    case 'and':
      // AND binds tighter than OR, so only OR children need parentheses.
      return node.children.map((c) => (c.type === 'or' ? `(${printQuery(c)})` : printQuery(c))).join(' ')
    case 'or':
      return node.children.map(printQuery).join(' OR ')
    case 'not':
      return node.child.type === 'and' || node.child.type === 'or'
        ? `-(${printQuery(node.child)})`
        : `-${printQuery(node.child)}`
    default:
      return printAtom(node)
  }
}
