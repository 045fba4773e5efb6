// A column's query compiled once: the live matcher the router runs on every
// mention and the FTS5 expression the archive back-fill runs. One parse feeds
// both, so they cannot disagree on what the query means.
import { compileKeywordMatcher, keywordsToFts, parseKeywords, type TokenMatcher } from './keywords'

export interface CompiledQuery {
  matches: TokenMatcher
  /** FTS5 MATCH expression, or null when the query selects nothing. */
  fts: string | null
}

export type CompileResult = { ok: true; query: CompiledQuery } | { ok: false; error: string; position: number }

export function compileColumnQuery(source: string): CompileResult {
  const parsed = parseKeywords(source)
  if (!parsed.ok) return parsed
  return { ok: true, query: { matches: compileKeywordMatcher(parsed.query), fts: keywordsToFts(parsed.query) } }
}
