// Every mention's sentiment: the shipped linear model (resources/sentiment,
// built by `npm run sentiment:build`) in the six languages it reads, and
// `unscored` for any other. The score is P(positive) - P(negative), in
// [-1, 1] like VADER's compound; the label is the most probable class.
import type { SentimentLabel } from '../../../shared/domain'
import shipped from '../../../../resources/sentiment/model.json'
import { FeatureBuilder, type ScoredLanguage } from './features'
import { languageOf } from './language'
import { argmax, NEGATIVE, POSITIVE, predict, type LinearModel } from './linear'
import { decodeModel, type ModelFile } from './model-file'
import { vaderScores } from './vader'

export interface Sentiment {
  score: number
  label: SentimentLabel
}

/** The scorer and version stored with what it scored. */
export const SCORER: string = (shipped as ModelFile).scorer
/** What archives from before the model were scored with. */
export const LEGACY_SCORER = 'vader/1'
/** A score that came in an imported file without saying what made it. */
export const IMPORTED_SCORER = 'imported'
/** A review's own star rating read as its sentiment (the author's verdict, better than any model's guess). */
export const STARS_SCORER = 'stars/1'
/** Scorers a re-score leaves alone: the current model, and reviews' stars. */
export const CURRENT_SCORERS: readonly string[] = [SCORER, STARS_SCORER]

/** 1–2 stars negative, 3 neutral, 4–5 positive; the score runs -1 (one star) to 1 (five). */
export function starsSentiment(rating: number): Sentiment {
  return { score: (rating - 3) / 2, label: rating <= 2 ? 'negative' : rating >= 4 ? 'positive' : 'neutral' }
}

const UNSCORED: Sentiment = { score: 0, label: 'unscored' }
/** Labels by class index (NEGATIVE, NEUTRAL, POSITIVE), then `unscored`; also the worker's byte codes. */
const LABEL_CODES: readonly SentimentLabel[] = ['negative', 'neutral', 'positive', 'unscored']

/** Scores texts with one model; one instance per thread (its buffers are reused). */
export class SentimentModel {
  private readonly builder: FeatureBuilder
  private readonly p = new Float64Array(3)

  constructor(private readonly model: LinearModel) {
    this.builder = new FeatureBuilder(model)
  }

  /** Class probabilities for a text known to be in `language` (negative, neutral, positive). */
  probabilities(text: string, language: ScoredLanguage): Float64Array {
    return predict(this.model, this.builder.build(text, language, vaderScores(text)), this.p)
  }

  score(text: string, lang: string | null | undefined): Sentiment {
    const language = languageOf(text, lang)
    if (language === null) return UNSCORED
    const p = this.probabilities(text, language)
    const score = p[POSITIVE]! - p[NEGATIVE]!
    return { score: Number.isFinite(score) ? score : 0, label: LABEL_CODES[argmax(p)]! }
  }
}

let model: SentimentModel | undefined

/** The shipped model's verdict on one text; never throws. */
export function scoreSentiment(text: string, lang?: string | null): Sentiment {
  model ??= new SentimentModel(decodeModel(shipped as ModelFile))
  try {
    return model.score(text, lang)
  } catch {
    return UNSCORED
  }
}

/** Labels as bytes, for the worker's transfer. */
export function labelCode(label: SentimentLabel): number {
  return LABEL_CODES.indexOf(label)
}
export function labelOfCode(code: number): SentimentLabel {
  return LABEL_CODES[code] ?? 'unscored'
}
