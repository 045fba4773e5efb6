// The words a column's query asks for (outside negations), memoized on the
// query text, for highlighting why a mention matched.
import { useMemo } from 'react'
import { highlightPhrases } from '../../../shared/query'

export function useColumnPhrases(query: string): readonly (readonly string[])[] {
  return useMemo(() => highlightPhrases(query), [query])
}
