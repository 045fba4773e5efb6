// A text's features for the linear sentiment model, hashed into a fixed number
// of buckets (the "hashing trick": no vocabulary to ship, unseen words cost
// nothing): token unigrams and bigrams, character 3- to 5-grams of each word
// (so "encantada" shares with "encanta"), per-language copies of the unigrams,
// and VADER's own scores as dense features. Signed hashing keeps collisions
// from adding up in one direction.
import { readLexicon, type LexiconView } from './lexicons'
import { tokenize } from './tokenize'

export const SCORED_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it'] as const
export type ScoredLanguage = (typeof SCORED_LANGUAGES)[number]

/** VADER's view of the text: compound in [-1, 1] and the three proportions. */
export interface LexiconScores {
  compound: number
  pos: number
  neg: number
  neu: number
}

export interface FeatureSpace {
  /** log2 of the number of hashed buckets. */
  bits: number
}

/** Dense features after the hashed buckets: VADER's four, per language and shared, plus a bias per language. */
const DENSE_PER_GROUP = 8
export const denseCount = (SCORED_LANGUAGES.length + 1) * DENSE_PER_GROUP

export function featureCount(space: FeatureSpace): number {
  return (1 << space.bits) + denseCount
}

/** A sparse vector: parallel arrays of bucket indices and values. */
export interface Features {
  index: Int32Array
  value: Float32Array
  length: number
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

function mix(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME)
  return h
}

// Distinct seeds per feature family, so "u:ab" and a bigram "a b" do not meet by construction.
const SEED_UNIGRAM = mix(FNV_OFFSET, 'u')
const SEED_BIGRAM = mix(FNV_OFFSET, 'b')
const SEED_CHARS = mix(FNV_OFFSET, 'c')
const SEED_LANGUAGE = SCORED_LANGUAGES.map((l) => mix(FNV_OFFSET, `l${l}`))

const MIN_GRAM = 3
const MAX_GRAM = 5

export class FeatureBuilder {
  private readonly mask: number
  private readonly dense0: number
  private index = new Int32Array(1024)
  private value = new Float32Array(1024)
  private length = 0

  constructor(space: FeatureSpace) {
    this.mask = (1 << space.bits) - 1
    this.dense0 = 1 << space.bits
  }

  /** The features of one text; the arrays are reused by the next call. */
  build(text: string, language: ScoredLanguage, lexicon: LexiconScores): Features {
    this.length = 0
    const lang = SCORED_LANGUAGES.indexOf(language)
    const tokens = tokenize(text)
    let previous = ''
    for (const token of tokens) {
      const t = token.text
      const u = mix(SEED_UNIGRAM, t)
      this.hashed(u)
      this.hashed(mix(SEED_LANGUAGE[lang]!, t))
      if (previous) this.hashed(mix(mix(SEED_BIGRAM, previous), `\u0001${t}`))
      previous = t
      if (token.kind === 'word') this.chars(t)
    }
    // Long texts should not drown the dense features: scale the hashed part to unit length.
    const norm = this.length > 0 ? 1 / Math.sqrt(this.length) : 0
    for (let i = 0; i < this.length; i++) this.value[i]! *= norm
    const words = readLexicon(tokens, language)
    this.dense(0, lexicon, words)
    this.dense((lang + 1) * DENSE_PER_GROUP, lexicon, words)
    return { index: this.index, value: this.value, length: this.length }
  }

  private chars(word: string): void {
    const from = word.startsWith('¬') ? 1 : 0
    const padded = `<${word.slice(from)}>`
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++)
      for (let i = 0; i + n <= padded.length; i++) this.hashed(mix(SEED_CHARS, padded, i, i + n))
  }

  private hashed(h: number): void {
    this.push(h & this.mask, h & 0x80000000 ? -1 : 1)
  }

  private dense(offset: number, s: LexiconScores, words: LexiconView): void {
    const at = this.dense0 + offset
    this.push(at, s.compound)
    this.push(at + 1, s.pos)
    this.push(at + 2, s.neg)
    this.push(at + 3, s.neu)
    this.push(at + 4, words.positive / (1 + words.positive))
    this.push(at + 5, words.negative / (1 + words.negative))
    this.push(at + 6, words.coverage)
    this.push(at + 7, 1)
  }

  private push(index: number, value: number): void {
    if (this.length === this.index.length) {
      const index2 = new Int32Array(this.length * 2)
      const value2 = new Float32Array(this.length * 2)
      index2.set(this.index)
      value2.set(this.value)
      this.index = index2
      this.value = value2
    }
    this.index[this.length] = index
    this.value[this.length] = value
    this.length++
  }
}
