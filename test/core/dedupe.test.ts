// The recent-keys window: a key is admitted once while it is in the window,
// the window holds at least `capacity` of the latest keys, and it never grows
// past twice that (memory stays flat however long capture runs).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RecentKeys } from '../../src/main/core/pipeline/dedupe'

describe('RecentKeys', () => {
  it('admits a key once, and again only after it left the window', () => {
    const keys = new RecentKeys(3)
    expect(keys.admit('a')).toBe(true)
    expect(keys.admit('a')).toBe(false)
    expect(keys.has('a')).toBe(true)
    for (const k of ['b', 'c', 'd', 'e', 'f', 'g']) expect(keys.admit(k)).toBe(true)
    expect(keys.has('a')).toBe(false)
    expect(keys.admit('a')).toBe(true)
  })

  it('always remembers the latest `capacity` keys and forgets past twice that', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 200 }), (capacity, n) => {
        const keys = new RecentKeys(capacity)
        for (let i = 0; i < n; i++) expect(keys.admit(`k${i}`)).toBe(true)
        for (let i = Math.max(0, n - capacity); i < n; i++) expect(keys.has(`k${i}`)).toBe(true)
        for (let i = 0; i < n - 2 * capacity; i++) expect(keys.has(`k${i}`)).toBe(false)
      }),
    )
  })
})
