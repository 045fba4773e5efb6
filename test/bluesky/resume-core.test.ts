// Resume through a real core and archive: Bluesky configured with the fake
// Jetstream, the core stopped mid-stream while posts keep coming, started
// again on the same archive. Every matching post is stored exactly once, and
// the stop is recorded as a closed gap.
import { describe, expect, it, vi } from 'vitest'
import type { Gap } from '../../src/shared/contracts/sources'
import type { Column, Mention } from '../../src/shared/domain'
import { postEvent } from '../fakes/jetstream/server'
import { ok } from '../helpers'
import { ALICE, useBlueskyCore } from './with-core'

const h = useBlueskyCore()

async function stored(columnId: string): Promise<string[]> {
  const page = ok<{ items: Mention[] }>(await h.core.call('mentions.page', { columnId, limit: 500 }))
  return page.items.map((m) => m.text).sort()
}

describe('Bluesky resume across a restart', () => {
  it('stores every matching post once after the core restarts mid-stream', async () => {
    const column = ok<Column>(await h.core.call('columns.create', { title: 'Delays', query: 'delay' }))
    ok(
      await h.core.call('sources.configure', {
        source: 'bluesky',
        config: { enabled: true, jetstream: h.fake.jetstreamUrl, service: h.fake.serviceUrl },
      }),
    )
    await vi.waitFor(() => expect(h.fake.clientCount).toBe(1))
    const T0 = Date.now() * 1000
    const post = (i: number) => h.fake.push(postEvent(ALICE, T0 + i * 100_000, `delay number ${i}`))
    for (let i = 0; i < 20; i++) post(i)
    await vi.waitFor(async () => expect(await stored(column.id)).toHaveLength(20))
    await h.core.stop()
    // Posted while Earshot is down: only the cursor replay can bring these.
    for (let i = 20; i < 30; i++) post(i)
    h.reopen()
    await vi.waitFor(() => expect(h.fake.clientCount).toBe(1))
    expect(Number(h.fake.connections.at(-1)!.get('cursor'))).toBeGreaterThan(0)
    for (let i = 30; i < 35; i++) post(i)
    await vi.waitFor(async () => expect(await stored(column.id)).toHaveLength(35))
    expect(await stored(column.id)).toEqual(Array.from({ length: 35 }, (_, i) => `delay number ${i}`).sort())
    const gaps = ok<Gap[]>(await h.core.call('gaps.list', { source: 'bluesky' }))
    expect(gaps).toHaveLength(1)
    expect(gaps[0]).toMatchObject({ reason: 'Earshot was not running', endedAt: expect.any(Number) })
  })
})
