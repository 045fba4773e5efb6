// VADER (vader-sentiment): the baseline the model is measured against, and
// one of its features. Compound score in [-1, 1] and the usual label
// thresholds (>= 0.05 positive, <= -0.05 negative).
//
// Why the patch below: the library's tokenizer builds a dictionary of every
// word glued to each of 17 punctuation strings for every text, which makes it
// cost ~150 us per post and caps ingest near 6k posts/s. We replace that one
// method with an equivalent O(words) version; test/core/sentiment.test.ts
// proves on random texts that the scores are identical to the unpatched
// library bundle.
import {
  PUNC_LIST,
  REGEX_REMOVE_PUNCTUATION,
  SentiText,
  SentimentIntensityAnalyzer,
} from 'vader-sentiment/src/vaderSentiment.js'
import type { SentimentLabel } from '../../../shared/domain'
import type { LexiconScores } from './features'

// Exactly the characters the library's own punctuation regex removes (all ASCII).
const PUNCTUATION_CHARS = (() => {
  const single = new RegExp(REGEX_REMOVE_PUNCTUATION.source)
  const chars = new Set<string>()
  for (let code = 0; code < 128; code++) {
    const ch = String.fromCharCode(code)
    if (single.test(ch)) chars.add(ch)
  }
  return chars
})()
const PUNCTUATION_AFFIXES = new Set(PUNC_LIST)
const WHITESPACE = /\s/

/**
 * Same result as SentiText#get_words_and_emoticons: tokens longer than one
 * character, with one leading or trailing punctuation affix removed when what
 * remains is a word of the punctuation-free text.
 */
function wordsAndEmoticons(this: SentiText): string[] {
  const tokens = this.text.split(WHITESPACE).filter((t) => t.length > 1)
  const words = new Set(
    this.text
      .replace(REGEX_REMOVE_PUNCTUATION, '')
      .split(WHITESPACE)
      .filter((w) => w.length > 1),
  )
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    let head = 0
    while (head < t.length && PUNCTUATION_CHARS.has(t[head]!)) head++
    let tail = t.length
    while (tail > head && PUNCTUATION_CHARS.has(t[tail - 1]!)) tail--
    if (head > 0 && tail === t.length) {
      const word = t.slice(head)
      if (PUNCTUATION_AFFIXES.has(t.slice(0, head)) && words.has(word)) tokens[i] = word
    } else if (head === 0 && tail < t.length) {
      const word = t.slice(0, tail)
      if (PUNCTUATION_AFFIXES.has(t.slice(tail)) && words.has(word)) tokens[i] = word
    }
  }
  return tokens
}

SentiText.prototype.get_words_and_emoticons = wordsAndEmoticons

export const SENTIMENT_THRESHOLD = 0.05

export function sentimentLabel(compound: number): SentimentLabel {
  if (compound >= SENTIMENT_THRESHOLD) return 'positive'
  if (compound <= -SENTIMENT_THRESHOLD) return 'negative'
  return 'neutral'
}

/** VADER's four numbers for a text, finite. */
export function vaderScores(text: string): LexiconScores {
  const s = SentimentIntensityAnalyzer.polarity_scores(text)
  const finite = (x: number) => (Number.isFinite(x) ? x : 0)
  return { compound: finite(s.compound), pos: finite(s.pos), neg: finite(s.neg), neu: finite(s.neu) }
}

/** VADER's own verdict: compound score and the thresholded label. */
export function vaderSentiment(text: string): { score: number; label: SentimentLabel } {
  const score = vaderScores(text).compound
  return { score, label: sentimentLabel(score) }
}
