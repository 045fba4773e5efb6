// The linear sentiment model: three classes (negative, neutral, positive) over
// hashed features, a softmax on top. Fitting is multinomial logistic
// regression with AdaGrad, deterministic for a given seed and data order, so
// the shipped weights can be rebuilt bit for bit.
import {
  FeatureBuilder,
  featureCount,
  type Features,
  type FeatureSpace,
  type LexiconScores,
  type ScoredLanguage,
} from './features'

export const CLASSES = 3
/** Class indices, as the data sets number them. */
export const NEGATIVE = 0
export const NEUTRAL = 1
export const POSITIVE = 2

export interface LinearModel extends FeatureSpace {
  /** Class-major weights: weights[k * featureCount + j]. */
  weights: Float32Array
}

export interface Example {
  text: string
  language: ScoredLanguage
  label: number
}

export interface FitOptions extends FeatureSpace {
  epochs: number
  learningRate: number
  l2: number
  seed: number
  average?: boolean
}

/** A small, fast, seedable PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function copy(f: Features): Features {
  return { index: f.index.slice(0, f.length), value: f.value.slice(0, f.length), length: f.length }
}

/** Softmax of class-major weights (n per class) over one feature vector, written into `out`. */
function softmax(w: Float32Array | Float64Array, n: number, f: Features, out: Float64Array): Float64Array {
  let max = -Infinity
  for (let k = 0; k < CLASSES; k++) {
    const base = k * n
    let z = 0
    for (let i = 0; i < f.length; i++) z += w[base + f.index[i]!]! * f.value[i]!
    out[k] = z
    if (z > max) max = z
  }
  let sum = 0
  for (let k = 0; k < CLASSES; k++) sum += out[k] = Math.exp(out[k]! - max)
  for (let k = 0; k < CLASSES; k++) out[k]! /= sum
  return out
}

/** Class probabilities of one feature vector, written into `out`. */
export function predict(model: LinearModel, f: Features, out: Float64Array): Float64Array {
  return softmax(model.weights, featureCount(model), f, out)
}

/** The most probable class (ties go to neutral, then negative). */
export function argmax(p: ArrayLike<number>): number {
  if (p[POSITIVE]! > p[NEUTRAL]! && p[POSITIVE]! > p[NEGATIVE]!) return POSITIVE
  return p[NEGATIVE]! > p[NEUTRAL]! ? NEGATIVE : NEUTRAL
}

export function fit(
  examples: readonly Example[],
  lexicon: (text: string) => LexiconScores,
  o: FitOptions,
): LinearModel {
  const builder = new FeatureBuilder(o)
  const rows = examples.map((e) => copy(builder.build(e.text, e.language, lexicon(e.text))))
  const n = featureCount(o)
  const model: LinearModel = { bits: o.bits, weights: new Float32Array(CLASSES * n) }
  // Training runs in float64; the model keeps float32 copies, rounded the same way every time.
  const w = new Float64Array(CLASSES * n)
  const g2 = new Float64Array(CLASSES * n)
  const order = examples.map((_, i) => i)
  const next = random(o.seed)
  const p = new Float64Array(CLASSES)
  // The model is the mean of the weights after each epoch (Polyak averaging): steadier than the last iterate.
  const mean = new Float64Array(CLASSES * n)
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[order[i], order[j]] = [order[j]!, order[i]!]
    }
    for (const r of order) {
      const f = rows[r]!
      const y = examples[r]!.label
      softmax(w, n, f, p)
      for (let k = 0; k < CLASSES; k++) {
        const err = p[k]! - (k === y ? 1 : 0)
        for (let i = 0; i < f.length; i++) {
          const at = k * n + f.index[i]!
          const g = err * f.value[i]! + o.l2 * w[at]!
          g2[at]! += g * g
          w[at]! -= (o.learningRate * g) / Math.sqrt(g2[at]! + 1e-8)
        }
      }
    }
    for (let j = 0; j < w.length; j++) mean[j]! += w[j]! / o.epochs
  }
  model.weights.set(o.average === false ? w : mean)
  return model
}

/** SemEval-2017 Task 4A's measures from a confusion matrix (rows: truth, columns: prediction). */
export interface Measures {
  macroRecall: number
  /** Mean of the F1 of positive and of negative (F1^PN). */
  f1pn: number
  accuracy: number
  count: number
}

export function measure(confusion: number[][]): Measures {
  const total = confusion.flat().reduce((a, b) => a + b, 0)
  const recall = (k: number) =>
    confusion[k]![k]! /
    Math.max(
      1,
      confusion[k]!.reduce((a, b) => a + b, 0),
    )
  const precision = (k: number) =>
    confusion[k]![k]! /
    Math.max(
      1,
      confusion.reduce((a, row) => a + row[k]!, 0),
    )
  const f1 = (k: number) => {
    const pr = precision(k)
    const rc = recall(k)
    return pr + rc === 0 ? 0 : (2 * pr * rc) / (pr + rc)
  }
  let correct = 0
  for (let k = 0; k < CLASSES; k++) correct += confusion[k]![k]!
  return {
    macroRecall: (recall(NEGATIVE) + recall(NEUTRAL) + recall(POSITIVE)) / 3,
    f1pn: (f1(NEGATIVE) + f1(POSITIVE)) / 2,
    accuracy: correct / Math.max(1, total),
    count: total,
  }
}
