// Replies to demo mentions go here instead of a network, so the whole reply
// flow (composer, outbox, sent state) can be tried without an account. It
// behaves like X: 280 weighted characters, direct replies and quotes.
import type { Mention } from '../../../shared/domain'
import type { OutgoingReply, ReplyChannel, SentReply } from './channel'

export const DEMO_ACCOUNT = 'earshot_demo'

export class DemoReplySink implements ReplyChannel {
  private readonly sent = new Map<string, SentReply & { text: string; targetId: string }>()
  private next = 1

  policy(mention: Mention) {
    return {
      counting: 'x' as const,
      limit: 280,
      reply: { allowed: true, reason: null },
      quote: true,
      openUrl: mention.url,
      account: DEMO_ACCOUNT,
    }
  }

  send(reply: OutgoingReply): Promise<SentReply> {
    const remoteId = `demo-reply-${this.next++}`
    const sent = { remoteId, url: null, text: reply.text, targetId: reply.mention.externalId }
    this.sent.set(reply.key, sent)
    return Promise.resolve({ remoteId, url: null })
  }

  find(reply: OutgoingReply): Promise<SentReply | null> {
    const sent = this.sent.get(reply.key)
    return Promise.resolve(sent ? { remoteId: sent.remoteId, url: sent.url } : null)
  }

  /** What was "posted", newest last (for tests and the demo's sent list). */
  posted(): Array<{ key: string; remoteId: string; text: string; targetId: string }> {
    return [...this.sent].map(([key, s]) => ({ key, remoteId: s.remoteId, text: s.text, targetId: s.targetId }))
  }
}
