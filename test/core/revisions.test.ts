// Deletes and edits from the sources through a real core and archive file:
// the fake Jetstream and the fake Mastodon stream send them as the real
// services do, and the archive, its FTS index, the column hits, triage, drafts
// and the outbox are read back. A deleted post cannot come back (replay after
// a restart, a duplicate delivery, an import); a delete of a post never stored
// leaves nothing behind.
import { describe, expect, it, vi } from 'vitest'
import type { EventName, EventPayload } from '../../src/shared/contract'
import type { TriageState } from '../../src/shared/contracts/triage'
import type { Column, ColumnStats, Mention } from '../../src/shared/domain'
import { DELETED_AT_SOURCE } from '../../src/main/core/pipeline/revisions'
import { schemaVersion } from '../../src/main/core/store/migrations/migration'
import { insertMention } from '../../src/main/core/store/mentions'
import { MIGRATIONS } from '../../src/main/core/store/migrations'
import { tombstoneMention } from '../../src/main/core/store/revisions'
import { enqueueReply, getOutboxItem, updateOutboxItem } from '../../src/main/core/store/outbox'
import { toMatchInput } from '../../src/shared/query/match-input'
import { ALICE, useBlueskyCore } from '../bluesky/with-core'
import { deleteEvent, postEvent, updateEvent } from '../fakes/jetstream/server'
import { FakeMastodon } from '../fakes/mastodon/server'
import { archiveAt, mentionInput, migrateTo, ok } from '../helpers'

const LATEST = MIGRATIONS.at(-1)!.version

const h = useBlueskyCore()

function seen<K extends EventName>(name: K): EventPayload<K>[] {
  return h.events.filter((e) => e.name === name).map((e) => e.payload as EventPayload<K>)
}

async function listenToBluesky(): Promise<void> {
  ok(
    await h.core.call('sources.configure', {
      source: 'bluesky',
      config: { enabled: true, jetstream: h.fake.jetstreamUrl, service: h.fake.serviceUrl },
    }),
  )
  await vi.waitFor(() => expect(h.fake.clientCount).toBe(1))
}

async function column(title: string, query: string): Promise<Column> {
  return ok<Column>(await h.core.call('columns.create', { title, query }))
}

async function page(c: Column): Promise<Mention[]> {
  return ok<{ items: Mention[] }>(await h.core.call('mentions.page', { columnId: c.id, limit: 100 })).items
}

async function search(query: string): Promise<string[]> {
  return ok<{ items: Mention[] }>(await h.core.call('mentions.search', { query })).items.map((m) => m.text)
}

const count = (sql: string, ...params: unknown[]): number => (h.core.db.prepare(sql).get(...params) as { n: number }).n

const uriOf = (post: Record<string, unknown>) =>
  `at://${ALICE}/app.bsky.feed.post/${(post.commit as { rkey: string }).rkey}`

// A minute ago: an edit a few seconds after its post is still in the past (a future edit time is capped).
const T0 = (Date.now() - 60_000) * 1000

describe('deletes from the sources', () => {
  it('a deleted post leaves the archive, search and every column; its queued reply fails, a sent one stays', async () => {
    const ford = await column('Ford', 'ford')
    const trucks = await column('Trucks', 'truck')
    await listenToBluesky()
    const gone = postEvent(ALICE, T0 + 1, 'my ford truck broke down')
    h.fake.push(gone)
    h.fake.push(postEvent(ALICE, T0 + 2, 'ford service was great'))
    await vi.waitFor(async () => expect(await page(ford)).toHaveLength(2))
    const [target] = (await page(trucks)).map((m) => m.id)
    ok(await h.core.call('triage.set', { mentionIds: [target!], addTags: ['urgent'], note: 'call back' }))
    ok(await h.core.call('drafts.save', { mentionId: target!, text: 'So sorry', key: 'draft-key-1' }))
    const base = { source: 'bluesky', mentionId: target!, targetId: uriOf(gone), mode: 'reply', now: 1 } as const
    const queued = enqueueReply(h.core.db, { ...base, key: 'queued-key-1', text: 'On it' }).item
    const sent = enqueueReply(h.core.db, { ...base, key: 'sent-key-01', text: 'Sorry!' }).item
    updateOutboxItem(h.core.db, sent.id, { state: 'sent', remoteId: 'at://brand/1' }, 2)

    const total = async (c: Column) =>
      ok<ColumnStats[]>(await h.core.call('stats.get', {})).find((x) => x.columnId === c.id)!.total
    expect(await total(trucks)).toBe(1)

    h.fake.push(deleteEvent(gone, T0 + 3))
    await vi.waitFor(async () => expect(await page(ford)).toHaveLength(1))
    // The columns' counts (the live stats the header and the spike detector read) drop it too.
    expect(await total(trucks)).toBe(0)
    expect(await total(ford)).toBe(1)

    expect((await page(ford)).map((m) => m.text)).toEqual(['ford service was great'])
    expect(await page(trucks)).toEqual([])
    expect(await search('truck')).toEqual([])
    expect(await search('ford')).toEqual(['ford service was great'])
    expect(count("SELECT count(*) AS n FROM mentions_fts WHERE mentions_fts MATCH 'broke'")).toBe(0)
    expect(count('SELECT count(*) AS n FROM column_hits WHERE mention_id = ?', target)).toBe(0)
    expect(count('SELECT count(*) AS n FROM mentions WHERE id = ?', target)).toBe(0)
    expect(h.core.db.prepare('SELECT source, external_id FROM mention_tombstones').all()).toEqual([
      { source: 'bluesky', external_id: uriOf(gone) },
    ])
    h.core.db.prepare("INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')").run()
    expect(ok<TriageState[]>(await h.core.call('triage.get', { ids: [target!] }))[0]).toMatchObject({
      tags: [],
      note: null,
    })
    expect(ok<unknown>(await h.core.call('drafts.get', { mentionId: target! }))).toBeNull()
    expect(getOutboxItem(h.core.db, queued.id)).toMatchObject({
      state: 'failed',
      error: DELETED_AT_SOURCE,
      mentionId: null,
    })
    expect(getOutboxItem(h.core.db, sent.id)).toMatchObject({
      state: 'sent',
      remoteId: 'at://brand/1',
      mentionId: null,
    })
    expect(seen('mentions.removed')).toEqual([{ ids: [target] }])
    // Announced while still linked, so an open composer shows why.
    expect(seen('reply.changed')).toContainEqual(
      expect.objectContaining({ id: queued.id, state: 'failed', mentionId: target }),
    )
  })

  it('a deleted post cannot come back: not by a replay after a restart, a duplicate delivery or an import', async () => {
    const ford = await column('Ford', 'ford')
    await listenToBluesky()
    const gone = postEvent(ALICE, T0 + 1, 'ford recall letter')
    h.fake.push(gone)
    await vi.waitFor(async () => expect(await page(ford)).toHaveLength(1))
    const stored = (await page(ford))[0]!
    h.fake.push(deleteEvent(gone, T0 + 2))
    await vi.waitFor(async () => expect(await page(ford)).toHaveLength(0))
    await h.core.stop()

    // The create is delivered again after the delete, and the cursor replays the log.
    h.fake.push({ ...gone, time_us: T0 + 3 })
    h.reopen()
    await vi.waitFor(() => expect(h.fake.clientCount).toBe(1))
    expect(Number(h.fake.connections.at(-1)!.get('cursor'))).toBeLessThanOrEqual(T0 + 1)
    h.fake.push(postEvent(ALICE, T0 + 4, 'ford dealer called'))
    h.core.ingest.push([{ ...stored, text: 'ford recall letter (imported)' }])
    await vi.waitFor(async () => expect((await page(ford)).map((m) => m.text)).toEqual(['ford dealer called']))
    h.core.ingest.flush()
    expect(count('SELECT count(*) AS n FROM mentions WHERE external_id = ?', uriOf(gone))).toBe(0)
  })

  it('a delete of a post never stored changes nothing and announces nothing', async () => {
    const ford = await column('Ford', 'ford')
    await listenToBluesky()
    const other = postEvent(ALICE, T0 + 1, 'nothing to do with cars')
    h.fake.push(other)
    h.fake.push(deleteEvent(other, T0 + 2))
    h.fake.push(postEvent(ALICE, T0 + 3, 'ford fiesta'))
    await vi.waitFor(async () => expect(await page(ford)).toHaveLength(1))
    expect(count('SELECT count(*) AS n FROM mention_tombstones')).toBe(0)
    expect(count('SELECT count(*) AS n FROM mentions')).toBe(1)
    expect(seen('mentions.removed')).toEqual([])
  })
})

describe('edits from the sources', () => {
  it('an edit replaces the text, re-scores sentiment, re-indexes search and re-routes the columns', async () => {
    const ford = await column('Ford', 'ford')
    const refunds = await column('Refunds', 'refund')
    await listenToBluesky()
    const post = postEvent(ALICE, T0 + 1, 'I love my new ford, great truck')
    h.fake.push(post)
    await vi.waitFor(async () => expect(await page(ford)).toHaveLength(1))
    expect((await page(ford))[0]).toMatchObject({ sentimentLabel: 'positive' })
    expect((await page(ford))[0]!.editedAt).toBeUndefined()

    h.fake.push(updateEvent(post, T0 + 2_000_000, 'my ford broke down, terrible, I want a refund'))
    await vi.waitFor(async () => expect(await page(refunds)).toHaveLength(1))
    const [edited] = await page(ford)
    expect(edited).toMatchObject({
      text: 'my ford broke down, terrible, I want a refund',
      sentimentLabel: 'negative',
      editedAt: Math.floor((T0 + 2_000_000) / 1000),
    })
    expect(edited!.sentiment).toBeLessThan(0)
    expect(await search('great')).toEqual([])
    expect(await search('terrible')).toEqual([edited!.text])
    h.core.db.prepare("INSERT INTO mentions_fts (mentions_fts) VALUES ('integrity-check')").run()
    expect(seen('mentions.revised').at(-1)).toMatchObject({
      mentions: [edited],
      hits: { [ford.id]: [edited!.id], [refunds.id]: [edited!.id] },
    })

    // Edited again, without the column's word: the column lets it go.
    h.fake.push(updateEvent(post, T0 + 3_000_000, 'still waiting for that refund'))
    await vi.waitFor(async () => expect(await page(ford)).toHaveLength(0))
    expect((await page(refunds)).map((m) => m.text)).toEqual(['still waiting for that refund'])
    const { hits } = seen('mentions.revised').at(-1)!
    expect(hits[refunds.id]).toEqual([edited!.id])
    expect(hits[ford.id]).toBeUndefined()
  })

  it('an edit of a post never stored is taken as new when a column now wants it, else ignored', async () => {
    const ford = await column('Ford', 'ford')
    await listenToBluesky()
    const post = postEvent(ALICE, T0 + 1, 'nice weather')
    const other = postEvent(ALICE, T0 + 2, 'nice weather again')
    h.fake.push(post)
    h.fake.push(other)
    h.fake.push(updateEvent(other, T0 + 3, 'still nice weather'))
    h.fake.push(updateEvent(post, T0 + 4, 'nice weather for a ford ride'))
    await vi.waitFor(async () => expect(await page(ford)).toHaveLength(1))
    expect((await page(ford))[0]!.text).toBe('nice weather for a ford ride')
    expect(count('SELECT count(*) AS n FROM mentions')).toBe(1)
  })
})

describe('Mastodon deletes and edits through the core', () => {
  it('applies the stream’s status.update and delete to what was stored', async () => {
    const mastodon = await new FakeMastodon().start()
    try {
      await h.core.stop()
      h.reopen({ EARSHOT_MASTODON_ACCESS_TOKEN: mastodon.token })
      const ford = await column('Ford', '#ford')
      ok(
        await h.core.call('sources.configure', {
          source: 'mastodon',
          config: { enabled: true, instance: mastodon.url, publicStream: 'none', searchSeconds: 3600 },
        }),
      )
      await vi.waitFor(() => expect(mastodon.subscriptions()).toEqual(['hashtag#ford']))
      const tag =
        '<a href="https://mastodon.example/tags/ford" class="mention hashtag" rel="tag">#<span>ford</span></a>'
      mastodon.publish('hashtag', 'ford', 'update', mastodon.status({ id: '501', content: `<p>Broke ${tag}</p>` }))
      mastodon.publish('hashtag', 'ford', 'update', mastodon.status({ id: '502', content: `<p>Fine ${tag}</p>` }))
      await vi.waitFor(async () => expect(await page(ford)).toHaveLength(2))
      mastodon.editStatus('hashtag', 'ford', '501', `<p>Fixed now ${tag}</p>`)
      mastodon.deleteStatus('hashtag', 'ford', '502')
      mastodon.deleteStatus('hashtag', 'ford', '999')
      await vi.waitFor(async () => expect((await page(ford)).map((m) => m.text)).toEqual(['Fixed now #ford']))
      expect((await page(ford))[0]!.editedAt).toEqual(expect.any(Number))
      expect(h.core.db.prepare('SELECT external_id FROM mention_tombstones').all()).toEqual([{ external_id: '502' }])
    } finally {
      await mastodon.close()
    }
  })
})

describe('migration 0080', () => {
  it('an archive at level 75 gets the tombstones and edited_at, keeping its mentions; the insert skips a tombstoned post', () => {
    const db = archiveAt(75)
    db.prepare(
      `INSERT INTO mentions (source, external_id, url, created_at, received_at, author_handle, author_name, author_followers,
        author_avatar, author_verified, text, lang, kind, ref_id, has_media, sentiment, sentiment_label)
       VALUES ('mastodon', '1', NULL, 1, 1, 'a', 'A', 1, NULL, 0, 'kept', 'en', 'post', NULL, 0, 0, 'neutral')`,
    ).run()
    expect(migrateTo(db, 80)).toEqual(['source-revisions'])
    expect(schemaVersion(db)).toBe(80)
    expect(db.prepare('SELECT text, edited_at FROM mentions').get()).toEqual({ text: 'kept', edited_at: null })
    migrateTo(db, LATEST) // the insert below is today's, which also reads 0090's id floor and writes later columns
    db.prepare("INSERT INTO mention_tombstones VALUES ('mastodon', '2', 5)").run()
    const insert = (externalId: string) => {
      const m = { ...mentionInput({ source: 'mastodon', externalId }), receivedAt: 1, sentiment: 0 }
      return insertMention(db, { ...m, sentimentLabel: 'neutral' }, toMatchInput({ ...m, sentimentLabel: 'neutral' }))
    }
    expect(insert('2')).toBeUndefined()
    expect(insert('3')).toEqual(expect.any(Number))
    expect(insert('1')).toBeUndefined()
    expect(db.prepare('SELECT external_id FROM mentions ORDER BY id').all()).toEqual([
      { external_id: '1' },
      { external_id: '3' },
    ])
    db.close()
  })
})

describe('migration 0090', () => {
  it("a deleted post's id is never given to the next mention, even when it was the newest", () => {
    const db = archiveAt(80)
    expect(migrateTo(db, 90)).toEqual(['mention-id-floor'])
    migrateTo(db, LATEST) // the insert below is today's, which writes later columns (0100's scorer, 0120's rating)
    const insert = (externalId: string) => {
      const m = { ...mentionInput({ source: 'mastodon', externalId }), receivedAt: 1, sentiment: 0 }
      return insertMention(db, { ...m, sentimentLabel: 'neutral' }, toMatchInput({ ...m, sentimentLabel: 'neutral' }))
    }
    const first = insert('1')!
    const newest = insert('2')!
    expect(newest).toBeGreaterThan(first)
    db.transaction(() => tombstoneMention(db, 'mastodon', '2', 5))()
    const next = insert('3')!
    expect(next).toBeGreaterThan(newest)
    db.transaction(() => tombstoneMention(db, 'mastodon', '1', 6))()
    expect(insert('4')).toBeGreaterThan(next)
    db.close()
  })
})
