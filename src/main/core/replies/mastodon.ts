// Replies on Mastodon through masto: POST /api/v1/statuses with
// `in_reply_to_id` and the outbox key as `Idempotency-Key` (Mastodon returns
// the first status for a repeated key for an hour, so a resend cannot double
// post). `find` looks through the account's own recent statuses.
import { createRestAPIClient, type mastodon } from 'masto'
import type { Mention } from '../../../shared/domain'
import { ReplyError, type OutgoingReply, type ReplyChannel, type SentReply } from './channel'

export interface MastodonReplyOptions {
  instance: string
  accessToken: string
  charLimit: number
}

export class MastodonReplies implements ReplyChannel {
  private client: mastodon.rest.Client
  private account: Promise<mastodon.v1.AccountCredentials> | null = null

  constructor(private readonly o: MastodonReplyOptions) {
    this.client = createRestAPIClient({ url: o.instance, accessToken: o.accessToken, timeout: 30_000 })
  }

  policy(mention: Mention) {
    return {
      counting: 'graphemes' as const,
      limit: this.o.charLimit,
      reply: { allowed: true, reason: null },
      quote: false,
      openUrl: mention.url,
      account: null,
    }
  }

  async send(reply: OutgoingReply): Promise<SentReply> {
    if (reply.mode !== 'reply') throw new ReplyError('rejected', 'Mastodon replies only (no quote posts)')
    try {
      // Mentioning the author keeps the reply in their notifications, as Mastodon's own composer does.
      const handle = reply.mention.author.handle
      const text = reply.text.includes(`@${handle}`) ? reply.text : `@${handle} ${reply.text}`
      const status = await this.client.v1.statuses.create(
        { status: text, inReplyToId: reply.mention.externalId, visibility: 'public' },
        { requestInit: { headers: { 'Idempotency-Key': reply.key } } },
      )
      return { remoteId: status.id, url: status.url ?? status.uri }
    } catch (err) {
      throw classify(err)
    }
  }

  async find(reply: OutgoingReply): Promise<SentReply | null> {
    try {
      this.account ??= this.client.v1.accounts.verifyCredentials()
      const me = await this.account
      const recent = await this.client.v1.accounts.$select(me.id).statuses.list({ limit: 40 })
      const hit = recent.find(
        (s) => s.inReplyToId === reply.mention.externalId && Date.parse(s.createdAt) >= reply.firstAttemptAt - 60_000,
      )
      return hit ? { remoteId: hit.id, url: hit.url ?? hit.uri } : null
    } catch (err) {
      this.account = null
      throw new ReplyError('lost', `could not check for the reply: ${(err as Error).message}`)
    }
  }
}

function classify(err: unknown): ReplyError {
  const status = (err as { statusCode?: number }).statusCode
  const message = (err as Error).message
  if (typeof status === 'number' && status >= 400 && status < 500)
    return new ReplyError('rejected', `Mastodon refused (${status}): ${message}`)
  return new ReplyError('lost', `Mastodon did not answer: ${message}`)
}
