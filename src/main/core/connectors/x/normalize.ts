// X API v2 posts to Earshot mentions, the one normalizer for the live stream,
// recent search and file imports (twarc2 JSONL, X API v2 JSON): the whole text
// of long posts (note_tweet) with t.co links expanded from the entities, the
// author from includes.users or inline (twarc's flattened form), the time
// from created_at or else from the snowflake id, the kind and referenced post
// from referenced_tweets, `replyTo` from in_reply_to_user_id and `refAuthor`
// (the author of the post replied to, quoted or reposted, for the
// summoned-reply rule) from whatever the payload carries about that post.
// Posts are validated one by one: a bad post is a problem with its reason,
// the others go on.
import type { MentionInput, MentionKind } from '../../../../shared/domain'
import {
  XResponsePageSchema,
  XTweetSchema,
  type XEntities,
  type XIncludes,
  type XTweet,
  type XUrlEntity,
  type XUser,
} from './payload'

export const X_WEB = 'https://x.com'

export const postUrl = (username: string, id: string) => `${X_WEB}/${username}/status/${id}`

/** The domain's limit on a mention's text (a long post may run to 25,000 characters). */
const MAX_TEXT = 20_000

const KIND_OF: Record<string, MentionKind> = { retweeted: 'repost', replied_to: 'reply', quoted: 'quote' }
// A repost is above all a repost; a reply that quotes is a reply.
const KIND_ORDER = ['retweeted', 'replied_to', 'quoted'] as const
type RefType = (typeof KIND_ORDER)[number]

/** X ids are snowflakes: the creation time is in the top bits. */
const TWITTER_EPOCH = 1_288_834_974_657n

/** Permalinks of posts (x.com or twitter.com), as quote posts carry them in entities.urls. */
const PERMALINK = /^https?:\/\/(?:www\.|mobile\.)?(?:x|twitter)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d+)/

/**
 * What to do with a post whose author is not in the payload. Live posts keep
 * it under the author's id (X always expands the author we ask for, and a
 * captured post is not thrown away for the lack of a name); an imported file
 * without its authors is reported, since it was most likely written without
 * the expansion and every post of it would carry an id for a handle.
 */
export type UnknownAuthor = 'by-id' | 'refuse'

/** The expanded users and posts of one response, by id. */
interface XLookup {
  users: ReadonlyMap<string, XUser>
  tweets: ReadonlyMap<string, XTweet>
}

function lookupOf(includes: XIncludes): XLookup {
  const users = new Map<string, XUser>()
  const tweets = new Map<string, XTweet>()
  for (const u of includes?.users ?? []) if (u) users.set(u.id, u)
  for (const t of includes?.tweets ?? []) if (t) tweets.set(t.id, t)
  return { users, tweets }
}

const NO_LOOKUP: XLookup = lookupOf(undefined)

export interface Normalized {
  mentions: MentionInput[]
  /** Posts that could not be read, with why (index into the response's posts). */
  problems: Array<{ index: number; message: string }>
}

/** One validated live post, with the users and posts its response expanded. */
export function normalizeTweet(tweet: XTweet, includes: XIncludes): MentionInput {
  return normalizePost(tweet, lookupOf(includes))
}

/** One validated post. An author missing from the payload is named by its id. */
function normalizePost(tweet: XTweet, lookup: XLookup): MentionInput {
  const author = authorOf(tweet, lookup)
  const handle = author?.username ?? tweet.author_id ?? 'unknown'
  const ref = referenceOf(tweet)
  const replyTo = tweet.in_reply_to_user_id ? handleOf(tweet.in_reply_to_user_id, tweet, lookup.users) : null
  return {
    source: 'x',
    externalId: tweet.id,
    url: postUrl(handle, tweet.id),
    createdAt: createdAt(tweet),
    author: {
      handle,
      name: (author?.name ?? handle).slice(0, 200),
      followers: author?.public_metrics?.followers_count ?? 0,
      avatarUrl: author?.profile_image_url ?? null,
      verified: author?.verified ?? false,
    },
    text: expandLinks(tweet).slice(0, MAX_TEXT),
    lang: tweet.lang && tweet.lang !== 'und' ? tweet.lang : null,
    kind: ref ? KIND_OF[ref.type]! : 'post',
    refId: ref?.id ?? null,
    replyTo,
    refAuthor: ref ? refAuthorOf(tweet, ref, lookup, replyTo) : null,
    hasMedia: (tweet.attachments?.media_keys?.length ?? 0) > 0 || urlsOf(tweet).some((u) => u.media_key),
  }
}

/** The posts of one response as they arrived, each validated on its own. */
export function normalizePosts(
  items: readonly unknown[],
  includes: XIncludes,
  unknownAuthor: UnknownAuthor,
): Normalized {
  const lookup = lookupOf(includes)
  const out: Normalized = { mentions: [], problems: [] }
  items.forEach((item, index) => {
    const parsed = XTweetSchema.safeParse(item)
    if (!parsed.success) {
      const message = `post ${index + 1}: ${parsed.error.issues[0]?.message ?? 'not a post'}`
      return void out.problems.push({ index, message })
    }
    const t = parsed.data
    if (unknownAuthor === 'refuse' && !authorOf(t, lookup)) {
      const message = `post ${t.id}: its author ${t.author_id ?? '(none)'} is not in includes.users`
      return void out.problems.push({ index, message })
    }
    out.mentions.push(normalizePost(t, lookup))
  })
  return out
}

/**
 * One X API v2 response page as a file holds it, or one twarc flattened post
 * (its author inline). Throws when the value is neither.
 */
export function normalizePage(value: unknown): Normalized {
  const single = XTweetSchema.safeParse(value)
  if (single.success && single.data.author) return { mentions: [normalizePost(single.data, NO_LOOKUP)], problems: [] }
  const page = XResponsePageSchema.safeParse(value)
  if (!page.success) throw new Error('not an X API v2 response page (no "data")')
  const { data, includes, errors, meta } = page.data
  if (data === undefined) {
    // A page with only errors (deleted or protected posts) or an empty result: nothing to import, nothing wrong.
    if (errors !== undefined || meta?.result_count === 0) return { mentions: [], problems: [] }
    throw new Error('not an X API v2 response page (no "data")')
  }
  return normalizePosts(Array.isArray(data) ? data : [data], includes, 'refuse')
}

function authorOf(tweet: XTweet, lookup: XLookup): XUser | undefined {
  return tweet.author ?? (tweet.author_id !== undefined ? lookup.users.get(tweet.author_id) : undefined)
}

function referenceOf(tweet: XTweet): { type: RefType; id: string } | undefined {
  const refs = tweet.referenced_tweets
  if (!refs) return undefined
  for (const type of KIND_ORDER) {
    const ref = refs.find((r) => r.type === type)
    if (ref) return { type, id: ref.id }
  }
  return undefined
}

function createdAt(tweet: XTweet): number {
  // The schema has checked that a created_at present is a date.
  if (tweet.created_at !== undefined) return Date.parse(tweet.created_at)
  return Number((BigInt(tweet.id) >> 22n) + TWITTER_EPOCH)
}

/** The entities of the whole text: a long post's own, which count offsets in its full text. */
function entitiesOf(tweet: XTweet): XEntities | undefined {
  return tweet.note_tweet ? tweet.note_tweet.entities : tweet.entities
}

/** Links of both texts: a quote permalink or a media link may be named in either. */
function urlsOf(tweet: XTweet): XUrlEntity[] {
  return [...(tweet.entities?.urls ?? []), ...(tweet.note_tweet?.entities?.urls ?? [])]
}

/** A user id to a handle: from includes.users, else from the post's own @mention entities (which carry ids). */
function handleOf(userId: string, tweet: XTweet, users: XLookup['users']): string | null {
  const mentions = [...(tweet.entities?.mentions ?? []), ...(tweet.note_tweet?.entities?.mentions ?? [])]
  return users.get(userId)?.username ?? mentions.find((m) => m.id === userId)?.username ?? null
}

function refAuthorOf(
  tweet: XTweet,
  ref: { type: RefType; id: string },
  lookup: XLookup,
  replyTo: string | null,
): string | null {
  // Best: the referenced post itself, when expanded (referenced_tweets.id[.author_id]).
  const expanded = lookup.tweets.get(ref.id)
  if (expanded?.author_id) {
    const handle = lookup.users.get(expanded.author_id)?.username
    if (handle) return handle
  }
  switch (ref.type) {
    case 'replied_to':
      return replyTo
    case 'quoted': {
      // A quote post links to the quoted post's permalink, which names its author.
      for (const u of urlsOf(tweet)) {
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
 * The post's whole text (note_tweet's for a long post) with each t.co link
 * replaced by the URL it stands for. X counts entity offsets in code points,
 * so the text is sliced as an array of code points; an entity whose offsets
 * do not land on its t.co link is replaced by search instead.
 */
export function expandLinks(tweet: XTweet): string {
  const text = tweet.note_tweet?.text ?? tweet.text
  const urls = (entitiesOf(tweet)?.urls ?? []).filter((u) => u.expanded_url).sort((a, b) => b.start - a.start)
  if (urls.length === 0) return text
  const chars = Array.from(text)
  if (urls.every((u) => chars.slice(u.start, u.end).join('') === u.url)) {
    for (const u of urls) chars.splice(u.start, u.end - u.start, u.expanded_url!)
    return chars.join('')
  }
  let replaced = text
  for (const u of urls) replaced = replaced.split(u.url).join(u.expanded_url!)
  return replaced
}
