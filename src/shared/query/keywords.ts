// Keyword columns: any-of terms and "quoted phrases", separated by spaces,
// commas or OR. A term matches when its tokens appear consecutively in the
// mention's text. The same definition compiles to an FTS5 expression, so the
// live router and the archive back-fill select the same mentions.
import { tokenize } from './tokenize'

export interface KeywordQuery {
  /** Each alternative is a phrase: one or more tokens that must be adjacent. */
  phrases: string[][]
}

export type ParseResult = { ok: true; query: KeywordQuery } | { ok: false; error: string; position: number }

export function parseKeywords(input: string): ParseResult {
  const phrases: string[][] = []
  let i = 0
  while (i < input.length) {
    const ch = input[i]!
    if (/[\s,]/.test(ch)) {
      i++
      continue
    }
    if (ch === '"') {
      const end = input.indexOf('"', i + 1)
      if (end === -1) return { ok: false, error: `unclosed quote at ${i}`, position: i }
      const tokens = tokenize(input.slice(i + 1, end))
      if (tokens.length > 0) phrases.push(tokens)
      i = end + 1
      continue
    }
    let end = i
    while (end < input.length && !/[\s,"]/.test(input[end]!)) end++
    const word = input.slice(i, end)
    if (word !== 'OR') {
      const tokens = tokenize(word)
      if (tokens.length > 0) phrases.push(tokens)
    }
    i = end
  }
  return { ok: true, query: { phrases: dedupePhrases(phrases) } }
}

function dedupePhrases(phrases: string[][]): string[][] {
  const seen = new Set<string>()
  return phrases.filter((p) => {
    const key = p.join(' ')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** True when the token list contains the phrase as a contiguous run. */
function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  const first = phrase[0]
  for (let i = 0; i + phrase.length <= tokens.length; i++) {
    if (tokens[i] !== first) continue
    let j = 1
    while (j < phrase.length && tokens[i + j] === phrase[j]) j++
    if (j === phrase.length) return true
  }
  return false
}

export type TokenMatcher = (tokens: readonly string[], tokenSet: ReadonlySet<string>) => boolean

/** Compile once per column; the router calls the result for every mention. */
export function compileKeywordMatcher(query: KeywordQuery): TokenMatcher {
  const singles = query.phrases.filter((p) => p.length === 1).map((p) => p[0]!)
  const multi = query.phrases.filter((p) => p.length > 1)
  if (singles.length === 0 && multi.length === 0) return () => false
  return (tokens, tokenSet) => {
    for (const s of singles) if (tokenSet.has(s)) return true
    for (const p of multi) if (tokenSet.has(p[0]!) && containsPhrase(tokens, p)) return true
    return false
  }
}

/**
 * FTS5 MATCH expression over the `text` column, or null when the query
 * selects nothing. Tokens are letters and digits only, so quoting is safe.
 */
export function keywordsToFts(query: KeywordQuery): string | null {
  if (query.phrases.length === 0) return null
  const alternatives = query.phrases.map((p) => `"${p.join(' ')}"`)
  return `text : (${alternatives.join(' OR ')})`
}
