import { describe, expect, it } from 'vitest'
import { Rng } from '../../../src/main/core/connectors/demo/rng'
import { BRANDS, BRAND_IDS, CATEGORIES, DEMO_LANGS } from '../../../src/main/core/connectors/demo/scenario'
import { compileTemplate, compiledBrands, render } from '../../../src/main/core/connectors/demo/templates'
import { tokenize } from '../../../src/shared/query/tokenize'

const hasPhrase = (tokens: string[], phrase: readonly string[]) =>
  tokens.some((_, i) => phrase.every((p, j) => tokens[i + j] === p))

describe('demo scenario data', () => {
  it('has templates for every brand in every language and every everyday category in English', () => {
    for (const id of BRAND_IDS) {
      const b = BRANDS[id]
      for (const lang of DEMO_LANGS)
        expect(Object.keys(b.templates[lang] ?? {}).length, `${id}/${lang}`).toBeGreaterThan(0)
      for (const c of CATEGORIES) expect(b.templates.en?.[c]?.length ?? 0, `${id}/en/${c}`).toBeGreaterThan(0)
    }
    // Outage storms need Comcast outage texts; viral spikes need viral texts.
    expect(BRANDS.comcast.templates.en?.outage?.length).toBeGreaterThanOrEqual(10)
    expect(BRANDS.oreo.templates.en?.viral?.some((t) => /dunk in the dark/i.test(t))).toBe(true)
  })

  it('writes every brand spelling of the {brand} slot so that it tokenizes to a column keyword', () => {
    for (const id of BRAND_IDS) {
      const b = BRANDS[id]
      for (const spelling of [...b.names, ...b.hashtags, ...b.handles]) {
        const tokens = tokenize(spelling)
        expect(
          b.keywords.some((k) => hasPhrase(tokens, k)),
          `${id}: "${spelling}"`,
        ).toBe(true)
      }
    }
  })

  it('renders every template with no slot left over', () => {
    const rng = new Rng(3)
    const state = { rng, stormCities: ['Denver'], friend: () => '@friend' }
    for (const b of Object.values(compiledBrands())) {
      for (const lang of DEMO_LANGS) {
        for (const category of [...CATEGORIES, 'outage', 'viral', 'support'] as const) {
          for (const t of b.byCategory(lang, category) ?? []) {
            for (let i = 0; i < 5; i++) {
              const text = render(t.parts, state)
              expect(text, `${b.id}/${lang}/${category}`).not.toMatch(/[{}]/)
              expect(text.length).toBeGreaterThan(5)
            }
          }
        }
      }
    }
  })

  it('rejects a template with an unknown slot at compile time', () => {
    expect(() => compileTemplate('hello {nope}', { city: ['Denver'] })).toThrow(/unknown slot \{nope\}/)
    const parts = compileTemplate('in {city}!', { city: ['Denver'] })
    expect(render(parts, { rng: new Rng(1), stormCities: null, friend: () => '' })).toBe('in Denver!')
  })
})
