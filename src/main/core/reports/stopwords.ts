// Words too common to be a "top term", in the five languages of the demo
// source (en, es, pt, fr, de). Short on purpose: the most frequent function
// words; anything of one or two letters is dropped by length anyway. Folded
// like every token (accents off), so 'más' and 'mas' are one entry.
import { foldText } from '../../../shared/query/tokenize'

const WORDS = `
the and for are but not you all any can had her was one our out has have him his how its let may new now
old see two who did get got she too use that this with from they will just what when your about been
than them then there their these those were would could should into over only also very some more most
much such here where which while being because after before again even still like really http https www com
amp via dont its im ive youre isnt cant wont anyone everyone someone anything something nothing know want need
going gives asking
que los las del por con una para como pero más mas sus este esta esto hay muy todo todos cuando donde
porque sobre entre también tambien sin hasta desde nos ser fue son está estan están ese esa eso mis
não nao uma com para por mais mas como pelo pela dos das aos seu sua isso esse essa este esta muito quando
onde também tambem sem até ate ele ela eles elas foi são sao está estou tem têm
les des une est pas pour dans qui sur avec par mais plus ont aux ses son sont cette ces tout tous
très tres comme leur leurs nous vous elle ils elles été etre être fait bien encore
der die das und ist nicht mit den dem des ein eine einen einem auf für fur von sich auch bei aus wie
noch nach nur oder aber wenn dass sind war hat haben wird schon sehr mein meine kein keine immer
`

export const STOPWORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/)
    .filter((w) => w !== '')
    .map(foldText),
)

/** Whether a (folded) token is worth counting as a term. */
export function isTerm(token: string): boolean {
  return token.length >= 3 && !STOPWORDS.has(token) && !/^\d+$/.test(token)
}
