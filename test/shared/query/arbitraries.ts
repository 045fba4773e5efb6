// fast-check generators for the query tests: canonical ASTs (what the parser
// can produce), query-ish strings, and mentions made of the same vocabulary so
// that random queries actually match some of them.
import fc from 'fast-check'
import { MENTION_KINDS, SENTIMENT_LABELS, SOURCE_IDS, type SourceId } from '../../../src/shared/domain'
import { RATING_OPS, type AtomNode, type QueryNode } from '../../../src/shared/query/ast'
import { toMatchInput, type MatchInput, type MatchSource } from '../../../src/shared/query/match-input'
import { tokenize } from '../../../src/shared/query/tokenize'

export const WORDS = [
  'comcast',
  'xfinity',
  'outage',
  'café',
  'Über',
  'mach',
  'e',
  'f',
  '150',
  'jetblue',
  'delay',
  '東京',
  'naïve',
]

/** Folded tokens: a fixed vocabulary plus whatever Unicode text tokenizes to. */
export const token: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...WORDS.flatMap((w) => tokenize(w))),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
    .map((s) => tokenize(s)[0])
    .filter((t): t is string => t !== undefined),
)

const entityName = fc
  .tuple(token, fc.option(token, { nil: undefined }), fc.boolean())
  .map(([a, b, underscoreFirst]) => (underscoreFirst ? '_' : '') + (b === undefined ? a : `${a}_${b}`))

const handle = fc
  .tuple(token, fc.array(fc.tuple(fc.constantFrom('.', '-', '_', '@'), token), { maxLength: 2 }))
  .map(([first, rest]) => first + rest.map(([sep, t]) => sep + t).join(''))

const url = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .map((s) => s.toLowerCase())
  .filter((s) => !/[\s"]/u.test(s))

interface AtomParts {
  token: fc.Arbitrary<string>
  entity: fc.Arbitrary<string>
  handle: fc.Arbitrary<string>
  url: fc.Arbitrary<string>
}

function atomOf(parts: AtomParts): fc.Arbitrary<AtomNode> {
  return fc.oneof(
    parts.token.map((t): AtomNode => ({ type: 'term', token: t })),
    fc.array(parts.token, { minLength: 2, maxLength: 3 }).map((tokens): AtomNode => ({ type: 'phrase', tokens })),
    parts.entity.map((tag): AtomNode => ({ type: 'hashtag', tag })),
    parts.entity.map((h): AtomNode => ({ type: 'mention', handle: h })),
    parts.handle.map((h): AtomNode => ({ type: 'from', handle: h })),
    parts.handle.map((h): AtomNode => ({ type: 'to', handle: h })),
    fc.constantFrom('en', 'pt', 'pt-br', 'zh-hant', 'es-419', 'fil').map((lang): AtomNode => ({ type: 'lang', lang })),
    fc.constantFrom(...SOURCE_IDS).map((source): AtomNode => ({ type: 'source', source })),
    fc.constantFrom('reply', 'repost', 'quote' as const).map((kind): AtomNode => ({ type: 'is', kind })),
    fc.constantFrom('links', 'media' as const).map((what): AtomNode => ({ type: 'has', what })),
    fc.constantFrom(...SENTIMENT_LABELS).map((label): AtomNode => ({ type: 'sentiment', label })),
    fc
      .oneof(fc.nat(2_000), fc.constant(Number.MAX_SAFE_INTEGER))
      .map((count): AtomNode => ({ type: 'min_followers', count })),
    fc
      .record({ op: fc.constantFrom(...RATING_OPS), value: fc.integer({ min: 1, max: 5 }) })
      .map(({ op, value }): AtomNode => ({ type: 'rating', op, value })),
    parts.url.map((u): AtomNode => ({ type: 'url', url: u })),
  )
}

/** Any canonical atom, values drawn from all of Unicode. */
export const atom = atomOf({ token, entity: entityName, handle, url })

/** Atoms over the vocabulary of `matchSource` texts, so that queries often match. */
export const vocabAtom = atomOf({
  token: fc.constantFrom('comcast', 'xfinity', 'outage', 'cafe', 'uber', 'mach', 'e', 'jetblue', 'https', 'co', 'xyz'),
  entity: fc.constantFrom('comcast', 'jetblue', 'e', 'uber_cool', 'comcastcares', '東京'),
  handle: fc.constantFrom('comcastcares', 'jetblue', 'e', 'alice.bsky.social'),
  url: fc.constantFrom('example', 't.co', 'https://example.com/a', 'xyz', '/'),
})

/** Splice same-kind children, as the parser does, so generated trees are canonical. */
function combine(type: 'and' | 'or', items: QueryNode[]): QueryNode {
  const children = items.flatMap((c) => (c.type === type ? c.children : [c]))
  return { type, children }
}

function treeOf(leaf: fc.Arbitrary<AtomNode>): (depth: number) => fc.Arbitrary<QueryNode> {
  const tree: (depth: number) => fc.Arbitrary<QueryNode> = fc.memo((depth) => {
    if (depth <= 1) return leaf
    const child = tree(depth - 1)
    return fc.oneof(
      { weight: 3, arbitrary: leaf },
      { weight: 2, arbitrary: fc.array(child, { minLength: 2, maxLength: 3 }).map((cs) => combine('and', cs)) },
      { weight: 2, arbitrary: fc.array(child, { minLength: 2, maxLength: 3 }).map((cs) => combine('or', cs)) },
      { weight: 1, arbitrary: child.map((c): QueryNode => ({ type: 'not', child: c })) },
    )
  })
  return tree
}

/** Canonical ASTs (what the parser can produce) up to `depth` levels. */
export const queryNode = treeOf(atom)
export const vocabQueryNode = treeOf(vocabAtom)

/** Fragments a person might type, valid or not, for building query strings. */
export const QUERY_FRAGMENTS = [
  'comcast',
  'Xfinity',
  'café',
  'mach-e',
  'F-150',
  '"whole foods"',
  '"Mach E"',
  '#JetBlue',
  '#über_cool',
  '@Comcast',
  'from:ComcastCares',
  'from:@alice.bsky.social',
  'to:jetblue',
  'lang:en',
  'lang:pt-BR',
  'source:x',
  'source:bluesky',
  'is:reply',
  'is:retweet',
  'is:quote',
  'has:links',
  'has:media',
  'sentiment:negative',
  'min_followers:1000',
  'url:"example.com"',
  'url:Example.com/a',
  'OR',
  'AND',
  'NOT',
  '-',
  '(',
  ')',
  '"',
  '🙂',
]

export const queryishString: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_FRAGMENTS), fc.constantFrom(' ', ' ', '', '  ')), { maxLength: 12 })
  .map((parts) => parts.map(([f, sep]) => f + sep).join(''))

/** Raw query-ish characters, for the never-throws fuzz. */
export const queryishChars: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...'"()-:#@ ORNOTAND_.abcé🙂\t\n'.split(''), 'OR', 'NOT', 'url:', 'lang:', 'from:'), {
    maxLength: 40,
  })
  .map((cs) => cs.join(''))

const TEXT_WORDS = [
  'comcast',
  'Xfinity',
  'outage',
  'CAFÉ',
  'über',
  'Mach-E',
  'F-150',
  'jetblue',
  'delay',
  '東京',
  'naive',
  '#Comcast',
  '#über_cool',
  '#JetBlue',
  '@ComcastCares',
  '@jetblue',
  '@e',
  'https://Example.com/a',
  'http://t.co/xyz',
  '🙂',
  '!!',
]

export interface SourceOptions {
  sources?: readonly SourceId[]
  handles?: readonly string[]
}

/** Mentions built from the same vocabulary as the generated queries. */
export function matchSource(options: SourceOptions = {}): fc.Arbitrary<MatchSource> {
  const handles = options.handles ?? ['comcastcares', 'jetblue', 'ComcastCares', 'e', 'alice.bsky.social', 'josé']
  return fc.record({
    text: fc.array(fc.constantFrom(...TEXT_WORDS), { maxLength: 8 }).map((ws) => ws.join(' ')),
    author: fc.record({ handle: fc.constantFrom(...handles), followers: fc.oneof(fc.nat(2_000), fc.nat()) }),
    lang: fc.constantFrom(null, 'en', 'pt', 'pt-BR', 'zh-Hant', 'fil'),
    source: fc.constantFrom(...(options.sources ?? SOURCE_IDS)),
    kind: fc.constantFrom(...MENTION_KINDS),
    hasMedia: fc.boolean(),
    sentimentLabel: fc.constantFrom(...SENTIMENT_LABELS),
    replyTo: fc.constantFrom(null, undefined, ...handles),
    rating: fc.constantFrom(null, undefined, 1, 2, 3, 4, 5),
  })
}

export function matchInput(options: SourceOptions = {}): fc.Arbitrary<MatchInput> {
  return matchSource(options).map(toMatchInput)
}
