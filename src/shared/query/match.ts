// The live matcher: compiles a query AST once into nested closures that the
// router calls for every incoming mention. Each node's semantics is defined
// here, and the archive's SQL must compile the same node to the same test
// (see the notes on each case): the live column and its back-fill must agree.
import type { QueryNode, RatingOp } from './ast'
import type { MatchInput } from './match-input'

export type Matcher = (input: MatchInput) => boolean

/** True when `tokens` contains `phrase` as a contiguous run. */
export function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  const first = phrase[0]
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (tokens[i] !== first) continue
    let j = 1
    while (j < phrase.length && tokens[i + j] === phrase[j]) j++
    if (j === phrase.length) return true
  }
  return false
}

export function compileMatcher(node: QueryNode): Matcher {
  switch (node.type) {
    case 'term': {
      const token = node.token
      return (m) => m.tokenSet.has(token)
    }
    case 'phrase': {
      const tokens = node.tokens
      // The set lookups reject almost every mention before the ordered scan.
      return (m) => tokens.every((t) => m.tokenSet.has(t)) && containsPhrase(m.tokens, tokens)
    }
    case 'hashtag': {
      const tag = node.tag
      return (m) => m.hashtags.has(tag)
    }
    case 'mention': {
      // X's `@user`: the post mentions the user; we also count posts by them.
      const handle = node.handle
      return (m) => m.mentions.has(handle) || m.authorHandle === handle
    }
    case 'from': {
      const handle = node.handle
      return (m) => m.authorHandle === handle
    }
    case 'to': {
      const handle = node.handle
      return (m) => m.replyTo === handle
    }
    case 'lang': {
      // `lang:pt` covers `pt-br`; `lang:pt-br` does not cover `pt`.
      const lang = node.lang
      const prefix = `${lang}-`
      return (m) => m.lang !== null && (m.lang === lang || m.lang.startsWith(prefix))
    }
    case 'source': {
      const source = node.source
      return (m) => m.source === source
    }
    case 'is': {
      const kind = node.kind
      return (m) => m.kind === kind
    }
    case 'has':
      return node.what === 'links' ? (m) => m.links.length > 0 : (m) => m.hasMedia
    case 'sentiment': {
      const label = node.label
      return (m) => m.sentimentLabel === label
    }
    case 'min_followers': {
      const count = node.count
      return (m) => m.followers >= count
    }
    case 'rating': {
      const { op, value } = node
      return (m) => m.rating !== null && compareRating(m.rating, op, value)
    }
    case 'url': {
      const needle = node.url
      return (m) => m.links.some((link) => link.includes(needle))
    }
    case 'not': {
      const child = compileMatcher(node.child)
      return (m) => !child(m)
    }
    case 'and': {
      const children = node.children.map(compileMatcher)
      return (m) => {
        for (const c of children) if (!c(m)) return false
        return true
      }
    }
    case 'or': {
      const children = node.children.map(compileMatcher)
      return (m) => {
        for (const c of children) if (c(m)) return true
        return false
      }
    }
  }
}

/** How `rating:` compares (the SQL compiler writes the same operator). */
export function compareRating(rating: number, op: RatingOp, value: number): boolean {
  switch (op) {
    case '<':
      return rating < value
    case '<=':
      return rating <= value
    case '>':
      return rating > value
    case '>=':
      return rating >= value
    case '=':
      return rating === value
  }
}
