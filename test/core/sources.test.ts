import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { Connector, ConnectorContext } from '../../src/main/core/connectors/connector'
import { createCore, type Core } from '../../src/main/core/app/core'
import type { SourceDrivers } from '../../src/main/core/sources/driver'
import { SecretStore } from '../../src/main/core/secrets/secret-store'
import type { Gap, SourceEntry } from '../../src/shared/contracts/sources'
import { mentionInput, ok, tempArchive } from '../helpers'

/** A stand-in RSS connector the test drives by hand through its context. */
class ManualConnector implements Connector {
  readonly source = 'rss' as const
  ctx: ConnectorContext | undefined
  stopped = false
  start(ctx: ConnectorContext) {
    this.ctx = ctx
  }
  stop() {
    this.stopped = true
  }
}

function setup(path = tempArchive()) {
  const made: ManualConnector[] = []
  const drivers: SourceDrivers = {
    rss: {
      source: 'rss',
      connector: (config) => {
        if (config.feeds.length === 0) return { unavailable: 'Add a feed to start listening.' }
        const c = new ManualConnector()
        made.push(c)
        return c
      },
    },
  }
  const secrets = new SecretStore({ env: {} })
  const core = createCore({
    archivePath: path,
    mode: 'browser',
    version: 'test',
    demo: { enabled: false },
    drivers,
    secrets,
  })
  core.start()
  return { core, made, path, secrets }
}

const feed = { url: 'http://127.0.0.1:9/feed.xml', intervalSeconds: 60, title: null }

describe('sources', () => {
  let core: Core | undefined
  afterEach(async () => {
    await core?.stop()
    core = undefined
  })

  it('lists every configurable source with defaults, secret states and the secret store', async () => {
    const s = setup()
    core = s.core
    const list = ok<{ sources: SourceEntry[]; secretStore: { kind: string } }>(await core.call('sources.list', {}))
    expect(list.sources.map((e) => e.source)).toEqual([
      'x',
      'bluesky',
      'mastodon',
      'rss',
      'hackernews',
      'reddit',
      'appstore',
    ])
    const x = list.sources.find((e) => e.source === 'x')!
    expect(x.config).toMatchObject({ enabled: false, mode: 'stream' })
    expect(x.secrets.map((v) => v.name)).toContain('bearerToken')
    expect(x.secrets.every((v) => !v.set)).toBe(true)
    expect(list.secretStore.kind).toBe('session')
  })

  it('rejects bad settings field by field and keeps the old ones', async () => {
    const s = setup()
    core = s.core
    const bad = await core.call('sources.configure', {
      source: 'bluesky',
      config: { jetstream: 'http://not-a-websocket', service: 'nope' },
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('bad_request')
      expect(bad.error.issues).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^config\.jetstream: Jetstream must be a ws/),
          expect.stringMatching(/^config\.service/),
        ]),
      )
    }
    const unknownSecret = await core.call('sources.configure', { source: 'rss', config: {}, secrets: { token: 'x' } })
    expect(unknownSecret).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/no secret called "token"/) },
    })
    const list = ok<{ sources: SourceEntry[] }>(await core.call('sources.list', {}))
    expect(list.sources.find((e) => e.source === 'bluesky')!.config).toMatchObject({ enabled: false })
  })

  it('starts a source from its settings, stores them, and restarts it when they change', async () => {
    const s = setup()
    core = s.core
    const off = ok<SourceEntry>(await core.call('sources.configure', { source: 'rss', config: { enabled: true } }))
    expect(off.status).toMatchObject({ state: 'error', detail: 'Add a feed to start listening.' })
    ok(await core.call('sources.configure', { source: 'rss', config: { feeds: [feed] } }))
    expect(s.made).toHaveLength(1)
    s.made[0]!.ctx!.status({ state: 'connected', detail: 'Polling 1 feed', until: null })
    const list = ok<{ sources: SourceEntry[] }>(await core.call('sources.list', {}))
    expect(list.sources.find((e) => e.source === 'rss')!.status).toMatchObject({ state: 'connected' })
    ok(
      await core.call('sources.configure', {
        source: 'rss',
        config: { feeds: [feed, { ...feed, url: 'http://127.0.0.1:9/b' }] },
      }),
    )
    expect(s.made).toHaveLength(2)
    expect(s.made[0]!.stopped).toBe(true)
    // The stopped connector can no longer report or emit.
    s.made[0]!.ctx!.emit([mentionInput({ source: 'rss', text: 'late comcast item' })])
    s.made[0]!.ctx!.status({ state: 'error', detail: 'stale', until: null })
    const after = ok<{ sources: SourceEntry[] }>(await core.call('sources.list', {}))
    expect(after.sources.find((e) => e.source === 'rss')!.status.detail).not.toBe('stale')
  })

  it('records gaps, closes them, and opens one for the time Earshot is not running', async () => {
    const s = setup()
    core = s.core
    ok(await core.call('sources.configure', { source: 'rss', config: { enabled: true, feeds: [feed] } }))
    const ctx = s.made[0]!.ctx!
    ctx.gap.open('HTTP 503 from feed')
    ctx.gap.open('a second open while one is open is ignored')
    ctx.gap.close()
    ctx.cursor.set('etag:http://127.0.0.1:9/feed.xml', '"v1"')
    const gaps = ok<Gap[]>(await core.call('gaps.list', { source: 'rss' }))
    expect(gaps).toHaveLength(1)
    expect(gaps[0]).toMatchObject({ source: 'rss', reason: 'HTTP 503 from feed' })
    expect(gaps[0]!.endedAt).not.toBeNull()
    await core.stop()

    const again = setup(s.path)
    core = again.core
    const reopened = ok<Gap[]>(await core.call('gaps.list', {}))
    expect(reopened.map((g) => g.reason)).toEqual(['HTTP 503 from feed', 'Earshot was not running'])
    expect(reopened[1]!.endedAt).toBeNull()
    // Settings and cursors survived the restart; the source is running again.
    expect(again.made).toHaveLength(1)
    const ctx2 = again.made[0]!.ctx!
    expect(ctx2.cursor.get('etag:http://127.0.0.1:9/feed.xml')).toBe('"v1"')
    ctx2.gap.close()
    const closed = ok<Gap[]>(await core.call('gaps.list', {}))
    expect(closed.every((g) => g.endedAt !== null)).toBe(true)
  })

  it('never writes a secret into the archive', async () => {
    const s = setup()
    core = s.core
    ok(
      await core.call('sources.configure', {
        source: 'mastodon',
        config: {},
        secrets: { accessToken: 'mast-SECRET-9f8e7d' },
      }),
    )
    const entry = ok<{ sources: SourceEntry[] }>(await core.call('sources.list', {}))
    expect(JSON.stringify(entry)).not.toContain('mast-SECRET-9f8e7d')
    expect(entry.sources.find((e) => e.source === 'mastodon')!.secrets).toEqual([
      { name: 'accessToken', set: true, origin: 'session' },
    ])
    await core.stop()
    core = undefined
    for (const suffix of ['', '-wal']) {
      let bytes: Buffer
      try {
        bytes = readFileSync(s.path + suffix)
      } catch {
        continue
      }
      expect(bytes.includes('mast-SECRET-9f8e7d')).toBe(false)
    }
  })

  it('lets a firehose source keep only what some column wants', async () => {
    const s = setup()
    core = s.core
    ok(await core.call('sources.configure', { source: 'rss', config: { enabled: true, feeds: [feed] } }))
    const ctx = s.made[0]!.ctx!
    expect(ctx.matches(mentionInput({ source: 'rss', text: 'JetBlue lost my bag' }))).toBe(true)
    expect(ctx.matches(mentionInput({ source: 'rss', text: 'nothing to see here' }))).toBe(false)
    ok(await core.call('columns.create', { title: 'Angry', query: 'sentiment:negative weather' }))
    // Sentiment is not scored yet at this point: a sentiment: column must not drop it.
    expect(ctx.matches(mentionInput({ source: 'rss', text: 'the weather' }))).toBe(true)
  })
})
