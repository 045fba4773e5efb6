// Settings of the free sources through `sources.configure` on a real core:
// bad values get field-addressed issues and change nothing; good ones start
// the source (a Bluesky source against the fake Jetstream here).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SourceEntry } from '../../src/shared/contracts/sources'
import { createCore, type Core } from '../../src/main/core/app/core'
import { FakeBluesky } from '../fakes/jetstream/server'
import { tempArchive } from '../helpers'

let core: Core
beforeEach(() => {
  core = createCore({ archivePath: tempArchive(), mode: 'browser', version: 'test', demo: { enabled: false } })
  core.start()
})
afterEach(() => core.stop())

async function issues(payload: unknown): Promise<string[]> {
  const reply = await core.call('sources.configure', payload)
  if (reply.ok) throw new Error('expected a bad_request')
  expect(reply.error.code).toBe('bad_request')
  return reply.error.issues ?? []
}

describe('free source settings', () => {
  it('names the field and the problem for each bad value', async () => {
    expect(
      await issues({ source: 'bluesky', config: { jetstream: 'https://jetstream1.us-east.bsky.network' } }),
    ).toEqual(['config.jetstream: Jetstream must be a ws:// or wss:// URL'])
    expect(await issues({ source: 'bluesky', config: { identifier: 'not a handle' } })).toEqual([
      expect.stringMatching(/^config\.identifier: use a handle/),
    ])
    expect(await issues({ source: 'mastodon', config: { instance: 'mastodon.social', searchSeconds: 5 } })).toEqual([
      'config.instance: instance must be an http(s) URL',
      'config.searchSeconds: search at most every 15 seconds',
    ])
    const feed = { url: 'https://example.com/feed.xml', intervalSeconds: 300, title: null }
    expect(await issues({ source: 'rss', config: { feeds: [feed, { ...feed, title: 'again' }] } })).toEqual([
      'config.feeds.1.url: this feed is already listed',
    ])
    expect(await issues({ source: 'rss', config: { feeds: [{ ...feed, url: 'ftp://x' }] } })).toEqual([
      'config.feeds.0.url: a feed must be an http(s) URL',
    ])
    // Nothing was saved.
    const list = await core.call('sources.list', {})
    if (!list.ok) throw new Error('list failed')
    const rss = (list.result as { sources: SourceEntry[] }).sources.find((s) => s.source === 'rss')!
    expect(rss.config).toMatchObject({ feeds: [] })
  })

  it('accepts good settings, keeps the secret write-only and starts the source', async () => {
    const fake = await new FakeBluesky().start()
    try {
      const reply = await core.call('sources.configure', {
        source: 'bluesky',
        config: {
          enabled: true,
          jetstream: fake.jetstreamUrl,
          service: fake.serviceUrl,
          identifier: 'brand.example.com',
        },
        secrets: { appPassword: 'abcd-efgh-ijkl-mnop' },
      })
      if (!reply.ok) throw new Error(reply.error.message)
      const entry = reply.result as SourceEntry
      expect(entry.secrets).toEqual([{ name: 'appPassword', set: true, origin: 'session' }])
      expect(JSON.stringify(entry)).not.toContain('abcd-efgh')
      await vi.waitFor(() => expect(fake.clientCount).toBe(1))
    } finally {
      await core.stop()
      await fake.close()
    }
  })
})
