// The demo scenario: which brands exist, how often each is talked about, how
// often each language appears, and which brands get which kind of burst. The
// texts themselves live in scenario/<brand>.ts.
import { comcast } from './scenario/comcast'
import { ford } from './scenario/ford'
import { jetblue } from './scenario/jetblue'
import { oreo } from './scenario/oreo'
import type { BrandId, BrandScenario, DemoLang } from './scenario/types'
import { wholefoods } from './scenario/wholefoods'
import { zappos } from './scenario/zappos'

export * from './scenario/types'
export { CITIES, COMMON_SLOTS, QUOTE_LEADS, REPLY_LEADS, TONE_EMOJI } from './scenario/common'
export { INTERNATIONAL_NAMES, NAMES, NICKNAMES, OUTLETS } from './scenario/people'

export const BRANDS: Record<BrandId, BrandScenario> = { comcast, jetblue, wholefoods, ford, zappos, oreo }

/** Share of everyday chatter per brand when no burst is on. */
export const BRAND_MIX: Record<BrandId, number> = {
  comcast: 0.2,
  jetblue: 0.18,
  wholefoods: 0.16,
  ford: 0.18,
  zappos: 0.11,
  oreo: 0.17,
}

/** About 13% of posts are not in English. */
export const LANG_MIX: Record<DemoLang, number> = { en: 0.87, es: 0.05, pt: 0.03, fr: 0.025, de: 0.025 }

/** The outage storm is always Comcast/Xfinity: the story the demo tells. */
export const OUTAGE_BRAND: BrandId = 'comcast'

/** Who gets the smaller positive spikes, Oreo's dunk-in-the-dark first. */
export const VIRAL_MIX: Partial<Record<BrandId, number>> = {
  oreo: 0.55,
  jetblue: 0.15,
  ford: 0.15,
  zappos: 0.1,
  wholefoods: 0.05,
}

/** Kinds of mention; the rest are original posts. */
export const KIND_MIX = { reply: 0.15, repost: 0.1, quote: 0.05 } as const
