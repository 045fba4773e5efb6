// Word tokens exactly as the archive's FTS5 index sees them (tokenizer
// `unicode61 remove_diacritics 2`): runs of Unicode letters and digits,
// lower-cased, with diacritics removed. The live matcher and SQLite must agree,
// so both sides tokenize through this one definition.

const SEPARATOR = /[^\p{L}\p{N}]+/u
const COMBINING_MARKS = /\p{M}+/gu

// eslint-disable-next-line no-control-regex -- the whole ASCII range is the point
const NON_ASCII = /[^\x00-\x7f]/

/** Lower-case and strip diacritics ("Café" -> "cafe"). */
export function foldText(text: string): string {
  // Most posts are plain ASCII, where decomposition changes nothing: skip it on the hot path.
  if (!NON_ASCII.test(text)) return text.toLowerCase()
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase()
}

export function tokenize(text: string): string[] {
  if (text === '') return []
  return foldText(text)
    .split(SEPARATOR)
    .filter((t) => t !== '')
}
