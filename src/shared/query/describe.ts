// A short plain-English reading of a query for the column header and the
// query editor ("mentions of comcast or xfinity, not from @comcastcares,
// negative"), so an operator can check that the query means what they meant.
import type { QueryNode } from './ast'
import { printAtom } from './print'
import type { SourceId } from '../domain'

const SOURCE_NAMES: Record<SourceId, string> = {
  x: 'on X',
  bluesky: 'on Bluesky',
  mastodon: 'on Mastodon',
  rss: 'from RSS feeds',
  hackernews: 'on Hacker News',
  reddit: 'on Reddit',
  appstore: 'from App Store reviews',
  demo: 'from the demo source',
  replay: 'from replays',
  import: 'from imports',
}

const RATING_WORDS = { '<': 'under ', '<=': 'at most ', '>': 'over ', '>=': 'at least ', '=': '' } as const

const KIND_NAMES = { reply: 'replies', repost: 'reposts', quote: 'quotes' } as const

function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(code)
    return name === undefined || name.toLowerCase() === code ? code : name
  } catch {
    // Codes Intl rejects (e.g. `en-12`) are still valid queries: show the code.
    return code
  }
}

/** Words, phrases, hashtags and mentions: what "mentions of ..." lists. */
function isContent(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
    case 'phrase':
    case 'hashtag':
    case 'mention':
      return true
    case 'and':
    case 'or':
      return node.children.every(isContent)
    default:
      return false
  }
}

function describeNode(node: QueryNode, parent: 'and' | 'or' | 'not' | null): string {
  switch (node.type) {
    case 'term':
    case 'phrase':
    case 'hashtag':
    case 'mention':
      return printAtom(node)
    case 'from':
      return `from @${node.handle}`
    case 'to':
      return `replying to @${node.handle}`
    case 'lang':
      return `in ${languageName(node.lang)}`
    case 'source':
      return SOURCE_NAMES[node.source]
    case 'is':
      return KIND_NAMES[node.kind]
    case 'has':
      return `with ${node.what}`
    case 'sentiment':
      return node.label
    case 'min_followers':
      return `from accounts with ${node.count.toLocaleString('en-US')}+ followers`
    case 'rating':
      return `rated ${RATING_WORDS[node.op]}${node.value} star${node.value === 1 && node.op === '=' ? '' : 's'}`
    case 'url':
      return `linking to ${node.url}`
    case 'not':
      // `--x` reads as x; a negated group keeps its parentheses: "without (a and b)".
      if (node.child.type === 'not') return describeNode(node.child.child, parent)
      return `${isContent(node.child) ? 'without' : 'not'} ${describeNode(node.child, 'not')}`
    case 'and':
    case 'or': {
      const body = node.children.map((c) => describeNode(c, node.type)).join(node.type === 'and' ? ' and ' : ' or ')
      // Nested groups keep their parentheses: "apple or (iphone and ipad)".
      return parent === null || parent === node.type ? body : `(${body})`
    }
  }
}

export function describeQuery(ast: QueryNode): string {
  if (ast.type === 'or' && !isContent(ast)) return `mentions matching ${describeNode(ast, null)}`
  const parts = ast.type === 'and' ? ast.children : [ast]
  const content = parts.filter(isContent)
  const filters = parts.filter((p) => !isContent(p))
  const head =
    content.length === 0
      ? 'all mentions'
      : `mentions of ${content.map((c) => describeNode(c, content.length > 1 ? 'and' : null)).join(' and ')}`
  return [head, ...filters.map((f) => describeNode(f, null))].join(', ')
}
