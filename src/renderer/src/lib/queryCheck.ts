// Live query validation without React: debounces what the operator types,
// asks the core (`query.check`), ignores replies to queries since replaced,
// and reports one state at a time. The hook in hooks/useCheckedQuery wires
// it to a component; tests drive it with fake timers and promises.
import type { QueryCheck } from '../../../shared/contract'
import { parseQuery } from '../../../shared/query'
import { createLatest, debounce, realTimers, type Timers } from './latest'

export const CHECK_DELAY_MS = 200

/** One answer and the query it answers. */
export interface Checked {
  query: string
  result: QueryCheck
}

export type CheckState =
  /** Nothing typed. */
  | { status: 'idle' }
  /** Waiting for the debounce or the reply; `previous` is the last answer, shown meanwhile. */
  | { status: 'pending'; query: string; previous: Checked | null }
  | { status: 'ready'; query: string; result: QueryCheck }
  /** The check itself failed (connection, core without the command). */
  | { status: 'failed'; query: string; message: string }

export interface QueryChecker {
  /** The query changed: check it after the debounce (or at once with `immediate`). */
  set(query: string, immediate?: boolean): void
  /** Drops pending work and outstanding replies. */
  stop(): void
}

interface CheckerOptions {
  check: (query: string) => Promise<QueryCheck>
  onState: (state: CheckState) => void
  delayMs?: number
  timers?: Timers
}

export function createQueryChecker({
  check,
  onState,
  delayMs = CHECK_DELAY_MS,
  timers = realTimers,
}: CheckerOptions): QueryChecker {
  const latest = createLatest()
  let last: Checked | null = null

  const run = (query: string): void => {
    const ticket = latest.next()
    check(query).then(
      (result) => {
        if (!latest.isCurrent(ticket)) return
        last = { query, result }
        onState({ status: 'ready', query, result })
      },
      (err: unknown) => {
        if (!latest.isCurrent(ticket)) return
        onState({ status: 'failed', query, message: err instanceof Error ? err.message : String(err) })
      },
    )
  }
  const later = debounce(run, delayMs, timers)

  return {
    set(query, immediate = false) {
      latest.invalidate()
      later.cancel()
      if (query.trim() === '') {
        last = null
        onState({ status: 'idle' })
        return
      }
      onState({ status: 'pending', query, previous: last })
      if (immediate) run(query)
      else later(query)
    },
    stop() {
      later.cancel()
      latest.invalidate()
    },
  }
}

/** The answer to show now: the fresh one, or the previous one while a new check is on its way. */
export function shownCheck(state: CheckState): Checked | null {
  if (state.status === 'ready') return { query: state.query, result: state.result }
  if (state.status === 'pending') return state.previous
  return null
}

/**
 * True when `query` must not be saved: empty, or it does not parse (checked
 * here at once, with the same parser the core runs, so Add never lights up
 * for a broken query while its check is on the way), or the core said so.
 */
export function isQueryInvalid(state: CheckState, query: string): boolean {
  if (query.trim() === '' || !parseQuery(query).ok) return true
  const shown = shownCheck(state)
  return shown !== null && shown.query === query && !shown.result.ok
}

/** The query that was checked and found valid, or null. */
export function validQuery(state: CheckState): string | null {
  return state.status === 'ready' && state.result.ok ? state.query : null
}
