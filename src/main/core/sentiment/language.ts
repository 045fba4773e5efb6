// Which language a mention is read in: the source's own tag when it gives one
// (X's `lang`, Bluesky's `langs`, Mastodon's `language`), otherwise ELD's
// n-gram language identifier over the text. Null means "not one the model
// reads": the mention is then `unscored`, never silently `neutral`.
import { eld } from 'eld/small'
import { SCORED_LANGUAGES, type ScoredLanguage } from './features'

const SCORED = new Set<string>(SCORED_LANGUAGES)
// Tags that say nothing about the language: undetermined, no linguistic content, media or hashtags only.
const UNKNOWN_TAGS = new Set(['', 'und', 'zxx', 'qme', 'qht', 'qam', 'qct', 'qst', 'mul'])
const LETTER = /\p{L}/u
const NOISE = /https?:\/\/\S+|www\.\S+|[@#][\p{L}\p{N}_]+/gu
const EMOJI = /\p{Extended_Pictographic}/u

export function languageOf(text: string, tag: string | null | undefined): ScoredLanguage | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0]!
  if (!UNKNOWN_TAGS.has(primary)) return SCORED.has(primary) ? (primary as ScoredLanguage) : null
  const words = text.replace(NOISE, ' ')
  if (!LETTER.test(words)) {
    // Emoji read the same in every language; the model's emoji weights are shared.
    return EMOJI.test(text) ? 'en' : null
  }
  const detected = eld.detect(words.length > 1_000 ? words.slice(0, 1_000) : words).language
  return SCORED.has(detected) ? (detected as ScoredLanguage) : null
}
