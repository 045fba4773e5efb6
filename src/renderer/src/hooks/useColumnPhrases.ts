// The parsed keyword phrases of a column's query, memoized on the query text,
// for highlighting why a mention matched.
import { useMemo } from 'react'
import { parseKeywords } from '../../../shared/query/keywords'

const NONE: readonly (readonly string[])[] = []

export function useColumnPhrases(query: string): readonly (readonly string[])[] {
  return useMemo(() => {
    const parsed = parseKeywords(query)
    return parsed.ok ? parsed.query.phrases : NONE
  }, [query])
}
