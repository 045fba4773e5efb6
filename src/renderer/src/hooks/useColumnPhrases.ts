// The words a column's query asks for (see lib/queryPhrases), memoized on the
// query text, for highlighting why a mention matched.
import { useMemo } from 'react'
import { queryPhrases } from '../lib/queryPhrases'

export function useColumnPhrases(query: string): readonly (readonly string[])[] {
  return useMemo(() => queryPhrases(query), [query])
}
