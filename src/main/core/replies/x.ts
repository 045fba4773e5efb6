// Replies and quotes on X through the outbox: POST /2/tweets in the replying
// account's context (OAuth 1.0a). When the response is lost, `find` looks at
// the account's own recent posts for one answering the same post with the same
// text before the outbox may send again, so a retry never posts twice.
import { parseTweet } from 'twitter-text'
import type { TwitterApiv2 } from 'twitter-api-v2'
import type { Mention } from '../../../shared/domain'
import { ReplyError, type OutgoingReply, type ReplyChannel, type SentReply } from './channel'
import { describeFailure } from '../connectors/x/client'
import { postUrl } from '../connectors/x/normalize'
import { xReplyPolicy } from './x-policy'

/** How far before the first attempt to look for the post (clock skew between us and X). */
const FIND_SLACK_MS = 5 * 60_000

export interface XReplyOptions {
  api: TwitterApiv2
  /** The replying account's handle, from the settings. */
  account: string | null
  now(): number
  /** Scrubs secret values from text that may be stored or shown. */
  redact(text: string): string
}

export class XReplyChannel implements ReplyChannel {
  private userId: Promise<string> | null = null

  constructor(private readonly o: XReplyOptions) {}

  policy(mention: Mention) {
    return xReplyPolicy(mention, this.o.account)
  }

  async send(reply: OutgoingReply): Promise<SentReply> {
    const parsed = parseTweet(reply.text)
    if (!parsed.valid) {
      throw new ReplyError(
        'rejected',
        parsed.weightedLength > 280
          ? `the post is ${parsed.weightedLength} characters as X counts them; X allows 280`
          : 'X does not accept this text (empty or with invalid characters)',
      )
    }
    const target = reply.mention.externalId
    try {
      const { data } =
        reply.mode === 'quote' ? await this.o.api.quote(reply.text, target) : await this.o.api.reply(reply.text, target)
      return { remoteId: data.id, url: this.urlOf(data.id) }
    } catch (err) {
      throw this.replyError(err)
    }
  }

  async find(reply: OutgoingReply): Promise<SentReply | null> {
    try {
      const userId = await this.me()
      const timeline = await this.o.api.userTimeline(userId, {
        start_time: new Date(reply.firstAttemptAt - FIND_SLACK_MS).toISOString(),
        max_results: 100,
        'tweet.fields': ['referenced_tweets', 'created_at'],
      })
      const type = reply.mode === 'quote' ? 'quoted' : 'replied_to'
      const target = reply.mention.externalId
      const found = timeline.tweets.find(
        (t) => t.referenced_tweets?.some((r) => r.type === type && r.id === target) && sameText(t.text, reply.text),
      )
      return found ? { remoteId: found.id, url: this.urlOf(found.id) } : null
    } catch (err) {
      throw this.replyError(err)
    }
  }

  private me(): Promise<string> {
    this.userId ??= this.o.api.me().then(
      (r) => r.data.id,
      (err: unknown) => {
        this.userId = null
        throw err
      },
    )
    return this.userId
  }

  private urlOf(id: string): string {
    return postUrl(this.o.account ?? 'i/web', id)
  }

  /** 4xx: X said no, nothing was posted. 5xx, resets, timeouts: it may have been posted. */
  private replyError(err: unknown): ReplyError {
    const f = describeFailure(err)
    const message = this.o.redact(`X: ${f.message}`)
    if (f.kind === 'http' && f.status >= 400 && f.status < 500) return new ReplyError('rejected', message)
    return new ReplyError('lost', message)
  }
}

/** X rewrites links to t.co and may trim whitespace: compare the text around the links. */
export function sameText(posted: string, sent: string): boolean {
  const strip = (s: string) =>
    s
      .replace(/https?:\/\/\S+/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  return strip(posted) === strip(sent)
}
