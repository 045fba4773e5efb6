import { describe, expect, it } from 'vitest'
import { OUTBOX_STATES, type OutboxState } from '../../src/shared/contracts/replies'
import { canTake, nextState, OutboxTransitionError, type OutboxEvent } from '../../src/main/core/replies/state'

const EVENTS: OutboxEvent[] = ['send', 'ok', 'rejected', 'lost', 'found', 'absent', 'retry', 'withdraw']

describe('outbox state machine', () => {
  it('follows the happy path queued -> sending -> sent', () => {
    expect(nextState('queued', 'send')).toBe('sending')
    expect(nextState('sending', 'ok')).toBe('sent')
  })

  it('a rejected send fails, and only a retry queues it again', () => {
    expect(nextState('sending', 'rejected')).toBe('failed')
    expect(nextState('failed', 'retry')).toBe('queued')
    expect(canTake('failed', 'send')).toBe(false)
  })

  it('a lost send is checked on the network before anything is resent', () => {
    expect(nextState('sending', 'lost')).toBe('unknown')
    expect(canTake('unknown', 'send')).toBe(false)
    expect(nextState('unknown', 'found')).toBe('sent')
    expect(nextState('unknown', 'absent')).toBe('queued')
    expect(nextState('unknown', 'lost')).toBe('unknown')
    expect(nextState('unknown', 'rejected')).toBe('failed')
  })

  it('only a reply still queued can be withdrawn (its post was deleted); one on its way is left to finish', () => {
    expect(nextState('queued', 'withdraw')).toBe('failed')
    for (const from of ['sending', 'unknown', 'sent', 'failed'] as const) expect(canTake(from, 'withdraw')).toBe(false)
  })

  it('a sent reply is final: no event moves it, so it is never posted twice', () => {
    for (const e of EVENTS) expect(canTake('sent', e)).toBe(false)
    expect(() => nextState('sent', 'send')).toThrow(OutboxTransitionError)
    expect(() => nextState('sent', 'retry')).toThrow('a reply that is sent cannot take "retry"')
  })

  it('only queued replies can be sent, and canTake agrees with nextState everywhere', () => {
    for (const from of OUTBOX_STATES as readonly OutboxState[]) {
      expect(canTake(from, 'send')).toBe(from === 'queued')
      for (const e of EVENTS) {
        if (canTake(from, e)) expect(OUTBOX_STATES).toContain(nextState(from, e))
        else expect(() => nextState(from, e)).toThrow(OutboxTransitionError)
      }
    }
  })
})
