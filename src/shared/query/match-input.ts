// What the query matcher reads from a mention, computed once per mention: word
// tokens, #hashtags, @mentions, links and folded handles. The entity rules live
// here, exported, so the store can save exactly the same derived values and
// SQL selects exactly what the live matcher selects.
import type { MentionKind, SentimentLabel, SourceId } from '../domain'
import { foldText, tokenize } from './tokenize'

/** The parts of a mention the matcher needs: a structural subset of `Mention`. */
export interface MatchSource {
  text: string
  author: { handle: string; followers: number }
  lang: string | null
  source: SourceId
  kind: MentionKind
  hasMedia: boolean
  sentimentLabel: SentimentLabel
  /** Handle of the user this post replies to, when known. */
  replyTo?: string | null
  /** A review's star rating. */
  rating?: number | null
}

export interface MatchInput {
  /** `tokenize(text)`, in order (for phrases). */
  readonly tokens: readonly string[]
  readonly tokenSet: ReadonlySet<string>
  /** Folded, without '#'. */
  readonly hashtags: ReadonlySet<string>
  /** Folded, without '@'. */
  readonly mentions: ReadonlySet<string>
  /** Lower-cased http(s) URLs found in the text. */
  readonly links: readonly string[]
  /** `foldHandle(author.handle)`. */
  readonly authorHandle: string
  /** `foldHandle(replyTo)`, or null. */
  readonly replyTo: string | null
  readonly followers: number
  /** `normalizeLang(lang)`, or null. */
  readonly lang: string | null
  readonly source: SourceId
  readonly kind: MentionKind
  readonly hasMedia: boolean
  readonly sentimentLabel: SentimentLabel
  /** A review's star rating, or null. */
  readonly rating: number | null
}

/**
 * The body of a hashtag or @mention: letters, digits, '_' (and combining marks,
 * which folding removes, so decomposed "é" does not end the tag). The query
 * parser accepts exactly this after '#' or '@', so every query tag can match.
 */
export const ENTITY_BODY = /^[\p{L}\p{M}\p{N}_]+$/u

/**
 * The body of an @mention on any network: an X-style name, a dotted Bluesky
 * handle (`alice.bsky.social`) or a Mastodon account (`user@host.social`). The
 * parser accepts exactly this after '@'.
 */
export const MENTION_BODY =
  /^[\p{L}\p{M}\p{N}_]+(?:[.-][\p{L}\p{M}\p{N}_]+)*(?:@[\p{L}\p{M}\p{N}_]+(?:[.-][\p{L}\p{M}\p{N}_]+)+)?$/u

// Not after a word character: `bob@example.com` is no mention and `C#` or
// `&#39;` no hashtag. Links are blanked first, so `example.com/#top` and
// `mastodon.social/@alice` contribute nothing either.
const HASHTAG = /(?<![\p{L}\p{M}\p{N}_&])#([\p{L}\p{M}\p{N}_]+)/gu
const MENTION = /(?<![\p{L}\p{M}\p{N}_])@([\p{L}\p{M}\p{N}_]+)/gu
// The long form of a mention (`@alice.bsky.social`, `@user@host.social`): kept
// as well as the X-style prefix that MENTION finds, so `@alice` still matches
// as it would on X and `@alice.bsky.social` matches the whole handle. A
// trailing '.' or '-' never joins (each separator needs a segment after it).
const LONG_MENTION =
  /(?<![\p{L}\p{M}\p{N}_])@([\p{L}\p{M}\p{N}_]+(?:[.-][\p{L}\p{M}\p{N}_]+)*(?:@[\p{L}\p{M}\p{N}_]+(?:[.-][\p{L}\p{M}\p{N}_]+)+)?)/gu
const LINK = /https?:\/\/[^\s<>"'`]+/giu
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '*'])
const CLOSERS = new Map([
  [')', '('],
  [']', '['],
  ['}', '{'],
])

/** Fold a handle for comparison: no leading '@', lower case, no diacritics. */
export function foldHandle(handle: string): string {
  return foldText(handle.startsWith('@') ? handle.slice(1) : handle)
}

/** `pt_BR` / `PT-br` -> `pt-br`, so region prefixes compare as strings. */
export function normalizeLang(lang: string): string {
  return lang.toLowerCase().replaceAll('_', '-')
}

/** Drop sentence punctuation and unbalanced closing brackets from the end of a URL. */
export function trimUrl(url: string): string {
  let end = url.length
  while (end > 0) {
    const ch = url[end - 1]!
    if (TRAILING.has(ch)) {
      end--
      continue
    }
    const opener = CLOSERS.get(ch)
    if (opener !== undefined) {
      const body = url.slice(0, end)
      if (body.split(ch).length > body.split(opener).length) {
        end--
        continue
      }
    }
    break
  }
  return url.slice(0, end)
}

interface LinkSpan {
  url: string
  start: number
  end: number
}

function linkSpans(text: string): LinkSpan[] {
  const spans: LinkSpan[] = []
  for (const m of text.matchAll(LINK)) {
    const url = trimUrl(m[0])
    // A scheme with no host (`https://`, `http://?x`) is not a link.
    if (/^https?:\/\/[^/?#]/i.test(url)) spans.push({ url, start: m.index, end: m.index + url.length })
  }
  return spans
}

function withoutSpans(text: string, spans: readonly LinkSpan[]): string {
  if (spans.length === 0) return text
  let out = ''
  let at = 0
  for (const s of spans) {
    out += text.slice(at, s.start) + ' '
    at = s.end
  }
  return out + text.slice(at)
}

function folded(text: string, pattern: RegExp): string[] {
  const out: string[] = []
  for (const m of text.matchAll(pattern)) {
    const value = foldText(m[1]!)
    if (value !== '') out.push(value)
  }
  return unique(out)
}

function mentionsIn(text: string): string[] {
  const short = folded(text, MENTION)
  if (!/@[^\s@]*[.@-]/u.test(text)) return short
  const long = folded(text, LONG_MENTION).filter((m) => /[.@-]/.test(m))
  return long.length === 0 ? short : unique([...short, ...long])
}

export interface Entities {
  /** Folded, without '#', first occurrence order, no duplicates. */
  hashtags: string[]
  /** Folded, without '@', first occurrence order, no duplicates. */
  mentions: string[]
  /** Lower-cased http(s) URLs, trailing punctuation trimmed, first occurrence order, no duplicates. */
  links: string[]
}

/** All three entity lists in one pass over the links (what the store saves per mention). */
export function extractEntities(text: string): Entities {
  // This runs for every ingested post: skip each regex when its marker is absent.
  const spans = text.includes('://') ? linkSpans(text) : []
  const rest = withoutSpans(text, spans)
  return {
    hashtags: rest.includes('#') ? folded(rest, HASHTAG) : [],
    mentions: rest.includes('@') ? mentionsIn(rest) : [],
    links: spans.length > 0 ? unique(spans.map((s) => s.url.toLowerCase())) : [],
  }
}

export function extractHashtags(text: string): string[] {
  return extractEntities(text).hashtags
}

export function extractMentions(text: string): string[] {
  return extractEntities(text).mentions
}

export function extractLinks(text: string): string[] {
  return extractEntities(text).links
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}

export function toMatchInput(m: MatchSource): MatchInput {
  const tokens = tokenize(m.text)
  const entities = extractEntities(m.text)
  return {
    tokens,
    tokenSet: new Set(tokens),
    hashtags: new Set(entities.hashtags),
    mentions: new Set(entities.mentions),
    links: entities.links,
    authorHandle: foldHandle(m.author.handle),
    replyTo: m.replyTo == null ? null : foldHandle(m.replyTo),
    followers: m.author.followers,
    lang: m.lang === null ? null : normalizeLang(m.lang),
    source: m.source,
    kind: m.kind,
    hasMedia: m.hasMedia,
    sentimentLabel: m.sentimentLabel,
    rating: m.rating ?? null,
  }
}
