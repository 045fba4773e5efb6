// Counting a reply's length the way its network does: X's weighted count
// (twitter-text: URLs are 23, CJK and emoji weigh 2) or grapheme clusters
// (Bluesky's 300, Mastodon's 500: one emoji, however many code points, is
// one). The composer's live count; the X connector checks a reply with the same
// twitter-text before sending (it also refuses invalid characters).
// Default import: twitter-text's ESM build (what the renderer bundles) has only a default export.
import twitterText from 'twitter-text'
import type { CharCounting } from './contracts/replies'

export interface TextCount {
  /** Length in the network's unit. */
  used: number
  limit: number
  /** Characters over the limit (0 when it fits). */
  over: number
  fits: boolean
}

let segmenter: Intl.Segmenter | undefined

/** User-perceived characters (extended grapheme clusters). */
export function countGraphemes(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let n = 0
  for (const _ of segmenter.segment(text)) n++
  return n
}

/** X's weighted length (what its 280 limit counts). */
export function countX(text: string): number {
  return twitterText.parseTweet(text).weightedLength
}

export function countText(text: string, counting: CharCounting, limit: number): TextCount {
  const used = counting === 'x' ? countX(text) : countGraphemes(text)
  const over = Math.max(0, used - limit)
  return { used, limit, over, fits: over === 0 }
}
