// Avatar placeholders: initials and a stable colour hashed from the handle.
// Remote avatar images are not loaded (the CSP allows only self and data:),
// so every card gets a readable, distinct circle instead.

/** Up to two letters: first letters of the first two words of the name, else of the handle. */
export function initialsFor(name: string, handle: string): string {
  const words = name
    .split(/\s+/u)
    .map((w) => Array.from(w).filter((ch) => /[\p{L}\p{N}]/u.test(ch)))
    .filter((chars) => chars.length > 0)
  if (words.length >= 2) return (words[0]![0]! + words[1]![0]!).toUpperCase()
  if (words.length === 1) return words[0]!.slice(0, 2).join('').toUpperCase()
  const chars = Array.from(handle.replace(/^@/, '')).filter((ch) => /[\p{L}\p{N}]/u.test(ch))
  return chars.slice(0, 2).join('').toUpperCase() || '?'
}

/** FNV-1a over UTF-16 code units: fast, stable, well spread for short strings. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A hue (0-359) for the handle; the CSS picks saturation and lightness. */
export function avatarHue(handle: string): number {
  return hashString(handle.toLowerCase()) % 360
}
