// Rule sync by diff against the fake X API, with the real twitter-api-v2 client.
import { afterEach, describe, expect, it } from 'vitest'
import { appClient } from '../../src/main/core/connectors/x/client'
import { planRules, syncRules } from '../../src/main/core/connectors/x/rules'
import type { Column } from '../../src/shared/domain'
import { FakeXApi } from '../fakes/x-api'
import { BEARER } from './harness'

const col = (id: string, query: string): Column => ({ id, title: id, query, position: 0, width: 340, createdAt: 0 })

let fake: FakeXApi
afterEach(async () => fake?.close())

async function start() {
  fake = new FakeXApi({ bearerToken: BEARER })
  await fake.start()
  return appClient(BEARER, fake.url)
}

const writes = () => fake.requests.filter((r) => r.method === 'POST' && r.path === '/2/tweets/search/stream/rules')

describe('X rule sync', () => {
  it('adds new rules, deletes removed ones and leaves unchanged ones alone', async () => {
    const api = await start()
    const first = planRules([col('a', 'comcast outage'), col('b', 'jetblue'), col('c', 'oreo')])
    const r1 = await syncRules(api, first.rules)
    expect(r1).toMatchObject({ added: 3, deleted: 0, kept: 0 })
    const idsBefore = new Map(fake.rules.map((r) => [r.tag, r.id]))

    // b unchanged, a edited, c removed, d new.
    const second = planRules([col('a', 'comcast down'), col('b', 'jetblue'), col('d', 'ford')])
    const before = writes().length
    const r2 = await syncRules(api, second.rules)
    expect(r2).toMatchObject({ added: 2, deleted: 2, kept: 1 })
    expect(fake.rules.map((r) => [r.tag, r.value]).sort()).toEqual([
      ['a', 'comcast down'],
      ['b', 'jetblue'],
      ['d', 'ford'],
    ])
    expect(fake.rules.find((r) => r.tag === 'b')!.id).toBe(idsBefore.get('b'))
    // One delete and one add request.
    const sent = writes()
      .slice(before)
      .map((r) => r.body as Record<string, unknown>)
    expect(sent).toHaveLength(2)
    expect(sent[0]).toEqual({ delete: { ids: [idsBefore.get('a'), idsBefore.get('c')] } })
    expect(sent[1]).toEqual({
      add: [
        { value: 'comcast down', tag: 'a' },
        { value: 'ford', tag: 'd' },
      ],
    })

    // Nothing changed: no write at all.
    const n = writes().length
    const r3 = await syncRules(api, second.rules)
    expect(r3).toMatchObject({ added: 0, deleted: 0, kept: 3 })
    expect(writes().length).toBe(n)
    expect([...r3.active.values()].flat().sort()).toEqual(['a', 'b', 'd'])
  })

  it('shares one rule between columns with the same query, tagged with both ids', async () => {
    const api = await start()
    const plan = planRules([col('a', 'jetblue'), col('b', 'JetBlue')])
    await syncRules(api, plan.rules)
    expect(fake.rules).toEqual([expect.objectContaining({ value: 'jetblue', tag: 'a,b' })])
  })

  it("reports X's validation errors on the column and still adds the valid rules", async () => {
    const api = await start()
    fake.invalidRules.set('ford', ["Reference to invalid field 'ford' at position 1"])
    const result = await syncRules(api, planRules([col('a', 'jetblue'), col('b', 'ford')]).rules)
    expect(result.rejected.get('b')).toMatch(/X refused the rule: Invalid Rule: Reference to invalid field 'ford'/)
    expect(result.rejected.has('a')).toBe(false)
    expect(fake.rules.map((r) => r.tag)).toEqual(['a'])
  })

  it('checks limits before sending: rule length and the 1,000-rule cap', () => {
    const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' OR ')
    const plan = planRules([col('long', long), col('ok', 'ok')])
    expect(plan.notices.get('long')).toMatch(/at most 1024/)
    expect(plan.rules.map((r) => r.tag)).toEqual(['ok'])

    const many = Array.from({ length: 1_002 }, (_, i) => col(`c${i}`, `term${i}`))
    const capped = planRules(many)
    expect(capped.rules).toHaveLength(1_000)
    expect(capped.notices.get('c1001')).toMatch(/at most 1000 rules/)
    expect(capped.notices.get('c999')).toBeNull()
  })

  it('does not report columns that exclude X, but does report ones X cannot anchor', () => {
    const plan = planRules([col('demo', 'comcast source:demo'), col('neg', 'sentiment:negative')])
    expect(plan.notices.get('demo')).toBeNull()
    expect(plan.notices.get('neg')).toMatch(/Not listening on X/)
    expect(plan.rules).toEqual([])
  })
})
