// X API v2 posts to Earshot mentions: t.co links expanded from entities.urls,
// the author from includes.users, the kind and referenced post from
// referenced_tweets, `replyTo` from in_reply_to_user_id and `refAuthor` (the
// author of the post replied to, quoted or reposted, for the summoned-reply
// rule) from whatever the payload carries about that post.
import type { MentionInput, MentionKind } from '../../../../shared/domain'
import type { XIncludes, XTweet, XUser } from './payload'

export const X_WEB = 'https://x.com'

export const postUrl = (username: string, id: string) => `${X_WEB}/${username}/status/${id}`

const KIND_OF: Record<'retweeted' | 'quoted' | 'replied_to', MentionKind> = {
  retweeted: 'repost',
  replied_to: 'reply',
  quoted: 'quote',
}
// A repost is above all a repost; a reply that quotes is a reply.
const KIND_ORDER = ['retweeted', 'replied_to', 'quoted'] as const

/** Permalinks of posts (x.com or twitter.com), as quote posts carry them in entities.urls. */
const PERMALINK = /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d+)/

export function normalizeTweet(tweet: XTweet, includes: XIncludes, receivedAt: number): MentionInput {
  const users = new Map((includes?.users ?? []).map((u) => [u.id, u]))
  const author = tweet.author_id ? users.get(tweet.author_id) : undefined
  const handle = author?.username ?? tweet.author_id ?? 'unknown'
  const ref = KIND_ORDER.map((type) => tweet.referenced_tweets?.find((r) => r.type === type)).find((r) => r)
  const createdAt = tweet.created_at ? Date.parse(tweet.created_at) : NaN
  const replyTo = tweet.in_reply_to_user_id ? handleOf(tweet.in_reply_to_user_id, tweet, users) : null
  return {
    source: 'x',
    externalId: tweet.id,
    url: postUrl(handle, tweet.id),
    createdAt: Number.isFinite(createdAt) ? createdAt : receivedAt,
    author: toAuthor(author, handle),
    text: expandLinks(tweet),
    lang: tweet.lang && tweet.lang !== 'und' ? tweet.lang : null,
    kind: ref ? KIND_OF[ref.type] : 'post',
    refId: ref?.id ?? null,
    replyTo,
    refAuthor: ref ? refAuthorOf(tweet, ref, includes, users, replyTo) : null,
    hasMedia: (tweet.attachments?.media_keys?.length ?? 0) > 0 || (tweet.entities?.urls ?? []).some((u) => u.media_key),
  }
}

function toAuthor(user: XUser | undefined, handle: string): MentionInput['author'] {
  return {
    handle,
    name: (user?.name ?? handle).slice(0, 200),
    followers: user?.public_metrics?.followers_count ?? 0,
    avatarUrl: user?.profile_image_url ?? null,
    verified: user?.verified ?? false,
  }
}

/** A user id to a handle: from includes.users, else from the post's own @mention entities (which carry ids). */
function handleOf(userId: string, tweet: XTweet, users: Map<string, XUser>): string | null {
  return users.get(userId)?.username ?? tweet.entities?.mentions?.find((m) => m.id === userId)?.username ?? null
}

function refAuthorOf(
  tweet: XTweet,
  ref: { type: 'retweeted' | 'quoted' | 'replied_to'; id: string },
  includes: XIncludes,
  users: Map<string, XUser>,
  replyTo: string | null,
): string | null {
  // Best: the referenced post itself, when expanded (referenced_tweets.id[.author_id]).
  const expanded = includes?.tweets?.find((t) => t.id === ref.id)
  if (expanded?.author_id) {
    const handle = users.get(expanded.author_id)?.username
    if (handle) return handle
  }
  switch (ref.type) {
    case 'replied_to':
      return replyTo
    case 'quoted': {
      // A quote post links to the quoted post's permalink, which names its author.
      for (const u of tweet.entities?.urls ?? []) {
        const m = PERMALINK.exec(u.expanded_url ?? '')
        if (m && m[2] === ref.id) return m[1]!
      }
      return null
    }
    case 'retweeted':
      return /^RT @([A-Za-z0-9_]{1,15}):/.exec(tweet.text)?.[1] ?? null
  }
}

/**
 * Replaces each t.co link with the URL it stands for. X counts entity offsets
 * in code points, so the text is sliced as an array of code points; an entity
 * whose offsets do not land on its t.co link is replaced by search instead.
 */
export function expandLinks(tweet: XTweet): string {
  const urls = [...(tweet.entities?.urls ?? [])].filter((u) => u.expanded_url).sort((a, b) => b.start - a.start)
  if (urls.length === 0) return tweet.text
  const chars = Array.from(tweet.text)
  let byIndex = true
  for (const u of urls) {
    if (chars.slice(u.start, u.end).join('') !== u.url) byIndex = false
  }
  if (byIndex) {
    for (const u of urls) chars.splice(u.start, u.end - u.start, u.expanded_url!)
    return chars.join('')
  }
  let text = tweet.text
  for (const u of urls) text = text.split(u.url).join(u.expanded_url!)
  return text
}
