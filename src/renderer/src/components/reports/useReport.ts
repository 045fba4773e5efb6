// Loads a report, and the chosen columns' capture bounds, from the core. The
// answer is kept with the request it answers: a newer request supersedes an
// older one still in flight, and the last report stays on screen meanwhile.
// Reports name their view, so the core drops or abandons the older one too
// instead of building it behind the newer (reports.get in the contract).
import { useEffect, useState } from 'react'
import type { Report } from '../../../../shared/contracts/reports'
import type { ColumnId } from '../../../../shared/domain'
import { fetchReport, fetchReportBounds } from '../../state/reports'
import { errorLine } from '../../lib/errors'

export type Loaded<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; value: T; stale: boolean }
  | { status: 'error'; message: string }

type Answer<T> = { key: string; value: T } | { key: string; error: string }

/** Runs `load` whenever `key` changes (null: nothing to load) and keeps its latest answer. */
function useKeyed<T>(key: string | null, load: (key: string) => Promise<T>): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null)
  useEffect(() => {
    if (key === null) return
    let live = true
    load(key).then(
      (value) => live && setAnswer({ key, value }),
      (err: unknown) => live && setAnswer({ key, error: errorLine(err) }),
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the request
  }, [key])
  if (key === null) return { status: 'idle' }
  if (answer === null) return { status: 'loading' }
  if ('error' in answer) return answer.key === key ? { status: 'error', message: answer.error } : { status: 'loading' }
  return { status: 'ready', value: answer.value, stale: answer.key !== key }
}

export interface ReportRequest {
  columnIds: ColumnId[]
  since: number
  until: number
}

export function useReport(request: ReportRequest | null, generation: number): Loaded<Report> {
  // Random, not React's useId: two browsers showing the same page must not share a view.
  const [view] = useState(() => `report-${Math.random().toString(36).slice(2)}`)
  return useKeyed(request && JSON.stringify({ ...request, generation }), (key) => {
    const { columnIds, since, until } = JSON.parse(key) as ReportRequest
    return fetchReport({ columnIds, since, until, top: 10, view })
  })
}

export type Bounds = { first: number | null; last: number | null }

export function useBounds(columnIds: ColumnId[], generation: number): Bounds | null {
  const loaded = useKeyed(columnIds.length === 0 ? null : JSON.stringify({ columnIds, generation }), (key) =>
    fetchReportBounds({ columnIds: (JSON.parse(key) as { columnIds: ColumnId[] }).columnIds }),
  )
  if (loaded.status === 'ready' && !loaded.stale) return loaded.value
  if (loaded.status === 'error') return { first: null, last: null }
  return null
}
