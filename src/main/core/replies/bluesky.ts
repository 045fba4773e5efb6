// Replies (and quotes) on Bluesky through @atproto/api with an app password.
// The parent's record is fetched for its CID and its own reply ref, so `root`
// is the thread's root and `parent` the post answered. The record key is a TID
// derived from the outbox key and first attempt, so a resend after a lost
// response writes the same record (the PDS refuses a duplicate) and `find`
// can look it up directly.
import { AtpAgent, RichText, XRPCError } from '@atproto/api'
import type { Mention } from '../../../shared/domain'
import { ReplyError, type OutgoingReply, type ReplyChannel, type SentReply } from './channel'
import { POST_COLLECTION, postUrl } from '../connectors/bluesky/events'

export const BLUESKY_CHAR_LIMIT = 300

export interface BlueskyReplyOptions {
  service: string
  identifier: string
  appPassword: string
}

const AT_URI = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz'

/** A record key in TID form (53-bit microseconds, 10-bit clock id), the same for the same inputs. */
export function replyRkey(key: string, firstAttemptAt: number): string {
  let clock = 0
  for (const ch of key) clock = (clock * 31 + ch.charCodeAt(0)) & 0x3ff
  let value = (BigInt(firstAttemptAt) * 1000n) << 10n
  value |= BigInt(clock)
  let out = ''
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(value & 31n)] + out
    value >>= 5n
  }
  return out
}

export class BlueskyReplies implements ReplyChannel {
  private agent: AtpAgent
  private login: Promise<void> | null = null

  constructor(private readonly o: BlueskyReplyOptions) {
    this.agent = new AtpAgent({ service: o.service })
  }

  policy(mention: Mention) {
    return {
      counting: 'graphemes' as const,
      limit: BLUESKY_CHAR_LIMIT,
      reply: { allowed: AT_URI.test(mention.externalId), reason: null },
      quote: AT_URI.test(mention.externalId),
      openUrl: mention.url,
      account: this.o.identifier,
    }
  }

  async send(reply: OutgoingReply): Promise<SentReply> {
    const did = await this.session()
    const target = await this.call(() => {
      const [, repo, collection, rkey] = AT_URI.exec(reply.mention.externalId) ?? []
      if (!repo) throw new ReplyError('rejected', 'this post has no at:// address')
      return this.agent.com.atproto.repo.getRecord({ repo, collection: collection!, rkey: rkey! })
    })
    const cid = target.data.cid
    if (!cid) throw new ReplyError('rejected', 'the post answered has no CID (was it deleted?)')
    const parent = { uri: target.data.uri, cid }
    const own = (target.data.value as { reply?: { root?: { uri: string; cid: string } } }).reply?.root
    const text = new RichText({ text: reply.text })
    text.detectFacetsWithoutResolution()
    const record = {
      $type: POST_COLLECTION,
      text: text.text,
      facets: text.facets,
      createdAt: new Date(reply.firstAttemptAt).toISOString(),
      ...(reply.mode === 'reply'
        ? { reply: { root: own ? { uri: own.uri, cid: own.cid } : parent, parent } }
        : { embed: { $type: 'app.bsky.embed.record', record: parent } }),
    }
    const rkey = replyRkey(reply.key, reply.firstAttemptAt)
    try {
      const res = await this.call(() =>
        this.agent.com.atproto.repo.createRecord({ repo: did, collection: POST_COLLECTION, rkey, record }),
      )
      return { remoteId: res.data.uri, url: postUrl(res.data.uri, this.agent.session?.handle ?? did) }
    } catch (err) {
      // The same rkey already exists: an earlier attempt went through.
      if (err instanceof ReplyError && err.kind === 'rejected') {
        const found = await this.find(reply).catch(() => null)
        if (found) return found
      }
      throw err
    }
  }

  async find(reply: OutgoingReply): Promise<SentReply | null> {
    const did = await this.session()
    const rkey = replyRkey(reply.key, reply.firstAttemptAt)
    try {
      const res = await this.agent.com.atproto.repo.getRecord({ repo: did, collection: POST_COLLECTION, rkey })
      return { remoteId: res.data.uri, url: postUrl(res.data.uri, this.agent.session?.handle ?? did) }
    } catch (err) {
      if (err instanceof XRPCError && (err.status === 400 || err.status === 404)) return null
      throw new ReplyError('lost', `could not check for the reply: ${(err as Error).message}`)
    }
  }

  private async session(): Promise<string> {
    if (!this.agent.session) {
      this.login ??= this.call(() =>
        this.agent.login({ identifier: this.o.identifier, password: this.o.appPassword }),
      ).then(
        () => undefined,
        (err: unknown) => {
          this.login = null
          throw err
        },
      )
      await this.login
    }
    return this.agent.session!.did
  }

  /** Maps failures: a refusal by the server is `rejected`; no answer at all may have gone through (`lost`). */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (err) {
      if (err instanceof ReplyError) throw err
      if (err instanceof XRPCError && err.status >= 400 && err.status < 500)
        throw new ReplyError('rejected', `Bluesky refused: ${err.message || err.error}`)
      throw new ReplyError('lost', `Bluesky did not answer: ${(err as Error).message}`)
    }
  }
}
