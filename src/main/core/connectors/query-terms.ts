// What the free sources need to know about the column queries to ask their
// networks for the right posts: hashtags to subscribe to (Mastodon streams),
// plain keywords to search for, and the handles named (Bluesky resolves them to
// DIDs up front so `from:alice.bsky.social` matches before any profile look-up).
// Only positive atoms count: a term under a negation never selects a post.
import type { Column } from '../../../shared/domain'
import type { QueryNode } from '../../../shared/query'
import { parseQuery } from '../../../shared/query'

export interface QueryTerms {
  hashtags: Set<string>
  /** Words and phrases (space-joined tokens) of columns that have no hashtag to stream. */
  keywords: Set<string>
  /** Folded handles from `from:`, `to:` and `@`. */
  handles: Set<string>
}

export function queryTerms(columns: readonly Column[]): QueryTerms {
  const terms: QueryTerms = { hashtags: new Set(), keywords: new Set(), handles: new Set() }
  for (const column of columns) {
    const parsed = parseQuery(column.query)
    if (!parsed.ok) continue
    const tags = new Set<string>()
    const words = new Set<string>()
    walk(parsed.ast, false, (node) => {
      if (node.type === 'hashtag') tags.add(node.tag)
      else if (node.type === 'term') words.add(node.token)
      else if (node.type === 'phrase') words.add(node.tokens.join(' '))
      else if (node.type === 'from' || node.type === 'to' || node.type === 'mention') terms.handles.add(node.handle)
    })
    for (const t of tags) terms.hashtags.add(t)
    if (tags.size === 0) for (const w of words) terms.keywords.add(w)
  }
  return terms
}

function walk(node: QueryNode, negated: boolean, visit: (node: QueryNode) => void): void {
  if (node.type === 'not') return walk(node.child, !negated, visit)
  if (node.type === 'and' || node.type === 'or') {
    for (const child of node.children) walk(child, negated, visit)
    return
  }
  if (!negated) visit(node)
}

/** What a search-only source asks for: every positive word, phrase and hashtag of the columns, at most `max`. */
export function searchWords(columns: readonly Column[], max: number): string[] {
  const terms = queryTerms(columns)
  return [...new Set([...terms.keywords, ...terms.hashtags])].slice(0, max)
}
