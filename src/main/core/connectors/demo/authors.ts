// The demo's cast: a few hundred invented accounts built from name parts with
// the seed, heavy-tailed follower counts, a few prolific posters, a few
// verified outlets, and the brands' own care accounts that answer customers.
import type { Author } from '../../../../shared/domain'
import { Rng, WeightedTable } from './rng'
import {
  DEMO_LANGS,
  INTERNATIONAL_NAMES,
  NAMES,
  NICKNAMES,
  OUTLETS,
  type DemoLang,
  type SupportAccount,
} from './scenario'

const AUTHOR_STREAM = 0xa07
const POOL_SIZES: Record<DemoLang, number> = { en: 300, es: 36, pt: 24, fr: 20, de: 20 }
const DISPLAY_EMOJI = ['🌻', '☕', '🏳️‍🌈', '🌊', '🏀', '✈️', '🐶', '🎧', '🌵', '📚']

export interface AuthorPool {
  /** Every account, outlets included (frozen, shared: copy before handing out). */
  readonly all: readonly Author[]
  /** An ordinary account, mostly one who posts in `lang`. */
  pick(rng: Rng, lang: DemoLang): Author
  /** A news outlet, in `lang` when one exists. */
  outlet(rng: Rng, lang: DemoLang): Author
}

const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', æ: 'ae', þ: 'th', đ: 'd', ı: 'i', œ: 'oe' }

/** "Jürgen Groß" -> "jurgengross": handles are ASCII. */
function asciiHandlePart(name: string): string {
  let out = ''
  for (const ch of name.normalize('NFD').toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch
    else out += SPECIAL_LETTERS[ch] ?? ''
  }
  return out
}

function handleFor(rng: Rng, first: string, last: string): string {
  const f = asciiHandlePart(first)
  const l = asciiHandlePart(last)
  switch (rng.int(0, 5)) {
    case 0:
      return f + l
    case 1:
      return `${f}_${l}`
    case 2:
      return `${f}${l.slice(0, 1)}${rng.int(10, 99)}`
    case 3:
      return `${f.slice(0, 1)}${l}${rng.pick(['82', '87', '90', '94', '99', '01', '04'])}`
    case 4:
      return `the_${f}_${l.slice(0, 1)}`
    default:
      return `${l}_${f}`
  }
}

function displayFor(rng: Rng, first: string, last: string): string {
  const r = rng.next()
  if (r < 0.55) return `${first} ${last}`
  if (r < 0.7) return first
  if (r < 0.8) return `${first} ${last.slice(0, 1)}.`
  if (r < 0.9) return `${first} ${rng.pick(DISPLAY_EMOJI)}`
  return `${first} ${last}`.toLowerCase()
}

function freeze(handle: string, name: string, followers: number, verified: boolean): Author {
  return Object.freeze({ handle, name, followers, avatarUrl: null, verified })
}

export function buildAuthorPool(seed: number): AuthorPool {
  const rng = new Rng(seed, AUTHOR_STREAM)
  const taken = new Set<string>()
  const unique = (handle: string) => {
    let h = handle.slice(0, 30) || 'user'
    while (taken.has(h.toLowerCase())) h = `${handle.slice(0, 26)}${rng.int(1, 999)}`
    taken.add(h.toLowerCase())
    return h
  }

  const byLang = {} as Record<DemoLang, WeightedTable<Author>>
  const all: Author[] = []
  for (const lang of DEMO_LANGS) {
    const parts = NAMES[lang]
    const entries: [Author, number][] = []
    for (let i = 0; i < POOL_SIZES[lang]; i++) {
      let handle: string
      let name: string
      const r = rng.next()
      if (lang === 'en' && r < 0.12) {
        const nick = rng.pick(NICKNAMES)
        handle = rng.chance(0.5) ? nick : `${nick}${rng.int(1, 99)}`
        name = rng.chance(0.6) ? rng.pick(parts.first) : nick.replace(/_/g, ' ')
      } else if (lang === 'en' && r < 0.17) {
        name = rng.pick(INTERNATIONAL_NAMES)
        handle = asciiHandlePart(name) || `user${rng.int(1000, 99999)}`
        if (handle.length < 4) handle = `${handle}${rng.int(100, 9999)}`
      } else {
        const first = rng.pick(parts.first)
        const last = rng.pick(parts.last)
        handle = handleFor(rng, first, last)
        name = displayFor(rng, first, last)
      }
      const verified = rng.chance(0.03)
      const followers = verified ? rng.followers(40_000, 1.2, 5_000) : rng.followers()
      const author = freeze(unique(handle), name, followers, verified)
      all.push(author)
      // A few accounts post a lot; most post now and then.
      entries.push([author, Math.exp(0.9 * rng.normal())])
    }
    byLang[lang] = new WeightedTable(entries)
  }

  const outlets = OUTLETS.map((o) => ({
    lang: o.lang,
    author: freeze(unique(o.handle), o.name, rng.followers(150_000, 1.0, 20_000), true),
  }))
  all.push(...outlets.map((o) => o.author))
  const outletsByLang = {} as Record<DemoLang, readonly Author[]>
  for (const lang of DEMO_LANGS) {
    const own = outlets.filter((o) => o.lang === lang).map((o) => o.author)
    outletsByLang[lang] = own.length > 0 ? own : outlets.filter((o) => o.lang === 'en').map((o) => o.author)
  }

  return {
    all,
    pick(r, lang) {
      // People post outside "their" language too: bilingual accounts, travellers.
      const pool = r.chance(lang === 'en' ? 0.06 : 0.2) ? byLang[r.pick(DEMO_LANGS)] : byLang[lang]
      return pool.pick(r)
    },
    outlet: (r, lang) => r.pick(outletsByLang[lang]),
  }
}

export function supportAuthor(s: SupportAccount): Author {
  return freeze(s.handle, s.name, s.followers, true)
}
