// Published sentiment lexicons for the six languages, from nlp.js's language
// packages (MIT): SentiCon for English, Spanish and German, the Pattern
// lexicons for French and Italian, AFINN for Spanish and Portuguese. Each is
// keyed by the stems of that language's nlp.js stemmer. The model reads what
// they say of a text as three dense features; it learns how far to trust them.
import StemmerDe from '@nlpjs/lang-de/src/stemmer-de'
import StemmerEn from '@nlpjs/lang-en-min/src/stemmer-en'
import StemmerEs from '@nlpjs/lang-es/src/stemmer-es'
import StemmerFr from '@nlpjs/lang-fr/src/stemmer-fr'
import StemmerIt from '@nlpjs/lang-it/src/stemmer-it'
import StemmerPt from '@nlpjs/lang-pt/src/stemmer-pt'
import senticonDe from '@nlpjs/lang-de/src/sentiment/senticon_de.json'
import senticonEn from '@nlpjs/lang-en/src/sentiment/senticon_en.json'
import afinnEs from '@nlpjs/lang-es/src/sentiment/afinn_es.json'
import senticonEs from '@nlpjs/lang-es/src/sentiment/senticon_es.json'
import patternFr from '@nlpjs/lang-fr/src/sentiment/pattern_fr.json'
import patternIt from '@nlpjs/lang-it/src/sentiment/pattern_it.json'
import afinnPt from '@nlpjs/lang-pt/src/sentiment/afinn_pt.json'
import type { ScoredLanguage } from './features'
import type { Token } from './tokenize'

type Scores = Record<string, number>

interface Lexicon {
  stemmer: { stemWord(word: string): string }
  /** Stem -> valence in [-1, 1] (AFINN's -5..5 scaled down). */
  valence: Map<string, number>
}

function merge(...lexicons: Array<[Scores, number]>): Map<string, number> {
  const valence = new Map<string, number>()
  for (const [scores, scale] of lexicons)
    for (const [stem, v] of Object.entries(scores)) if (!valence.has(stem) && v !== 0) valence.set(stem, v / scale)
  return valence
}

let lexicons: Record<ScoredLanguage, Lexicon> | undefined

function load(): Record<ScoredLanguage, Lexicon> {
  return (lexicons ??= {
    en: { stemmer: new StemmerEn(), valence: merge([senticonEn, 1]) },
    es: { stemmer: new StemmerEs(), valence: merge([senticonEs, 1], [afinnEs, 5]) },
    fr: { stemmer: new StemmerFr(), valence: merge([patternFr, 1]) },
    de: { stemmer: new StemmerDe(), valence: merge([senticonDe, 1]) },
    it: { stemmer: new StemmerIt(), valence: merge([patternIt, 1]) },
    pt: { stemmer: new StemmerPt(), valence: merge([afinnPt, 5]) },
  })
}

export interface LexiconView {
  /** Sum of the positive valences found, negated words counted on the other side. */
  positive: number
  negative: number
  /** Share of the words the lexicon knows. */
  coverage: number
}

export function readLexicon(tokens: readonly Token[], language: ScoredLanguage): LexiconView {
  const { stemmer, valence } = load()[language]
  let positive = 0
  let negative = 0
  let words = 0
  let known = 0
  for (const token of tokens) {
    if (token.kind !== 'word') continue
    words++
    const negated = token.text.startsWith('¬')
    const v = valence.get(stemmer.stemWord(negated ? token.text.slice(1) : token.text))
    if (v === undefined) continue
    known++
    const signed = negated ? -v : v
    if (signed > 0) positive += signed
    else negative -= signed
  }
  return { positive, negative, coverage: words ? known / words : 0 }
}
