// What a source implements to send replies: its reply policy for a mention,
// the send itself, and the look-up that makes a resend after a lost response
// safe (it finds a reply that did go out).
import type { ReplyMode, ReplyPolicy } from '../../../shared/contracts/replies'
import type { Mention } from '../../../shared/domain'

export interface OutgoingReply {
  /** The outbox idempotency key. */
  key: string
  mode: ReplyMode
  text: string
  /** The mention answered (its externalId is the target on the network). */
  mention: Mention
  /** Epoch ms of the first attempt, to bound the look-up. */
  firstAttemptAt: number
}

export interface SentReply {
  remoteId: string
  url: string | null
}

/** `rejected`: the network refused it (fix and retry). `lost`: it may have gone out. */
export class ReplyError extends Error {
  constructor(
    readonly kind: 'rejected' | 'lost',
    message: string,
  ) {
    super(message)
    this.name = 'ReplyError'
  }
}

export interface ReplyChannel {
  policy(mention: Mention): Omit<ReplyPolicy, 'source'>
  send(reply: OutgoingReply): Promise<SentReply>
  /** After a lost response: the reply already on the network for this request, or null. */
  find(reply: OutgoingReply): Promise<SentReply | null>
}
