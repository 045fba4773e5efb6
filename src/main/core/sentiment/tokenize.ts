// The sentiment model's tokenizer: words (accent- and case-folded, letter runs
// squeezed), emoji and emoticons kept as tokens of their own, links, handles
// and numbers reduced to one placeholder each, "!" and "?" runs kept, and the
// scope of a negation marked on the words it covers ("not good" -> "good" is
// read as "¬good"). Written for tweets in the six languages the model reads.

export interface Token {
  /** The folded form the model reads; negated words carry a leading "¬". */
  text: string
  kind: 'word' | 'emoji' | 'emoticon' | 'mark' | 'placeholder'
}

// One alternation, tried left to right at each position: links, handles,
// emoticons, hashtags, words, numbers, emoji (with modifiers and joiners),
// runs of "!"/"?", and clause punctuation (which ends a negation's scope).
const TOKEN =
  /(?<url>https?:\/\/\S+|www\.\S+)|(?<user>@\w+)|(?<emoticon>(?:[:;=8][-o'^]?[)(\][dDpP/\\|*3]|<3|[)(][-o'^]?[:;=]))(?![\p{L}\p{N}])|(?<hashtag>#[\p{L}\p{N}_]+)|(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*(?:['’][\p{L}\p{M}]+)*)|(?<number>\p{N}+(?:[.,:]\p{N}+)*)|(?<emoji>\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic})*)|(?<mark>[!?¡¿]+)|(?<stop>[.,;:…]+)/gu

const MARKS = /\p{M}/gu
const ELONGATED = /(\p{L})\1{2,}/gu

const NON_ASCII = /[^\p{ASCII}]/u
const ASCII_ELONGATED = /([a-z])\1{2,}/g

/** Lower case, no accents, and a letter repeated three or more times cut to two ("soooo" -> "soo"). */
export function foldWord(word: string): string {
  const lower = word.toLowerCase()
  // Most words are plain ASCII: no accents to take off, so no Unicode normalisation (the same result, faster).
  if (!NON_ASCII.test(lower)) return lower.replace(ASCII_ELONGATED, '$1$1')
  return lower.normalize('NFD').replace(MARKS, '').replace(ELONGATED, '$1$1')
}

// Words that open a negation scope, in the six languages (folded forms).
const NEGATORS = new Set(
  [
    'not no never nothing nobody none nor neither cannot without nowhere', // English
    'no nunca nada ni jamas nadie ningun ninguno ninguna sin tampoco', // Spanish
    'nao nem nunca nada nenhum nenhuma ninguem sem', // Portuguese
    "ne n' pas jamais rien personne aucun aucune sans", // French
    'nicht kein keine keinen keinem keiner nie niemals nichts niemand ohne', // German
    'non mai niente nulla nessuno nessuna senza neanche nemmeno', // Italian
  ].flatMap((words) => words.split(' ')),
)

/** How many words after a negator it covers, unless punctuation ends the clause first. */
const NEGATION_SPAN = 3

function isNegator(folded: string): boolean {
  return NEGATORS.has(folded) || folded.endsWith("n't") || folded.startsWith("n'")
}

/** The tokens of a text, at most `limit` of them (a 10,000-character post is read from its start). */
export function tokenize(text: string, limit = 200): Token[] {
  const tokens: Token[] = []
  let negated = 0
  for (const match of text.matchAll(TOKEN)) {
    if (tokens.length >= limit) break
    const g = match.groups!
    if (g.word !== undefined) {
      const folded = foldWord(g.word)
      if (negated > 0) {
        tokens.push({ text: `¬${folded}`, kind: 'word' })
        negated--
      } else tokens.push({ text: folded, kind: 'word' })
      if (isNegator(folded)) negated = NEGATION_SPAN
    } else if (g.hashtag !== undefined) {
      tokens.push({ text: foldWord(g.hashtag.slice(1)), kind: 'word' })
    } else if (g.emoji !== undefined) {
      // Skin tones and variation selectors do not change what an emoji says.
      tokens.push({ text: g.emoji.replace(/\p{Emoji_Modifier}|\uFE0F/gu, ''), kind: 'emoji' })
    } else if (g.emoticon !== undefined) {
      tokens.push({ text: g.emoticon.toLowerCase(), kind: 'emoticon' })
    } else if (g.mark !== undefined) {
      tokens.push({ text: g.mark.length > 1 ? `${g.mark[0]}${g.mark[0]}` : g.mark, kind: 'mark' })
      negated = 0
    } else if (g.stop !== undefined) {
      negated = 0
    } else if (g.url !== undefined) tokens.push({ text: '<url>', kind: 'placeholder' })
    else if (g.user !== undefined) tokens.push({ text: '<user>', kind: 'placeholder' })
    else if (g.number !== undefined) tokens.push({ text: '<num>', kind: 'placeholder' })
  }
  return tokens
}
