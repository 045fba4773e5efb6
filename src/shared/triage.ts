// Triage rules shared by the core (validation) and the console (filtering):
// whether a mention counts as read under a column's watermark, the column
// filters, and per-column mutes (words, authors, regular expressions).
// Mutes are applied in the console's feed window, the one place that decides
// what a column shows; the core only validates and stores them.
import type { Mention, PageCursor } from './domain'

export interface TriageFilters {
  hideDone: boolean
  onlyUnassigned: boolean
  onlyUnread: boolean
}

export interface Mutes {
  words: string[]
  authors: string[]
  regexes: string[]
}

export const NO_FILTERS: TriageFilters = { hideDone: false, onlyUnassigned: false, onlyUnread: false }
export const NO_MUTES: Mutes = { words: [], authors: [], regexes: [] }
export const MUTE_LIMITS = { entries: 200, length: 200 } as const

/** The JS engine's own message for an invalid pattern ("Invalid regular expression: /(/: Unterminated group"), or null. */
export function regexError(source: string): string | null {
  try {
    // Checked without flags so the message shows the pattern as typed; matching adds only `i`.
    new RegExp(source)
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/** A handle as mutes compare it: no leading @, lower case. */
export const normalizeHandle = (h: string): string => h.trim().replace(/^@/, '').toLowerCase()

export interface CompiledMutes {
  readonly empty: boolean
  test(m: Pick<Mention, 'text' | 'author'>): boolean
}

/** Compiles a column's mutes once; invalid patterns are skipped (the form refuses them anyway). */
export function compileMutes(mutes: Mutes): CompiledMutes {
  const words = mutes.words.map((w) => w.trim().toLocaleLowerCase()).filter((w) => w !== '')
  const authors = new Set(mutes.authors.map(normalizeHandle).filter((a) => a !== ''))
  const regexes: RegExp[] = []
  for (const r of mutes.regexes) if (regexError(r) === null) regexes.push(new RegExp(r, 'i'))
  const empty = words.length === 0 && authors.size === 0 && regexes.length === 0
  return {
    empty,
    test(m) {
      if (empty) return false
      if (authors.has(m.author.handle.toLowerCase())) return true
      const text = m.text.toLocaleLowerCase()
      if (words.some((w) => text.includes(w))) return true
      return regexes.some((r) => r.test(m.text))
    },
  }
}

/** At or older than the watermark, in archive order (createdAt desc, id desc). */
export function atOrBelow(m: Pick<Mention, 'createdAt' | 'id'>, mark: PageCursor | null): boolean {
  if (mark === null) return false
  return m.createdAt < mark.createdAt || (m.createdAt === mark.createdAt && m.id <= mark.id)
}
