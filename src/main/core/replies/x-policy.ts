// X's rule for replies by API from self-serve apps: a reply is accepted only
// when the post's author summoned the replying account, by mentioning it or by
// quoting or replying to one of its posts (and an account may always answer
// itself). Otherwise the composer offers a quote, or opening the post on X.
import { extractMentions } from 'twitter-text'
import type { ReplyPolicy } from '../../../shared/contracts/replies'
import type { Mention } from '../../../shared/domain'
import { postUrl } from '../connectors/x/normalize'

/** X's weighted length limit for a post (twitter-text counts it). */
export const X_POST_LIMIT = 280

const same = (a: string | null | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase()

export function summoned(mention: Mention, account: string): boolean {
  if (same(mention.author.handle, account)) return true
  if (extractMentions(mention.text).some((handle) => same(handle, account))) return true
  return (mention.kind === 'reply' || mention.kind === 'quote') && same(mention.refAuthor, account)
}

export function xReplyPolicy(mention: Mention, account: string | null): Omit<ReplyPolicy, 'source'> {
  const base = {
    counting: 'x' as const,
    limit: X_POST_LIMIT,
    quote: true,
    openUrl: mention.url ?? postUrl('i/web', mention.externalId),
    account,
  }
  if (!account) {
    return {
      ...base,
      reply: {
        allowed: false,
        reason: 'Set the replying X account in Sources: X allows replies only to posts that summon it.',
      },
    }
  }
  if (summoned(mention, account)) return { ...base, reply: { allowed: true, reason: null } }
  return {
    ...base,
    reply: {
      allowed: false,
      reason: `X lets apps reply only to posts that mention @${account} or quote or reply to one of its posts. Quote this post, or open it on X to reply there.`,
    },
  }
}
