// Builds the shipped sentiment model from the labelled tweets in
// ../shared/data/sentiment (never copied into the project): fits on every
// language's train split at once, measures on the validation splits beside
// VADER, and returns the model file. Deterministic: the same data gives the
// same bytes, which a test checks against resources/sentiment/model.json.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FeatureBuilder, SCORED_LANGUAGES, type LexiconScores, type ScoredLanguage } from './features'
import {
  argmax,
  CLASSES,
  fit,
  measure,
  predict,
  type Example,
  type FitOptions,
  type LinearModel,
  type Measures,
} from './linear'
import { encodeModel, type ModelFile } from './model-file'
import { vaderScores, vaderSentiment } from './vader'

export const SCORER_NAME = 'earshot-linear/1'

/** Chosen on the validation splits (see the README's sentiment section). */
export const FIT: FitOptions = { bits: 17, epochs: 5, learningRate: 0.03, l2: 1e-6, seed: 1 }

const FILE_LANGUAGE: Record<ScoredLanguage, string> = {
  en: 'english',
  es: 'spanish',
  fr: 'french',
  de: 'german',
  pt: 'portuguese',
  it: 'italian',
}

export interface DataSplit {
  name: string
  examples: Example[]
}

/** Reads one "label<TAB>text" file; a malformed line is an error naming it. */
export function readSplit(path: string, language: ScoredLanguage): Example[] {
  const examples: Example[] = []
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '') return
      const tab = line.indexOf('\t')
      const label = Number(line.slice(0, tab))
      if (tab < 1 || !(label === 0 || label === 1 || label === 2))
        throw new Error(`${path}:${i + 1}: expected "0|1|2<TAB>text"`)
      examples.push({ label, text: line.slice(tab + 1), language })
    })
  return examples
}

export interface SentimentData {
  train: Example[]
  validation: DataSplit[]
}

/**
 * The train splits, and the validation splits the model is chosen on. The
 * TweetEval validation set shares 1,430 tweets with XLM-T's English train
 * split, so only its tweets not in any train split are used.
 */
export function readSentimentData(dir: string): SentimentData {
  const train = SCORED_LANGUAGES.flatMap((l) => readSplit(join(dir, `xlmt-${FILE_LANGUAGE[l]}-train.tsv`), l))
  const seen = new Set(train.map((e) => e.text))
  const tweeteval = readSplit(join(dir, 'tweeteval-english-val.tsv'), 'en').filter((e) => !seen.has(e.text))
  return {
    train,
    validation: [
      { name: 'tweeteval-en (held out)', examples: tweeteval },
      ...SCORED_LANGUAGES.map((l) => ({
        name: `xlmt-${l}`,
        examples: readSplit(join(dir, `xlmt-${FILE_LANGUAGE[l]}-val.tsv`), l),
      })),
    ],
  }
}

function memo(f: (text: string) => LexiconScores): (text: string) => LexiconScores {
  const seen = new Map<string, LexiconScores>()
  return (text) => {
    let v = seen.get(text)
    if (!v) seen.set(text, (v = f(text)))
    return v
  }
}

function confusion(examples: readonly Example[], classify: (e: Example) => number): number[][] {
  const m = Array.from({ length: CLASSES }, () => new Array<number>(CLASSES).fill(0))
  for (const e of examples) m[e.label]![classify(e)]!++
  return m
}

export interface SplitResult {
  name: string
  model: Measures
  vader: Measures
}

const VADER_CLASS = { negative: 0, neutral: 1, positive: 2, unscored: 1 } as const

/** Macro-recall and F1^PN of a model and of VADER on each validation split. */
export function evaluate(model: LinearModel, splits: readonly DataSplit[]): SplitResult[] {
  const builder = new FeatureBuilder(model)
  const p = new Float64Array(CLASSES)
  const classify = (e: Example) => argmax(predict(model, builder.build(e.text, e.language, vaderScores(e.text)), p))
  return splits.map((s) => ({
    name: s.name,
    model: measure(confusion(s.examples, classify)),
    vader: measure(confusion(s.examples, (e) => VADER_CLASS[vaderSentiment(e.text).label])),
  }))
}

const round3 = (x: number) => Math.round(x * 1000) / 1000

export function buildModel(dir: string): { file: ModelFile; results: SplitResult[] } {
  const data = readSentimentData(dir)
  const model = fit(data.train, memo(vaderScores), FIT)
  const results = evaluate(model, data.validation)
  const file = encodeModel(model, SCORER_NAME, {
    built: 'npm run sentiment:build (src/main/core/sentiment/build.ts) from ../shared/data/sentiment',
    sources: [
      'cardiffnlp/xlm-t data/sentiment (UMSAB; Barbieri et al., LREC 2022): train splits, six languages',
      'cardiffnlp/tweeteval sentiment val (SemEval-2017 Task 4A): validation only',
      'lexicon features: VADER (vader-sentiment), SentiCon/Pattern/AFINN from nlp.js (@nlpjs/lang-*)',
    ],
    fit: FIT,
    trainExamples: data.train.length,
    validation: Object.fromEntries(
      results.map((r) => [
        r.name,
        {
          macroRecall: round3(r.model.macroRecall),
          f1pn: round3(r.model.f1pn),
          vaderMacroRecall: round3(r.vader.macroRecall),
          count: r.model.count,
        },
      ]),
    ),
  })
  return { file, results }
}

/** The model file's text as written to disk. */
export function modelFileText(file: ModelFile): string {
  return `${JSON.stringify(file, null, 1)}\n`
}
