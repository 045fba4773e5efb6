// The App Store reviews connector against a fake of Apple's customer-reviews
// feed on 127.0.0.1: reviews with their star rating as mentions, pages read
// until the seen ones, one review (an object) and none (no entry), a cursor
// per app across restarts, a failing or malformed feed as a gap while other
// apps go on; and through the core, `rating:<=2` selecting the bad reviews.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/app/core'
import { AppStoreConnector, toMention } from '../../src/main/core/connectors/appstore/connector'
import type { AppStoreApp } from '../../src/shared/sources/appstore'
import { connectorContext, type TestContext } from '../connector-context'
import { FakeAppStore, review } from '../fakes/appstore/server'
import { ok, tempArchive, TEST_CORE, until } from '../helpers'

let apple: FakeAppStore
let t: TestContext
let connector: AppStoreConnector | undefined
const APP: AppStoreApp = { appId: '284882215', country: 'us', title: 'Facebook' }

beforeEach(async () => {
  apple = await new FakeAppStore().start()
  t = connectorContext()
  t.setColumns([{ id: 'c', query: 'source:appstore' }])
})
afterEach(async () => {
  await connector?.stop()
  connector = undefined
  await apple.close()
})

function run(apps: AppStoreApp[] = [APP]): AppStoreConnector {
  connector = new AppStoreConnector({ apps, pollMs: 40, apiBase: apple.origin, backoff: { initialMs: 40, maxMs: 80 } })
  connector.start(t.ctx)
  return connector
}

describe('App Store reviews connector', () => {
  it('reads reviews with their rating, across pages, each once', async () => {
    const many = Array.from({ length: 60 }, (_, i) => review(`r${i}`, 10 + i, (i % 5) + 1, `Title ${i}`, `Body ${i}`))
    apple.add(APP.appId, APP.country, ...many)
    run()
    await until(() => t.emitted().length === 60, 'sixty reviews')
    await new Promise((r) => setTimeout(r, 150))
    expect(t.emitted()).toHaveLength(60)
    const first = t.emitted().find((m) => m.externalId === 'r0')!
    expect(first).toMatchObject({
      source: 'appstore',
      rating: 1,
      title: 'Title 0',
      text: 'Title 0\n\nBody 0',
      author: { handle: 'reviewerr0', name: 'reviewerr0 on Facebook (US)' },
      url: `https://itunes.apple.com/us/review?id=${APP.appId}&type=Purple%20Software`,
    })
    expect(apple.requests.some((p) => p.includes('/page=2/'))).toBe(true)
    expect(t.statuses.at(-1)).toMatchObject({ state: 'connected', detail: '1 app review feed read' })
  })

  it('takes one review (an object) and none (no entry), and goes on from its cursor after a restart', async () => {
    const other: AppStoreApp = { appId: '310633997', country: 'gb', title: null }
    apple.add(APP.appId, APP.country, review('s1', 5, 2, 'Crashes', 'Since the update it crashes'))
    run([APP, other])
    await until(() => t.emitted().length === 1, 'the one review')
    await connector!.stop()
    const before = t.emitted().length
    apple.add(APP.appId, APP.country, review('s2', 1, 5, 'Fixed', 'Works again'))
    run([APP, other])
    await until(() => t.emitted().length === before + 1, 'the new review')
    await until(() => t.cursors.has(`reviews ${other.appId}/gb`), 'the app without reviews to be read')
    expect(t.emitted().map((m) => m.externalId)).toEqual(['s1', 's2'])
    expect(t.cursors.get(`reviews ${other.appId}/gb`)).toMatch(/^\d+$/)
  })

  it('reports a failing or malformed feed and records a gap while other apps go on', async () => {
    const good: AppStoreApp = { appId: '310633997', country: 'gb', title: 'WhatsApp' }
    apple.add(good.appId, good.country, review('g1', 3, 4, 'Good', 'Fine'))
    apple.fail(503, '', { 'Retry-After': '1' })
    run([APP, good])
    await until(() => t.emitted().some((m) => m.externalId === 'g1'), 'the other app')
    await until(
      () => t.statuses.some((s) => /Facebook \(US\): HTTP 503, retrying in 1 s/.test(s.detail ?? '')),
      'the failure',
    )
    expect(t.gaps).toHaveLength(1)
    await until(() => t.gaps[0]!.endedAt !== null, 'the gap to close')
    apple.fail(200, '<html>maintenance</html>')
    await until(() => t.statuses.some((s) => /the feed is not JSON/.test(s.detail ?? '')), 'the malformed page')
    expect(toMention({ id: { label: 'x' }, title: { label: 'App' } }, APP, Date.now())).toBeNull()
    expect(
      toMention(
        {
          id: { label: 'y' },
          'im:rating': { label: '9' },
          updated: { label: '2026-01-01T00:00:00-07:00' },
          title: { label: 't' },
        },
        APP,
        Date.now(),
      ),
    ).toBeNull()
  })
})

describe('App Store through the core', () => {
  it('is configured in Sources (bad ids refused at the field) and `rating:<=2` selects the bad reviews', async () => {
    apple.add(
      APP.appId,
      APP.country,
      review('c1', 3, 1, 'Awful', 'Lost my data'),
      review('c2', 2, 5, 'Great', 'Love it'),
    )
    const core = createCore({ archivePath: tempArchive(), ...TEST_CORE, env: { EARSHOT_APPSTORE_API: apple.origin } })
    core.start()
    try {
      const column = ok<{ id: string }>(
        await core.call('columns.create', { title: 'Bad reviews', query: 'source:appstore rating:<=2' }),
      )
      expect(
        await core.call('sources.configure', {
          source: 'appstore',
          config: { apps: [{ appId: 'facebook', country: 'usa', title: null }] },
        }),
      ).toMatchObject({
        ok: false,
        error: {
          issues: expect.arrayContaining([
            expect.stringMatching(/^config\.apps\.0\.appId: the app id/),
            expect.stringMatching(/^config\.apps\.0\.country: a two-letter/),
          ]),
        },
      })
      ok(
        await core.call('sources.configure', {
          source: 'appstore',
          config: { enabled: true, apps: [APP], pollSeconds: 60 },
        }),
      )
      let items: Array<{ externalId: string; rating?: number; sentimentLabel: string; sentimentScorer?: string }> = []
      for (let i = 0; i < 300 && items.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 10))
        items = ok<{ items: typeof items }>(await core.call('mentions.page', { columnId: column.id })).items
      }
      // A review's stars are its sentiment: one star is negative, whatever the words say.
      expect(items).toMatchObject([
        { externalId: 'c1', rating: 1, sentimentLabel: 'negative', sentimentScorer: 'stars/1' },
      ])
      expect(ok<{ stale: number }>(await core.call('rescore.status', { target: 'live' })).stale).toBe(0)
      const check = ok<{ ok: boolean; description?: string }>(
        await core.call('query.check', { query: 'rating:<=2 source:appstore' }),
      )
      expect(check).toMatchObject({ ok: true, description: expect.stringMatching(/rated at most 2 stars/) })
    } finally {
      await core.stop()
    }
  })
})
