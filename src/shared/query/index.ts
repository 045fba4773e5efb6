// The query language's public API: parse a column query, print it back in
// canonical form, describe it, match mentions against it and compile it to an
// X rule. Everything here is pure and runs in every process.
export type {
  AndNode,
  AtomNode,
  FromNode,
  HashtagNode,
  HasNode,
  IsNode,
  LangNode,
  MentionNode,
  MinFollowersNode,
  RatingNode,
  NotNode,
  OrNode,
  ParseResult,
  PhraseNode,
  QueryError,
  QueryNode,
  SentimentNode,
  SourceNode,
  TermNode,
  ToNode,
  UrlNode,
} from './ast'
export { isAtom } from './ast'
export { MAX_QUERY_DEPTH, MAX_QUERY_LENGTH, OPERATOR_NAMES, parseQuery, type OperatorName } from './parse'
export { printAtom, printQuery } from './print'
export {
  ENTITY_BODY,
  extractEntities,
  extractHashtags,
  extractLinks,
  extractMentions,
  foldHandle,
  normalizeLang,
  toMatchInput,
  type Entities,
  type MatchInput,
  type MatchSource,
} from './match-input'
export { compileMatcher, containsPhrase, type Matcher } from './match'
export { toXRule, toXSearchQuery, X_RULE_MAX_LENGTH, X_SEARCH_MAX_LENGTH, type XRuleResult } from './x-rule'
export { describeQuery } from './describe'
export { QUERY_CHEATSHEET, type CheatsheetEntry } from './cheatsheet'
export { foldText, tokenize } from './tokenize'
export { highlightPhrases } from './highlights'
