// The words and phrases a query looks for (outside negations), as token runs,
// so the UI can highlight why a mention matched.
import type { QueryNode } from './ast'
import { parseQuery } from './parse'
import { tokenize } from './tokenize'

function collect(node: QueryNode, out: string[][]): void {
  switch (node.type) {
    case 'term':
      out.push([node.token])
      break
    case 'phrase':
      out.push(node.tokens)
      break
    case 'hashtag': {
      const tokens = tokenize(node.tag)
      if (tokens.length > 0) out.push(tokens)
      break
    }
    case 'and':
    case 'or':
      for (const child of node.children) collect(child, out)
      break
    default:
      break
  }
}

export function highlightPhrases(query: string): string[][] {
  const parsed = parseQuery(query)
  if (!parsed.ok) return []
  const out: string[][] = []
  collect(parsed.ast, out)
  const seen = new Set<string>()
  return out.filter((p) => {
    const key = p.join(' ')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
