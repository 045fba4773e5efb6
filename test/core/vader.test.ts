import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createRequire } from 'node:module'
import { sentimentLabel, vaderSentiment as scoreSentiment } from '../../src/main/core/sentiment/vader'
import type vader from 'vader-sentiment'

// The unpatched library bundle is the oracle for the patched tokenizer.
const require = createRequire(import.meta.url)
const bundle = require('vader-sentiment') as typeof vader

const pieces = [
  'love',
  'hate',
  'great',
  'terrible',
  'not',
  'very',
  'kind',
  'of',
  'but',
  'BUT',
  'never',
  'so',
  'good',
  'bad',
  'GREAT',
  'internet',
  'down',
  'Comcast',
  "don't",
  'cat',
  ':)',
  ':(',
  ':D',
  '<3',
  '😡',
  '🙂',
  'the',
  'sort',
  'least',
  '.',
  '!',
  '?',
  ',',
  ';',
  ':',
  '-',
  "'",
  '"',
  '!!',
  '!!!',
  '??',
  '?!?',
  '#',
  '@',
  '(',
  ')',
  '…',
]
const glue = fc.constantFrom(' ', '  ', '', '\n', '\t', ' ')
const texts = fc.oneof(
  fc
    .array(fc.tuple(fc.constantFrom(...pieces), glue), { maxLength: 30 })
    .map((ps) => ps.map(([p, g]) => p + g).join('')),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
)

describe('VADER (the baseline and a feature)', () => {
  it('labels with the usual +-0.05 thresholds', () => {
    expect(sentimentLabel(0.05)).toBe('positive')
    expect(sentimentLabel(0.0499)).toBe('neutral')
    expect(sentimentLabel(-0.0499)).toBe('neutral')
    expect(sentimentLabel(-0.05)).toBe('negative')
  })

  it('scores obvious cases', () => {
    expect(scoreSentiment('I love JetBlue, the crew was amazing!').label).toBe('positive')
    expect(scoreSentiment('Xfinity internet is down AGAIN, worst service ever').label).toBe('negative')
    expect(scoreSentiment('Ford opens a plant in Ohio').label).toBe('neutral')
  })

  it('gives exactly the scores of the unpatched library on random texts', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(scoreSentiment(text).score).toBe(
          Number(bundle.SentimentIntensityAnalyzer.polarity_scores(text).compound),
        )
      }),
      { numRuns: 3000 },
    )
  })
})
