// Template compilation: each "{slot}" text is split once, at load, into
// literal strings and slot functions, so rendering a mention is a handful of
// picks and string concatenations with no parsing or regex (the demo must
// keep up with 5,000 mentions per second plus bursts).
import { WeightedTable } from './rng'
import {
  BRAND_IDS,
  CATEGORIES,
  COMMON_SLOTS,
  DEMO_LANGS,
  type BrandId,
  type BrandScenario,
  type Category,
  type DemoLang,
  type RenderState,
  type SlotSource,
  type TemplateCategory,
  BRANDS,
} from './scenario'

export type Part = string | ((state: RenderState) => string)

export interface Template {
  readonly parts: readonly Part[]
  readonly category: TemplateCategory
  readonly lang: DemoLang
}

const SLOT = /\{(\w+)\}/g
const LETTERS = 'ABCDEFGHJKLMNPRSTVW'

/** The person signing a brand's care reply ("^JS"). */
const initials = (s: RenderState) =>
  LETTERS[s.rng.int(0, LETTERS.length - 1)]! + LETTERS[s.rng.int(0, LETTERS.length - 1)]!

function slotFunction(source: SlotSource): (state: RenderState) => string {
  if (typeof source === 'function') return source
  const choices = source
  if (choices.length === 0) throw new Error('a slot needs at least one choice')
  if (choices.length === 1) return () => choices[0]!
  return (s) => choices[Math.floor(s.rng.next() * choices.length)]!
}

/** Throws on an unknown slot: a typo in the scenario data fails at load, not in a column. */
export function compileTemplate(text: string, slots: Readonly<Record<string, SlotSource>>, where = 'template'): Part[] {
  const parts: Part[] = []
  let last = 0
  for (const match of text.matchAll(SLOT)) {
    const name = match[1]!
    const source = slots[name]
    if (source === undefined) throw new Error(`${where}: unknown slot {${name}} in "${text}"`)
    if (match.index > last) parts.push(text.slice(last, match.index))
    parts.push(slotFunction(source))
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push(text.slice(last))
  return parts
}

export function render(parts: readonly Part[], state: RenderState): string {
  let out = ''
  for (const p of parts) out += typeof p === 'string' ? p : p(state)
  return out
}

/**
 * How the brand is written in a post. Mostly plain words, because keyword
 * columns match word tokens; a hashtag or @handle still tokenizes to the same
 * word ("#Xfinity" -> "xfinity").
 */
function brandSlot(b: BrandScenario): (state: RenderState) => string {
  const table = new WeightedTable<string>([
    ...b.names.map((n) => [n, 0.82 / b.names.length] as const),
    ...b.hashtags.map((h) => [h, 0.1 / b.hashtags.length] as const),
    ...b.handles.map((h) => [h, 0.08 / b.handles.length] as const),
  ])
  return (s) => table.pick(s.rng)
}

export interface CompiledBrand {
  readonly id: BrandId
  readonly scenario: BrandScenario
  /** Everyday templates per language, weighted by the brand's category mix. */
  readonly everyday: Readonly<Record<DemoLang, WeightedTable<Template>>>
  /** All templates of one category in one language (bursts, replies, support). */
  byCategory(lang: DemoLang, category: TemplateCategory): readonly Template[] | undefined
  /** Hashtags a post may end with; topical tags only in English. */
  readonly trailingTags: Readonly<Record<'en' | 'other', readonly string[]>>
}

export function compileBrand(b: BrandScenario): CompiledBrand {
  const slots: Record<string, SlotSource> = { ...COMMON_SLOTS, initials, ...b.slots, brand: brandSlot(b) }
  const grouped = new Map<string, Template[]>()
  const everyday = {} as Record<DemoLang, WeightedTable<Template>>

  for (const lang of DEMO_LANGS) {
    const set = b.templates[lang] ?? {}
    const entries: [Template, number][] = []
    for (const [category, texts] of Object.entries(set) as [TemplateCategory, readonly string[]][]) {
      const list = texts.map((text) => ({
        parts: compileTemplate(text, slots, `${b.id}/${lang}/${category}`),
        category,
        lang,
      }))
      grouped.set(`${lang}/${category}`, list)
      if ((CATEGORIES as readonly string[]).includes(category)) {
        // Weight each template so that the category, not its template count, sets the mix.
        const weight = b.mix[category as Category] / list.length
        for (const t of list) entries.push([t, weight])
      }
    }
    if (entries.length === 0) throw new Error(`${b.id}: no everyday templates in ${lang}`)
    everyday[lang] = new WeightedTable(entries)
  }

  return {
    id: b.id,
    scenario: b,
    everyday,
    byCategory: (lang, category) => grouped.get(`${lang}/${category}`),
    trailingTags: { en: [...b.hashtags, ...b.tags], other: b.hashtags },
  }
}

/** Compiled once per process: the scenario is constant, only the rng differs. */
let compiled: Record<BrandId, CompiledBrand> | null = null

export function compiledBrands(): Readonly<Record<BrandId, CompiledBrand>> {
  if (compiled === null) {
    const out = {} as Record<BrandId, CompiledBrand>
    for (const id of BRAND_IDS) out[id] = compileBrand(BRANDS[id])
    compiled = out
  }
  return compiled
}
