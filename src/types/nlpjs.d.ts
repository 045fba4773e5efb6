// The parts of nlp.js's language packages Earshot uses: each language's
// stemmer, and the sentiment lexicons keyed by its stems.
interface NlpjsStemmer {
  stemWord(word: string): string
}
type NlpjsStemmerClass = new () => NlpjsStemmer

declare module '@nlpjs/lang-en-min/src/stemmer-en' {
  const Stemmer: NlpjsStemmerClass
  export = Stemmer
}
declare module '@nlpjs/lang-es/src/stemmer-es' {
  const Stemmer: NlpjsStemmerClass
  export = Stemmer
}
declare module '@nlpjs/lang-fr/src/stemmer-fr' {
  const Stemmer: NlpjsStemmerClass
  export = Stemmer
}
declare module '@nlpjs/lang-de/src/stemmer-de' {
  const Stemmer: NlpjsStemmerClass
  export = Stemmer
}
declare module '@nlpjs/lang-it/src/stemmer-it' {
  const Stemmer: NlpjsStemmerClass
  export = Stemmer
}
declare module '@nlpjs/lang-pt/src/stemmer-pt' {
  const Stemmer: NlpjsStemmerClass
  export = Stemmer
}
