// The demo's mention factory: picks brand, language, kind, author and
// template, renders the text and wraps it as a MentionInput. Everything is
// drawn from one seeded stream, so the content is a function of the seed, the
// index and the burst state at each call's `now` (itself a function of the
// seed and the time since the origin): the same seed and clock replay the
// same stream. Ids carry the run id so that a restart never collides in the
// pipeline's dedupe with mentions stored by an earlier run.
import type { Author, MentionInput, MentionKind } from '../../../../shared/domain'
import { buildAuthorPool, supportAuthor, type AuthorPool } from './authors'
import { BurstTimeline, type BurstKind } from './bursts'
import { Rng, WeightedTable } from './rng'
import {
  BRAND_IDS,
  BRAND_MIX,
  DEMO_LANGS,
  KIND_MIX,
  LANG_MIX,
  QUOTE_LEADS,
  REPLY_LEADS,
  TONE_EMOJI,
  type BrandId,
  type DemoLang,
  type RenderState,
  type TemplateCategory,
} from './scenario'
import { compiledBrands, render, type CompiledBrand, type Template } from './templates'

export interface DemoGeneratorOptions {
  /** A non-negative safe integer; the same seed gives the same stream. */
  seed: number
  /** Prefix of every externalId: distinguishes this app run from earlier ones. */
  runId: string
  /** Epoch ms the burst timeline counts from; default: the first `now` seen. */
  origin?: number
}

export interface DemoPhase {
  kind: 'calm' | BurstKind
  brand: BrandId | null
  /** Volume multiplier from the burst (1 when calm). */
  multiplier: number
  /** Share of the current volume that is the burst's extra mentions. */
  burstShare: number
  /** Cities an outage hits; empty otherwise. */
  cities: readonly string[]
}

export interface GeneratedMention {
  mention: MentionInput
  brand: BrandId
  category: TemplateCategory
  /** Set when this mention is a burst's extra volume. */
  burst: BurstKind | null
}

export interface DemoGenerator {
  readonly seed: number
  readonly runId: string
  /** Mentions generated so far; the next externalId is `${runId}-${count}`. */
  readonly count: number
  next(now: number): MentionInput
  /** Like next(), with what the scenario meant (brand, category) for tests and tools. */
  generate(now: number): GeneratedMention
  /** Volume multiplier at `now`, mean about 1. */
  intensity(now: number): number
  phase(now: number): DemoPhase
}

const CONTENT_STREAM = 0xc0de
const RING_SIZE = 64
const SUPPORT_REPLY_SHARE = 0.18
const SUPPORTED_CATEGORIES: ReadonlySet<TemplateCategory> = new Set(['complaint', 'outage', 'question', 'praise'])
const OUTAGE_CATEGORIES = new WeightedTable<TemplateCategory>([
  ['outage', 0.85],
  ['complaint', 0.1],
  ['sarcasm', 0.05],
])

/** What later replies, reposts and quotes can refer to. */
interface Recent {
  externalId: string
  url: string
  handle: string
  text: string
  lang: DemoLang
  category: TemplateCategory
  hasMedia: boolean
}

class RecentRing {
  private readonly items: Recent[] = []
  private head = 0

  push(r: Recent): void {
    if (this.items.length < RING_SIZE) this.items.push(r)
    else this.items[this.head] = r
    this.head = (this.head + 1) % RING_SIZE
  }

  /** Biased toward the newest: conversations follow what is hot right now. */
  pick(rng: Rng): Recent | null {
    const n = this.items.length
    if (n === 0) return null
    const u = rng.next()
    const back = Math.floor(u * u * n)
    return this.items[(this.head - 1 - back + 2 * RING_SIZE) % n]!
  }
}

const statusUrl = (handle: string, externalId: string) => `https://demo.earshot.invalid/@${handle}/status/${externalId}`

/** True when the text already ends in a symbol or emoji (no second emoji then). */
const endsInSymbol = (text: string) => text.length > 0 && text.charCodeAt(text.length - 1) >= 0x2190

export function createDemoGenerator(options: DemoGeneratorOptions): DemoGenerator {
  return new Generator(options)
}

class Generator implements DemoGenerator {
  readonly seed: number
  readonly runId: string
  private index = 0
  private origin: number | null
  private readonly rng: Rng
  private readonly timeline: BurstTimeline
  private readonly authors: AuthorPool
  private readonly brands = compiledBrands()
  private readonly brandTable = new WeightedTable(BRAND_IDS.map((b) => [b, BRAND_MIX[b]] as const))
  private readonly langTable = new WeightedTable(DEMO_LANGS.map((l) => [l, LANG_MIX[l]] as const))
  private readonly supportAuthors = new Map<BrandId, Author>()
  private readonly recent = new Map<BrandId, RecentRing>()
  private readonly state: RenderState

  constructor({ seed, runId, origin }: DemoGeneratorOptions) {
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new RangeError(`demo seed must be a non-negative integer, got ${seed}`)
    if (runId.length === 0 || runId.length > 64) throw new RangeError('demo runId must be 1 to 64 characters')
    this.seed = seed
    this.runId = runId
    this.origin = origin ?? null
    this.rng = new Rng(seed, CONTENT_STREAM)
    this.timeline = new BurstTimeline(seed)
    this.authors = buildAuthorPool(seed)
    for (const id of BRAND_IDS) {
      this.recent.set(id, new RecentRing())
      const support = this.brands[id].scenario.support
      if (support) this.supportAuthors.set(id, supportAuthor(support))
    }
    const rng = this.rng
    const all = this.authors.all
    this.state = { rng, stormCities: null, friend: () => `@${rng.pick(all).handle}` }
  }

  get count(): number {
    return this.index
  }

  next(now: number): MentionInput {
    return this.generate(now).mention
  }

  intensity(now: number): number {
    return this.timeline.intensity(this.elapsed(now))
  }

  phase(now: number): DemoPhase {
    const t = this.elapsed(now)
    const burst = this.timeline.burstAt(t)
    if (burst === null) return { kind: 'calm', brand: null, multiplier: 1, burstShare: 0, cities: [] }
    const multiplier = this.timeline.multiplier(t, burst)
    return { kind: burst.kind, brand: burst.brand, multiplier, burstShare: 1 - 1 / multiplier, cities: burst.cities }
  }

  generate(now: number): GeneratedMention {
    const rng = this.rng
    const t = this.elapsed(now)
    const burst = this.timeline.burstAt(t)
    this.state.stormCities = burst !== null && burst.kind === 'outage' ? burst.cities : null

    // During a burst, a share 1 - 1/multiplier of the volume is the burst's own.
    let brandId: BrandId
    let burstKind: BurstKind | null = null
    let category: TemplateCategory | null = null
    if (burst !== null && rng.chance(1 - 1 / this.timeline.multiplier(t, burst))) {
      brandId = burst.brand
      burstKind = burst.kind
      category = burst.kind === 'outage' ? OUTAGE_CATEGORIES.pick(rng) : 'viral'
    } else {
      brandId = this.brandTable.pick(rng)
    }
    const brand = this.brands[brandId]
    const ring = this.recent.get(brandId)!

    const k = rng.next()
    let kind: MentionKind =
      k < KIND_MIX.reply
        ? 'reply'
        : k < KIND_MIX.reply + KIND_MIX.repost
          ? 'repost'
          : k < KIND_MIX.reply + KIND_MIX.repost + KIND_MIX.quote
            ? 'quote'
            : 'post'
    const target = kind === 'post' ? null : ring.pick(rng)
    if (target === null) kind = 'post'

    const index = this.index++
    const externalId = `${this.runId}-${index}`
    let author: Author
    let text: string
    let lang: DemoLang
    let hasMedia: boolean
    let finalCategory: TemplateCategory

    if (kind === 'repost' && target !== null) {
      author = this.otherAuthor(target.lang, target.handle)
      text = rng.chance(0.65) ? `RT @${target.handle}: ${target.text}` : target.text
      lang = target.lang
      hasMedia = target.hasMedia
      finalCategory = target.category
    } else if (kind === 'reply' && target !== null) {
      const support = this.supportAuthors.get(brandId)
      const careTemplates = brand.byCategory('en', 'support')
      if (
        support &&
        careTemplates &&
        target.handle !== support.handle &&
        SUPPORTED_CATEGORIES.has(target.category) &&
        rng.chance(SUPPORT_REPLY_SHARE)
      ) {
        author = support
        text = `@${target.handle} ${render(rng.pick(careTemplates).parts, this.state)}`
        lang = 'en'
        finalCategory = 'support'
      } else {
        // Replies mostly stay on the thread's topic and language.
        const tpl = this.template(brand, target.lang, rng.chance(0.6) ? target.category : category)
        author = this.otherAuthor(tpl.lang, target.handle)
        const lead = rng.chance(0.3) ? `${rng.pick(REPLY_LEADS[tpl.lang]!)} ` : ''
        const mention = rng.chance(0.75) ? `@${target.handle} ` : ''
        text = this.decorate(mention + lead + render(tpl.parts, this.state), brand, tpl)
        lang = tpl.lang
        finalCategory = tpl.category
      }
      hasMedia = rng.chance(0.04)
      // Care replies are not threaded on: people answer customers, not brands' form replies.
      if (finalCategory !== 'support') ring.push(this.recentOf(externalId, author, text, lang, finalCategory, hasMedia))
    } else {
      const tpl = this.template(brand, this.langTable.pick(rng), category)
      const outlet = tpl.category === 'neutral' && kind === 'post' && rng.chance(0.3)
      author = outlet ? this.authors.outlet(rng, tpl.lang) : this.authors.pick(rng, tpl.lang)
      let body = render(tpl.parts, this.state)
      if (kind === 'quote' && rng.chance(0.35)) body = `${rng.pick(QUOTE_LEADS[tpl.lang]!)} ${body}`
      text = this.decorate(body, brand, tpl, outlet)
      if (kind === 'quote' && target !== null && rng.chance(0.5)) text += ` ${target.url}`
      lang = tpl.lang
      hasMedia = rng.chance(kind === 'quote' ? 0.05 : brand.scenario.mediaRate)
      finalCategory = tpl.category
      ring.push(this.recentOf(externalId, author, text, lang, finalCategory, hasMedia))
    }

    const jitter = rng.chance(0.7) ? rng.int(0, 300) : rng.int(0, 2000)
    const mention: MentionInput = {
      source: 'demo',
      externalId,
      url: statusUrl(author.handle, externalId),
      createdAt: Math.floor(now) - jitter,
      // A copy: the pool's authors are shared and frozen.
      author: {
        handle: author.handle,
        name: author.name,
        followers: author.followers,
        avatarUrl: null,
        verified: author.verified,
      },
      text,
      lang,
      kind,
      refId: target !== null && kind !== 'post' ? target.externalId : null,
      // Who is answered, quoted or reposted: the composer's thread names them, and `to:` works on demo replies.
      replyTo: target !== null && kind === 'reply' ? target.handle : null,
      refAuthor: target !== null && kind !== 'post' ? target.handle : null,
      hasMedia,
    }
    return { mention, brand: brandId, category: finalCategory, burst: burstKind }
  }

  private elapsed(now: number): number {
    if (this.origin === null) this.origin = now
    return Math.max(0, now - this.origin)
  }

  /** A template of `category` in `lang` (English when that language has none), or an everyday one. */
  private template(brand: CompiledBrand, lang: DemoLang, category: TemplateCategory | null): Template {
    if (category !== null && category !== 'support') {
      const list = brand.byCategory(lang, category) ?? brand.byCategory('en', category)
      if (list !== undefined) return this.rng.pick(list)
    }
    return brand.everyday[lang].pick(this.rng)
  }

  private otherAuthor(lang: DemoLang, not: string): Author {
    const a = this.authors.pick(this.rng, lang)
    return a.handle === not ? this.authors.pick(this.rng, lang) : a
  }

  /** Hashtags, links, emoji and @mentions, sprinkled the way people do. */
  private decorate(body: string, brand: CompiledBrand, tpl: Template, outlet = false): string {
    const rng = this.rng
    let text = body
    if (rng.chance(0.16)) text += ` ${rng.pick(tpl.lang === 'en' ? brand.trailingTags.en : brand.trailingTags.other)}`
    if (rng.chance(outlet ? 0.7 : 0.06)) text += ` ${rng.pick(brand.scenario.links)}`
    if (rng.chance(0.1) && !endsInSymbol(text)) text += ` ${rng.pick(TONE_EMOJI[tpl.category])}`
    if (rng.chance(0.04)) text += ` cc ${this.state.friend()}`
    return text
  }

  private recentOf(
    externalId: string,
    author: Author,
    text: string,
    lang: DemoLang,
    category: TemplateCategory,
    hasMedia: boolean,
  ): Recent {
    return {
      externalId,
      url: statusUrl(author.handle, externalId),
      handle: author.handle,
      text,
      lang,
      category,
      hasMedia,
    }
  }
}
