// Live validation timing: debounce, the stale-reply guard, and the checker
// that combines them (fake timers, replies resolved out of order).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { QueryCheck } from '../../src/shared/contract'
import { createLatest, debounce } from '../../src/renderer/src/lib/latest'
import {
  createQueryChecker,
  isQueryInvalid,
  shownCheck,
  validQuery,
  type CheckState,
} from '../../src/renderer/src/lib/queryCheck'

const ok = (archived: number): QueryCheck => ({
  ok: true,
  description: 'd',
  archived,
  xRule: null,
  localOnly: [],
  xErrors: [],
})
const bad: QueryCheck = { ok: false, message: 'unbalanced parenthesis at 0', position: 0, length: 1 }

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('createLatest', () => {
  it('only the newest ticket is current', () => {
    const latest = createLatest()
    const a = latest.next()
    const b = latest.next()
    expect(latest.isCurrent(a)).toBe(false)
    expect(latest.isCurrent(b)).toBe(true)
    latest.invalidate()
    expect(latest.isCurrent(b)).toBe(false)
  })
})

describe('debounce', () => {
  it('calls once with the last arguments after the quiet period', () => {
    const fn = vi.fn()
    const d = debounce(fn, 200)
    d('a')
    vi.advanceTimersByTime(150)
    d('ab')
    vi.advanceTimersByTime(150)
    expect(fn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(50)
    expect(fn).toHaveBeenCalledOnce()
    expect(fn).toHaveBeenCalledWith('ab')
  })

  it('cancel drops and flush runs the pending call', () => {
    const fn = vi.fn()
    const d = debounce(fn, 200)
    d(1)
    d.cancel()
    vi.advanceTimersByTime(500)
    expect(fn).not.toHaveBeenCalled()
    d(2)
    expect(d.pending()).toBe(true)
    d.flush()
    expect(fn).toHaveBeenCalledWith(2)
    expect(d.pending()).toBe(false)
  })
})

function harness() {
  const calls: { query: string; resolve: (r: QueryCheck) => void; reject: (e: Error) => void }[] = []
  const states: CheckState[] = []
  const checker = createQueryChecker({
    check: (query) =>
      new Promise<QueryCheck>((resolve, reject) => {
        calls.push({ query, resolve, reject })
      }),
    onState: (s) => states.push(s),
  })
  return { calls, states, checker, last: () => states[states.length - 1] }
}

describe('createQueryChecker', () => {
  it('debounces typing into one check of the final text', async () => {
    const h = harness()
    for (const q of ['j', 'je', 'jet']) {
      h.checker.set(q)
      vi.advanceTimersByTime(100)
    }
    expect(h.calls).toHaveLength(0)
    expect(h.last()).toEqual({ status: 'pending', query: 'jet', previous: null })
    vi.advanceTimersByTime(100)
    expect(h.calls.map((c) => c.query)).toEqual(['jet'])
    h.calls[0]!.resolve(ok(3))
    await vi.runAllTimersAsync()
    expect(h.last()).toEqual({ status: 'ready', query: 'jet', result: ok(3) })
  })

  it('ignores a stale reply that arrives after a newer one', async () => {
    const h = harness()
    h.checker.set('(jet')
    vi.advanceTimersByTime(200)
    h.checker.set('(jet)')
    vi.advanceTimersByTime(200)
    expect(h.calls).toHaveLength(2)
    h.calls[1]!.resolve(ok(5))
    await vi.runAllTimersAsync()
    h.calls[0]!.resolve(bad)
    await vi.runAllTimersAsync()
    expect(h.last()).toEqual({ status: 'ready', query: '(jet)', result: ok(5) })
  })

  it('ignores a reply to a query typed over while it was in flight', async () => {
    const h = harness()
    h.checker.set('a', true)
    h.checker.set('ab')
    h.calls[0]!.resolve(ok(1))
    await vi.runAllTimersAsync()
    expect(h.states.some((s) => s.status === 'ready' && s.query === 'a')).toBe(false)
  })

  it('keeps the previous answer while the next check is pending', async () => {
    const h = harness()
    h.checker.set('(a', true)
    h.calls[0]!.resolve(bad)
    await vi.runAllTimersAsync()
    h.checker.set('(a)')
    expect(h.last()).toEqual({ status: 'pending', query: '(a)', previous: { query: '(a', result: bad } })
    expect(shownCheck(h.last()!)).toEqual({ query: '(a', result: bad })
  })

  it('goes idle on an empty query without calling the core, and reports failures', async () => {
    const h = harness()
    h.checker.set('   ')
    vi.advanceTimersByTime(1000)
    expect(h.calls).toHaveLength(0)
    expect(h.last()).toEqual({ status: 'idle' })
    h.checker.set('x', true)
    h.calls[0]!.reject(new Error('offline'))
    await vi.runAllTimersAsync()
    expect(h.last()).toEqual({ status: 'failed', query: 'x', message: 'offline' })
  })

  it('stop drops pending work and outstanding replies', async () => {
    const h = harness()
    h.checker.set('a', true)
    h.checker.set('ab')
    h.checker.stop()
    vi.advanceTimersByTime(1000)
    h.calls[0]!.resolve(ok(1))
    await vi.runAllTimersAsync()
    expect(h.calls).toHaveLength(1)
    expect(h.last()?.status).toBe('pending')
  })
})

describe('isQueryInvalid / validQuery', () => {
  it('blocks empty and unparsable queries at once, and ones the core refused', () => {
    const pending: CheckState = { status: 'pending', query: 'x', previous: null }
    expect(isQueryInvalid({ status: 'idle' }, '')).toBe(true)
    expect(isQueryInvalid(pending, '(jetblue')).toBe(true)
    expect(isQueryInvalid(pending, '(jetblue OR oreo) -is:repost')).toBe(false)
    expect(isQueryInvalid({ status: 'ready', query: 'zz', result: bad }, 'zz')).toBe(true)
    expect(isQueryInvalid({ status: 'ready', query: 'zz', result: bad }, 'zzz')).toBe(false)
    expect(validQuery({ status: 'ready', query: 'a', result: ok(0) })).toBe('a')
    expect(validQuery({ status: 'ready', query: 'a', result: bad })).toBeNull()
    expect(validQuery(pending)).toBeNull()
  })
})
