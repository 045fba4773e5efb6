// The query language's syntax tree: what a column query means, independent of
// how it was written. Every value is stored already normalized (folded tokens,
// lower-cased handles and codes) so that two spellings of one query give one
// tree, the printer can emit a canonical string, and the matcher, the SQL
// compiler and the X rule compiler never fold anything again.
import type { MentionKind, SentimentLabel, SourceId } from '../domain'

/** One word: a single folded token (letters and digits only, as `tokenize` yields). */
export interface TermNode {
  type: 'term'
  token: string
}

/** Two or more folded tokens that must appear consecutively. */
export interface PhraseNode {
  type: 'phrase'
  tokens: string[]
}

/** `#tag`: folded, without the '#'. */
export interface HashtagNode {
  type: 'hashtag'
  tag: string
}

/** `@handle`: folded, without the '@'. Mentions the user or is written by them. */
export interface MentionNode {
  type: 'mention'
  handle: string
}

/** `from:handle` (author) and `to:handle` (the user replied to); folded, without '@'. */
export interface FromNode {
  type: 'from'
  handle: string
}
export interface ToNode {
  type: 'to'
  handle: string
}

/** `lang:xx` or `lang:xx-yy`: lower-case, '-' separated. */
export interface LangNode {
  type: 'lang'
  lang: string
}

export interface SourceNode {
  type: 'source'
  source: SourceId
}

/** `is:reply|repost|quote` (`is:retweet` is parsed as `repost`). */
export interface IsNode {
  type: 'is'
  kind: Exclude<MentionKind, 'post'>
}

export interface HasNode {
  type: 'has'
  what: 'links' | 'media'
}

export interface SentimentNode {
  type: 'sentiment'
  label: SentimentLabel
}

export interface MinFollowersNode {
  type: 'min_followers'
  count: number
}

/** `rating:<=2`, `rating:5`: a review's star rating compared with a value 1–5 (posts have none: never match). */
export interface RatingNode {
  type: 'rating'
  op: RatingOp
  value: number
}
export const RATING_OPS = ['<=', '>=', '<', '>', '='] as const
export type RatingOp = (typeof RATING_OPS)[number]

/** `url:"..."`: lower-cased substring of a link in the post. */
export interface UrlNode {
  type: 'url'
  url: string
}

/** Two or more children; never directly contains another `and` (the parser flattens). */
export interface AndNode {
  type: 'and'
  children: QueryNode[]
}

/** Two or more children; never directly contains another `or`. */
export interface OrNode {
  type: 'or'
  children: QueryNode[]
}

export interface NotNode {
  type: 'not'
  child: QueryNode
}

export type AtomNode =
  | TermNode
  | PhraseNode
  | HashtagNode
  | MentionNode
  | FromNode
  | ToNode
  | LangNode
  | SourceNode
  | IsNode
  | HasNode
  | SentimentNode
  | MinFollowersNode
  | RatingNode
  | UrlNode

export type QueryNode = AtomNode | AndNode | OrNode | NotNode

export interface QueryError {
  /**
   * "<problem> at N" (N = `position`), sometimes followed by a hint in
   * parentheses, so it reads on its own. The one exception is "empty query".
   */
  message: string
  /** 0-based UTF-16 offset into the input (what a text field's selection uses). */
  position: number
  /** UTF-16 length of the offending text, 0 when it is a point (e.g. end of input). */
  length: number
}

export type ParseResult = { ok: true; ast: QueryNode } | { ok: false; error: QueryError }

export function isAtom(node: QueryNode): node is AtomNode {
  return node.type !== 'and' && node.type !== 'or' && node.type !== 'not'
}

/** True when some atom of the tree satisfies `test` (e.g. "does this query read sentiment?"). */
export function someAtom(node: QueryNode, test: (atom: AtomNode) => boolean): boolean {
  if (node.type === 'and' || node.type === 'or') return node.children.some((c) => someAtom(c, test))
  if (node.type === 'not') return someAtom(node.child, test)
  return test(node)
}
