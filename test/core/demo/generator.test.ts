import { describe, expect, it } from 'vitest'
import { MentionInputSchema, type MentionInput } from '../../../src/shared/domain'
import { compileColumnQuery } from '../../../src/shared/query/column-query'
import { toMatchInput } from '../../../src/shared/query/match-input'
import { tokenize } from '../../../src/shared/query/tokenize'
import { scoreSentiment } from '../../../src/main/core/sentiment/scorer'
import {
  BRAND_IDS,
  createDemoGenerator,
  type BrandId,
  type DemoGenerator,
  type GeneratedMention,
} from '../../../src/main/core/connectors/demo'

const T0 = 1_700_000_000_000
const EMOJI = /\p{Extended_Pictographic}/u

/** n mentions at `perSecond` on a steady fake clock starting at T0. */
function run(gen: DemoGenerator, n: number, perSecond = 10): GeneratedMention[] {
  return Array.from({ length: n }, (_, i) => gen.generate(T0 + Math.floor((i * 1000) / perSecond)))
}

const content = (m: MentionInput) => ({
  author: m.author,
  text: m.text,
  lang: m.lang,
  kind: m.kind,
  hasMedia: m.hasMedia,
})

/** The column query an operator would type for each brand. */
const COLUMN_QUERIES: Record<BrandId, string> = {
  comcast: 'comcast OR xfinity',
  jetblue: 'jetblue',
  wholefoods: '"whole foods" OR wholefoods',
  ford: 'ford',
  zappos: 'zappos',
  oreo: 'oreo',
}
function matcherFor(brand: BrandId) {
  const compiled = compileColumnQuery(COLUMN_QUERIES[brand])
  if (!compiled.ok) throw new Error(compiled.error.message)
  return compiled.matches
}

describe('demo generator', () => {
  it('replays identical content for the same seed and clock, and differs for another seed', () => {
    const a = run(createDemoGenerator({ seed: 12, runId: 'a' }), 2000)
    const b = run(createDemoGenerator({ seed: 12, runId: 'a' }), 2000)
    expect(b).toEqual(a)

    // The run id changes ids only (and the links to quoted posts, which carry ids).
    const c = run(createDemoGenerator({ seed: 12, runId: 'other' }), 2000)
    const unRun = (g: GeneratedMention) => ({
      ...content(g.mention),
      text: g.mention.text.replaceAll('/status/other-', '/status/a-'),
    })
    expect(c.map(unRun)).toEqual(a.map((g) => content(g.mention)))
    expect(c.map((g) => g.brand)).toEqual(a.map((g) => g.brand))

    const d = run(createDemoGenerator({ seed: 13, runId: 'a' }), 2000)
    const same = d.filter((g, i) => g.mention.text === a[i]!.mention.text).length
    expect(same).toBeLessThan(100)
  })

  it('depends on the clock only through the burst state', () => {
    // Both clocks stay in the calm before the first storm (which starts 15 s or later).
    const fixed = createDemoGenerator({ seed: 4, runId: 'r' })
    const moving = createDemoGenerator({ seed: 4, runId: 'r' })
    const a = Array.from({ length: 3000 }, () => fixed.next(T0))
    const b = Array.from({ length: 3000 }, (_, i) => moving.next(T0 + Math.floor(i / 300)))
    expect(b.map(content)).toEqual(a.map(content))
  })

  it('makes unique ids prefixed with the run id, refs pointing back to earlier ones of the run', () => {
    const gen = createDemoGenerator({ seed: 99, runId: 'run7' })
    const seen = new Set<string>()
    const problems: string[] = []
    for (const [i, { mention: m }] of run(gen, 5000).entries()) {
      if (m.externalId !== `run7-${i}`) problems.push(`id ${m.externalId} at ${i}`)
      if (seen.has(m.externalId)) problems.push(`duplicate ${m.externalId}`)
      if (m.kind === 'post' ? m.refId !== null : !seen.has(m.refId ?? ''))
        problems.push(`${m.kind} ${m.externalId} -> ${m.refId}`)
      seen.add(m.externalId)
    }
    expect(problems).toEqual([])
    expect(gen.count).toBe(5000)
  })

  it('names who a reply, quote or repost refers to: the author of the earlier post of the run', () => {
    const gen = createDemoGenerator({ seed: 8, runId: 'th' })
    const authors = new Map<string, string>()
    const problems: string[] = []
    let replies = 0
    for (const { mention: m } of run(gen, 3000)) {
      if (m.kind !== 'post') {
        if (m.refAuthor !== authors.get(m.refId!)) problems.push(`${m.externalId}: refAuthor ${m.refAuthor}`)
        if ((m.kind === 'reply' ? m.refAuthor : null) !== m.replyTo) problems.push(`${m.externalId}: replyTo`)
        if (m.kind === 'reply') replies++
      }
      authors.set(m.externalId, m.author.handle)
    }
    expect(problems).toEqual([])
    expect(replies).toBeGreaterThan(300)
  })

  it('produces valid mentions with plausible times and urls', () => {
    const gen = createDemoGenerator({ seed: 5, runId: 'v' })
    const problems: string[] = []
    for (let i = 0; i < 5000; i++) {
      const now = T0 + i * 100 + 0.5
      const m = gen.next(now)
      const parsed = MentionInputSchema.safeParse(m)
      if (!parsed.success) problems.push(`${m.externalId}: ${parsed.error.message}`)
      if (m.source !== 'demo') problems.push(`${m.externalId}: source ${m.source}`)
      if (!(m.createdAt <= now && m.createdAt >= now - 2001))
        problems.push(`${m.externalId}: createdAt ${m.createdAt - now}`)
      if (m.url !== `https://demo.earshot.invalid/@${m.author.handle}/status/${m.externalId}`)
        problems.push(`${m.externalId}: url ${m.url}`)
      if (m.author.avatarUrl !== null) problems.push(`${m.externalId}: avatar`)
    }
    expect(problems).toEqual([])
  })

  it('varies brands, languages, kinds, authors and the bits people sprinkle in', () => {
    const all = run(createDemoGenerator({ seed: 21, runId: 'x' }), 5000)
    const ms = all.map((g) => g.mention)
    expect(new Set(all.map((g) => g.brand))).toEqual(new Set(BRAND_IDS))

    const langs = new Map<string, number>()
    for (const m of ms) langs.set(m.lang!, (langs.get(m.lang!) ?? 0) + 1)
    expect([...langs.keys()].sort()).toEqual(['de', 'en', 'es', 'fr', 'pt'])
    const english = langs.get('en')! / ms.length
    expect(english).toBeGreaterThan(0.8)
    expect(english).toBeLessThan(0.92)

    const share = (kind: string) => ms.filter((m) => m.kind === kind).length / ms.length
    expect(share('reply')).toBeGreaterThan(0.1)
    expect(share('reply')).toBeLessThan(0.2)
    expect(share('repost')).toBeGreaterThan(0.06)
    expect(share('repost')).toBeLessThan(0.14)
    expect(share('quote')).toBeGreaterThan(0.02)
    expect(share('quote')).toBeLessThan(0.08)
    expect(ms.some((m) => m.kind === 'repost' && m.text.startsWith('RT @'))).toBe(true)
    expect(ms.some((m) => m.kind === 'reply' && m.text.startsWith('@'))).toBe(true)

    const withText = (re: RegExp) => ms.filter((m) => re.test(m.text)).length
    expect(withText(/https?:\/\/\S+/)).toBeGreaterThan(50)
    expect(withText(/(^|\s)#\p{L}/u)).toBeGreaterThan(250)
    expect(withText(/(^|\s)@\w/)).toBeGreaterThan(250)
    expect(withText(EMOJI)).toBeGreaterThan(1000)
    expect(new Set(ms.map((m) => m.text)).size).toBeGreaterThan(3000)

    const media = ms.filter((m) => m.hasMedia).length / ms.length
    expect(media).toBeGreaterThan(0.03)
    expect(media).toBeLessThan(0.3)

    const authors = new Map(ms.map((m) => [m.author.handle, m.author]))
    expect(authors.size).toBeGreaterThan(200)
    const people = [...authors.values()]
    expect(people.some((a) => /[^ -~]/.test(a.name))).toBe(true)
    expect(Math.min(...people.map((a) => a.followers))).toBeLessThan(100)
    expect(Math.max(...people.map((a) => a.followers))).toBeGreaterThan(100_000)
    const verified = people.filter((a) => a.verified).length
    expect(verified).toBeGreaterThan(0)
    expect(verified / people.length).toBeLessThan(0.1)
  })

  it('names the brand so that keyword columns route almost every mention to the right column', () => {
    const all = run(createDemoGenerator({ seed: 8, runId: 'k' }), 6000)
    for (const brand of BRAND_IDS) {
      const match = matcherFor(brand)
      const hits = (gs: GeneratedMention[]) =>
        gs.filter((g) => match(toMatchInput({ ...g.mention, sentimentLabel: 'neutral' }))).length
      const own = all.filter((g) => g.brand === brand)
      const others = all.filter((g) => g.brand !== brand)
      expect(hits(own) / own.length, brand).toBeGreaterThan(0.9)
      expect(hits(others) / others.length, brand).toBeLessThan(0.02)
    }
    // The raw token rule the brief states, for Comcast and Whole Foods.
    const comcast = all.filter((g) => g.brand === 'comcast').map((g) => tokenize(g.mention.text))
    expect(
      comcast.filter((t) => t.includes('comcast') || t.includes('xfinity')).length / comcast.length,
    ).toBeGreaterThan(0.9)
  })

  it('floods the first two minutes with a Comcast outage storm: more volume, more negative', () => {
    for (const seed of [1, 2, 3, 42]) {
      const probe = createDemoGenerator({ seed, runId: 'p', origin: T0 })
      let peakAt = T0
      for (let s = 0; s <= 120; s++) {
        if (probe.phase(T0 + s * 1000).multiplier > probe.phase(peakAt).multiplier) peakAt = T0 + s * 1000
      }
      const phase = probe.phase(peakAt)
      expect(phase.kind, `seed ${seed}`).toBe('outage')
      expect(phase.brand).toBe('comcast')
      expect(probe.intensity(peakAt) / probe.intensity(T0)).toBeGreaterThan(3)

      const sample = (at: number) => {
        const gen = createDemoGenerator({ seed, runId: 's', origin: T0 })
        const comcast = Array.from({ length: 2000 }, () => gen.generate(at)).filter((g) => g.brand === 'comcast')
        const negative = comcast.filter((g) => scoreSentiment(g.mention.text).label === 'negative').length
        const outageWords = comcast.filter((g) =>
          /\b(outage|down|no service|no internet)\b/i.test(g.mention.text),
        ).length
        const inStormCity = comcast.filter((g) => phase.cities.some((c) => g.mention.text.includes(c))).length
        return {
          share: comcast.length / 2000,
          negative: negative / comcast.length,
          outage: outageWords / comcast.length,
          city: inStormCity / comcast.length,
        }
      }
      const calm = sample(T0)
      const storm = sample(peakAt)
      expect(storm.share).toBeGreaterThan(0.7)
      expect(calm.share).toBeLessThan(0.3)
      expect(storm.negative).toBeGreaterThan(calm.negative + 0.15)
      expect(storm.outage).toBeGreaterThan(calm.outage + 0.3)
      expect(storm.city).toBeGreaterThan(0.5)
    }
  })

  it('spikes a viral brand with positive posts during a viral burst', () => {
    const gen = createDemoGenerator({ seed: 3, runId: 'v', origin: T0 })
    let at = -1
    for (let s = 0; s < 4 * 3600 && at < 0; s += 5)
      if (gen.phase(T0 + s * 1000).kind === 'viral') at = T0 + s * 1000 + 20_000
    expect(at).toBeGreaterThan(0)
    const { brand } = gen.phase(at)
    expect(brand).not.toBeNull()
    const spike = Array.from({ length: 2000 }, () => gen.generate(at))
    const viral = spike.filter((g) => g.burst === 'viral')
    expect(viral.length / spike.length).toBeGreaterThan(0.2)
    expect(viral.every((g) => g.brand === brand)).toBe(true)
    const originals = viral.filter((g) => g.mention.kind !== 'repost' && g.category === 'viral')
    const positive = originals.filter((g) => scoreSentiment(g.mention.text).label === 'positive').length
    expect(positive / originals.length).toBeGreaterThan(0.7)
  })

  it('rejects a bad seed or run id', () => {
    expect(() => createDemoGenerator({ seed: -1, runId: 'r' })).toThrow(RangeError)
    expect(() => createDemoGenerator({ seed: 1.5, runId: 'r' })).toThrow(RangeError)
    expect(() => createDemoGenerator({ seed: 1, runId: '' })).toThrow(RangeError)
  })
})
