// The multilingual sentiment model: its tokenizer, negation and emoji
// handling, the language routing with its `unscored` path, bad input, and
// that the shipped weights are exactly what the build script makes of the
// labelled data in ../shared/data/sentiment.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildModel, modelFileText } from '../../src/main/core/sentiment/build'
import { languageOf } from '../../src/main/core/sentiment/language'
import { scoreSentiment, SCORER } from '../../src/main/core/sentiment/scorer'
import { foldWord, tokenize } from '../../src/main/core/sentiment/tokenize'

const texts = (t: string) => tokenize(t).map((x) => x.text)

describe('sentiment tokenizer', () => {
  it('folds case, accents and long letter runs, and reduces links, handles and numbers to placeholders', () => {
    expect(foldWord('ÉNORME')).toBe('enorme')
    expect(foldWord('Soooooo')).toBe('soo')
    expect(texts('@user Qué GENIAL!!! https://t.co/x 42 #Fail')).toEqual([
      '<user>',
      'que',
      'genial',
      '!!',
      '<url>',
      '<num>',
      'fail',
    ])
  })

  it('keeps emoji (without skin tones) and emoticons as tokens', () => {
    expect(tokenize('love it 👍🏽 :) <3')).toEqual([
      { text: 'love', kind: 'word' },
      { text: 'it', kind: 'word' },
      { text: '👍', kind: 'emoji' },
      { text: ':)', kind: 'emoticon' },
      { text: '<3', kind: 'emoticon' },
    ])
  })

  it('marks up to three words after a negator, and punctuation ends the scope', () => {
    expect(texts('this is not good at all. love it')).toEqual([
      'this',
      'is',
      'not',
      '¬good',
      '¬at',
      '¬all',
      'love',
      'it',
    ])
    expect(texts("don't like it, fine")).toEqual(["don't", '¬like', '¬it', 'fine'])
    expect(texts('ce n’est pas bien')).toEqual(['ce', 'n’est', 'pas', '¬bien'])
    expect(texts('das ist nicht gut')).toEqual(['das', 'ist', 'nicht', '¬gut'])
  })

  it('reads at most the first 200 tokens of a very long post', () => {
    expect(tokenize('word '.repeat(5_000))).toHaveLength(200)
  })
})

describe('language routing', () => {
  it("takes the source's tag, with or without a region, and refuses languages it does not read", () => {
    expect(languageOf('whatever', 'es-MX')).toBe('es')
    expect(languageOf('whatever', 'PT_br')).toBe('pt')
    expect(languageOf('whatever', 'ja')).toBeNull()
  })

  it('identifies the language when the source gives none or says "und"', () => {
    expect(languageOf('El servicio es un desastre, llevo tres días sin internet', null)).toBe('es')
    expect(languageOf('Der Zug hat schon wieder eine Stunde Verspätung', 'und')).toBe('de')
    expect(languageOf('Merci beaucoup pour votre aide, équipe formidable', undefined)).toBe('fr')
    expect(languageOf('これは日本語の文章です', null)).toBeNull()
  })

  it('reads emoji-only posts, and nothing in posts without words or emoji', () => {
    expect(languageOf('😡😡 🔥', null)).toBe('en')
    expect(languageOf('https://example.com/a @someone #tag', null)).toBeNull()
    expect(languageOf('', null)).toBeNull()
  })
})

describe('the sentiment scorer', () => {
  it('reads the six languages', () => {
    expect(scoreSentiment('I love JetBlue, the crew was amazing!', 'en').label).toBe('positive')
    expect(scoreSentiment('Xfinity internet is down AGAIN, worst service ever', 'en').label).toBe('negative')
    expect(scoreSentiment('El servicio de Movistar es un desastre, llevo tres días sin internet', null).label).toBe(
      'negative',
    )
    expect(scoreSentiment('Merci beaucoup, super équipe !', 'fr').label).toBe('positive')
    expect(scoreSentiment('Der Zug ist schon wieder zu spät, furchtbar', 'de').label).toBe('negative')
  })

  it('says unscored, with score 0, for a language it does not read, and for posts with nothing to read', () => {
    expect(scoreSentiment('このサービスは最悪です', null)).toEqual({ score: 0, label: 'unscored' })
    expect(scoreSentiment('Great stuff', 'ja')).toEqual({ score: 0, label: 'unscored' })
    expect(scoreSentiment('https://example.com', null)).toEqual({ score: 0, label: 'unscored' })
    expect(scoreSentiment('', null)).toEqual({ score: 0, label: 'unscored' })
  })

  it('scores any text without throwing: a score in [-1, 1] and one of the four labels', () => {
    const long = 'terrible service '.repeat(600) // 10,200 characters
    for (const t of [long, '😀', 'mixed Русский текст and English words', '\u0000\uFFFF\uD800']) {
      const s = scoreSentiment(t, null)
      expect(Math.abs(s.score)).toBeLessThanOrEqual(1)
    }
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.option(fc.constantFrom('en', 'es', 'und', 'xx', '')),
        (text, lang) => {
          const s = scoreSentiment(text, lang)
          expect(Number.isFinite(s.score) && Math.abs(s.score) <= 1).toBe(true)
          expect(['positive', 'neutral', 'negative', 'unscored']).toContain(s.label)
        },
      ),
      { numRuns: 500 },
    )
  })
})

/** Where the labelled tweets are: $EARSHOT_SENTIMENT_DATA, or ../shared/data/sentiment beside the project. */
function sentimentData(): string {
  const candidates = [
    process.env.EARSHOT_SENTIMENT_DATA,
    resolve(__dirname, '../../../shared/data/sentiment'),
    '/work/shared/data/sentiment',
  ].filter((d): d is string => !!d)
  const found = candidates.find((d) => existsSync(join(d, 'xlmt-english-train.tsv')))
  if (!found) throw new Error(`no labelled sentiment data in ${candidates.join(' or ')}; set EARSHOT_SENTIMENT_DATA`)
  return found
}

describe('the shipped model', () => {
  it('is exactly what the build script makes of the shared data', () => {
    const shipped = readFileSync(join(__dirname, '../../resources/sentiment/model.json'), 'utf8')
    const { file } = buildModel(sentimentData())
    expect(file.scorer).toBe(SCORER)
    // Compared whole (not by hash) so a difference shows where it is.
    expect(modelFileText(file) === shipped).toBe(true)
  }, 120_000)
})
