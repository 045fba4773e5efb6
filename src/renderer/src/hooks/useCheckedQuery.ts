// A query field's value plus its live validation (lib/queryCheck): setting
// the value schedules a debounced `query.check`; stale replies are dropped.
// A non-empty initial value is checked at once.
import { useEffect, useState } from 'react'
import { checkQuery } from '../state/search'
import { createQueryChecker, type CheckState } from '../lib/queryCheck'

export interface CheckedQuery {
  query: string
  setQuery(query: string): void
  check: CheckState
}

function initialState(query: string): CheckState {
  return query.trim() === '' ? { status: 'idle' } : { status: 'pending', query, previous: null }
}

export function useCheckedQuery(initial = ''): CheckedQuery {
  const [query, setValue] = useState(initial)
  const [check, setCheck] = useState<CheckState>(() => initialState(initial))
  const [checker] = useState(() => createQueryChecker({ check: (q) => checkQuery({ query: q }), onState: setCheck }))

  useEffect(() => {
    if (initial.trim() !== '') checker.set(initial, true)
    return () => checker.stop()
    // Only the first value is checked here; later ones go through setQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checker])

  const setQuery = (next: string): void => {
    setValue(next)
    checker.set(next)
  }
  return { query, setQuery, check }
}
