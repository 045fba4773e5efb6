// Word tokens exactly as the archive's FTS5 index sees them (tokenizer
// `unicode61 remove_diacritics 2`): runs of Unicode letters and digits,
// lower-cased, with diacritics removed. The live matcher and SQLite must agree,
// so both sides tokenize through this one definition.

const SEPARATOR = /[^\p{L}\p{N}]+/u
const COMBINING_MARKS = /\p{M}+/gu

/** Lower-case and strip diacritics ("Café" -> "cafe"). */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase()
}

export function tokenize(text: string): string[] {
  if (text === '') return []
  return foldText(text)
    .split(SEPARATOR)
    .filter((t) => t !== '')
}
