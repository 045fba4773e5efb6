// Types for the parts of vader-sentiment's ES module source that we use.
declare module 'vader-sentiment/src/vaderSentiment.js' {
  export interface PolarityScores {
    neg: number
    neu: number
    pos: number
    compound: number
  }
  export class SentiText {
    constructor(text: string)
    text: string
    words_and_emoticons: string[]
    get_words_and_emoticons(): string[]
  }
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): PolarityScores
  }
  export const REGEX_REMOVE_PUNCTUATION: RegExp
  export const PUNC_LIST: string[]
}
declare module 'vader-sentiment' {
  interface PolarityScores {
    neg: number
    neu: number
    pos: number
    compound: number
  }
  const vader: { SentimentIntensityAnalyzer: { polarity_scores(text: string): PolarityScores } }
  export = vader
}
