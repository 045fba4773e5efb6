// The outbox state machine, kept pure so every path can be tested alone.
//
//   queued --send--> sending --ok--> sent
//     |                |  \--rejected--> failed --retry--> queued
//     |                \--lost--> unknown --found--> sent
//     |                              \--absent--> queued
//     \--withdraw--> failed
//
// `lost` is any outcome where the network may have taken the post (a dropped
// connection, a timeout, a 5xx, or the app stopping mid-send): before it is
// sent again, the network is asked whether it already has it. `withdraw` is a
// reply not yet sent whose post its author deleted: it must never go out.
import type { OutboxState } from '../../../shared/contracts/replies'

export type OutboxEvent = 'send' | 'ok' | 'rejected' | 'lost' | 'found' | 'absent' | 'retry' | 'withdraw'

const TRANSITIONS: Record<OutboxState, Partial<Record<OutboxEvent, OutboxState>>> = {
  queued: { send: 'sending', withdraw: 'failed' },
  sending: { ok: 'sent', rejected: 'failed', lost: 'unknown' },
  unknown: { found: 'sent', absent: 'queued', rejected: 'failed', lost: 'unknown' },
  failed: { retry: 'queued' },
  sent: {},
}

export class OutboxTransitionError extends Error {
  constructor(
    readonly from: OutboxState,
    readonly event: OutboxEvent,
  ) {
    super(`a reply that is ${from} cannot take "${event}"`)
    this.name = 'OutboxTransitionError'
  }
}

export function nextState(from: OutboxState, event: OutboxEvent): OutboxState {
  const to = TRANSITIONS[from][event]
  if (!to) throw new OutboxTransitionError(from, event)
  return to
}

export function canTake(from: OutboxState, event: OutboxEvent): boolean {
  return TRANSITIONS[from][event] !== undefined
}
