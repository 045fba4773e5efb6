// The shape of the demo scenario data, kept apart from the data so that each
// brand file is only text and the generator compiles them all the same way.
import type { Rng } from '../rng'

export const BRAND_IDS = ['comcast', 'jetblue', 'wholefoods', 'ford', 'zappos', 'oreo'] as const
export type BrandId = (typeof BRAND_IDS)[number]

/** Everyday chatter. */
export const CATEGORIES = ['complaint', 'praise', 'question', 'sarcasm', 'neutral'] as const
export type Category = (typeof CATEGORIES)[number]
/** Extra volume during a burst: outage storms and viral moments. */
export type BurstCategory = 'outage' | 'viral'
/** A brand account answering a customer. */
export type TemplateCategory = Category | BurstCategory | 'support'

export const DEMO_LANGS = ['en', 'es', 'fr', 'de', 'pt'] as const
export type DemoLang = (typeof DEMO_LANGS)[number]

/**
 * A template slot: a fixed list of choices (picked uniformly; repeat an entry
 * to weight it) or a function for numbers and context-dependent values.
 */
export type SlotSource = readonly string[] | ((state: RenderState) => string)

/** What slot functions may read while one mention is rendered. */
export interface RenderState {
  rng: Rng
  /** Cities hit by the current outage storm, or null when calm. */
  stormCities: readonly string[] | null
  /** A random other author's @handle. */
  friend(): string
}

export interface SupportAccount {
  handle: string
  name: string
  followers: number
}

export type TemplateSet = Partial<Record<TemplateCategory, readonly string[]>>

export interface BrandScenario {
  id: BrandId
  /**
   * Plain-word spellings for the {brand} slot. Columns match keywords on word
   * tokens, so every spelling must tokenize to the brand's keyword.
   */
  names: readonly string[]
  /** '#Brand' forms for the {brand} slot: each must tokenize to a keyword too. */
  hashtags: readonly string[]
  /** '@Brand' forms for the {brand} slot, same rule. */
  handles: readonly string[]
  /** Topical hashtags that may be appended to a post. */
  tags: readonly string[]
  links: readonly string[]
  support: SupportAccount | null
  /** Share of each everyday category for this brand (need not sum to 1). */
  mix: Record<Category, number>
  /** Brand-specific slots; they override the common ones of the same name. */
  slots: Record<string, SlotSource>
  templates: Partial<Record<DemoLang, TemplateSet>>
  /** Keywords a column would use for this brand (used by tests and docs). */
  keywords: readonly (readonly string[])[]
  /** Chance that a post carries a photo or video. */
  mediaRate: number
}
