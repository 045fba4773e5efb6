// The store conformance suite: the same cases against both engines behind the
// Archive interface, a real SQLite file and a real PostgreSQL database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAnyArchive, type Archive } from '../../src/main/core/store/archive'
import type { NewMention } from '../../src/main/core/store/mentions'
import { compileColumnQuery } from '../../src/shared/query/column-query'
import type { QueryNode } from '../../src/shared/query/ast'
import { mentionInput, tempArchive } from '../helpers'
import { freshDatabase, type TestDatabase } from './database'

function mention(over: Partial<NewMention> = {}): NewMention {
  return {
    ...mentionInput(),
    receivedAt: 1,
    sentiment: 0.25,
    sentimentLabel: 'neutral',
    sentimentScorer: 'test/1',
    ...over,
  }
}

function query(q: string): QueryNode {
  const c = compileColumnQuery(q)
  if (!c.ok) throw new Error(c.error.message)
  return c.ast
}

const engines = [
  { engine: 'sqlite', open: async () => ({ archive: await openAnyArchive(tempArchive()), drop: async () => {} }) },
  {
    engine: 'postgres',
    open: async () => {
      const db: TestDatabase = await freshDatabase()
      return { archive: await openAnyArchive(db.url), drop: () => db.drop() }
    },
  },
] as const

describe.each(engines)('archive conformance: $engine', ({ engine, open }) => {
  let archive: Archive
  let drop: () => Promise<void>
  beforeAll(async () => {
    ;({ archive, drop } = await open())
    expect(archive.engine).toBe(engine)
  })
  afterAll(async () => {
    await archive.close()
    await drop()
  })

  it('stores every field of a mention and reads it back unchanged', async () => {
    const full = mention({
      source: 'bluesky',
      url: 'https://bsky.app/profile/x/post/1',
      text: `Quotes ' " and \\ backslashes, emoji 🚀, accents Ünïcödé #Launch @Help https://ex.example/a`,
      lang: 'pt-BR',
      kind: 'reply',
      refId: 'parent-1',
      replyTo: 'Help',
      refAuthor: 'help.bsky.social',
      title: 'A title',
      warning: 'cw',
      hasMedia: true,
      rating: 4,
      author: {
        handle: 'Zoë',
        name: 'Zoë Q',
        followers: 123456789,
        avatarUrl: 'https://a.example/z.png',
        verified: true,
      },
      createdAt: 1_765_000_000_123,
    })
    const [stored] = await archive.commitMentions([full], () => [])
    expect(await archive.getMention(stored!.mention.id)).toEqual({ ...full, id: stored!.mention.id })
  })

  it('stores a post once, across batches and within one, and routes it once', async () => {
    const a = mention({ text: 'dup test alpha' })
    const b = mention({ text: 'dup test beta' })
    const first = await archive.commitMentions([a, b, { ...a, text: 'a replay' }], () => ['col-dup'])
    expect(first.map((s) => s.mention.text)).toEqual(['dup test alpha', 'dup test beta'])
    const again = await archive.commitMentions([b, mention({ text: 'dup test gamma' })], () => ['col-dup'])
    expect(again.map((s) => s.mention.text)).toEqual(['dup test gamma'])
    const page = await archive.pageColumn('col-dup', null, 10)
    expect(page.items.map((m) => m.text).sort()).toEqual(['dup test alpha', 'dup test beta', 'dup test gamma'])
  })

  it('stores concurrent batches that overlap without a duplicate', async () => {
    const shared = Array.from({ length: 50 }, (_, i) => mention({ text: `overlap ${i}`, externalId: `ov-${i}` }))
    const before = await archive.countMentions()
    const results = await Promise.all([
      archive.commitMentions(shared.slice(0, 40), () => []),
      archive.commitMentions(shared.slice(10), () => []),
      archive.commitMentions(shared, () => []),
    ])
    expect(await archive.countMentions()).toBe(before + 50)
    const ids = results.flat().map((s) => s.mention.id)
    expect(new Set(ids).size).toBe(50)
    expect(ids).toHaveLength(50)
  })

  it('pages a column newest first with a cursor, no overlap and no gap', async () => {
    const batch = Array.from({ length: 23 }, (_, i) =>
      mention({ text: `page ${i}`, createdAt: 1_800_000_000_000 + (i % 7) }),
    )
    await archive.commitMentions(batch, () => ['col-page'])
    const seen: number[] = []
    let cursor = null
    let last = Infinity
    do {
      const page: Awaited<ReturnType<Archive['pageColumn']>> = await archive.pageColumn('col-page', cursor, 5)
      for (const m of page.items) {
        expect(m.createdAt).toBeLessThanOrEqual(last)
        last = m.createdAt
        seen.push(m.id)
      }
      cursor = page.next
    } while (cursor)
    expect(new Set(seen).size).toBe(23)
  })

  it('searches with the query language: words, phrases, accents, operators, time range and paging', async () => {
    await archive.commitMentions(
      [
        mention({ text: 'Crème brûlée at the Comcast store', createdAt: 1_900_000_000_000, lang: 'fr' }),
        mention({
          text: 'comcast outage again, store closed',
          createdAt: 1_900_000_000_001,
          author: { ...mentionInput().author, followers: 900 },
        }),
        mention({ text: 'nothing to see', createdAt: 1_900_000_000_002 }),
      ],
      () => [],
    )
    expect(await archive.countMatches(query('creme brulee'))).toBe(1)
    expect(await archive.countMatches(query('"comcast store"'))).toBe(1)
    expect(await archive.countMatches(query('comcast store'))).toBe(2)
    expect(await archive.countMatches(query('comcast -lang:fr min_followers:500'))).toBe(1)
    const page = await archive.searchMentions(query('comcast'), { order: 'newest', limit: 1, since: 1_900_000_000_000 })
    expect(page.items.map((m) => m.text)).toEqual(['comcast outage again, store closed'])
    const next = await archive.searchMentions(query('comcast'), { order: 'newest', limit: 1, after: page.next })
    expect(next.items.map((m) => m.text)).toEqual(['Crème brûlée at the Comcast store'])
    const none = await archive.searchMentions(query('comcast'), { order: 'newest', limit: 5, until: 1_900_000_000_000 })
    expect(none.items.filter((m) => m.createdAt >= 1_900_000_000_000)).toEqual([])
  })

  it('deletes a post its author deleted, keeps it out for good, and never reuses its id', async () => {
    const gone = mention({ text: 'regret this post', externalId: 'regret-1' })
    const [stored] = await archive.commitMentions([gone], () => ['col-del'])
    const id = stored!.mention.id
    expect(await archive.tombstoneMentions(gone.source, ['regret-1', 'never-stored'], 5)).toEqual([id])
    expect(await archive.getMention(id)).toBeUndefined()
    expect((await archive.pageColumn('col-del', null, 10)).items).toEqual([])
    expect(await archive.commitMentions([gone], () => ['col-del'])).toEqual([])
    const [later] = await archive.commitMentions([mention({ text: 'a later post' })], () => [])
    expect(later!.mention.id).toBeGreaterThan(id)
    expect(await archive.countMatches(query('regret'))).toBe(0)
  })

  it('keeps operators by a name unique regardless of case (also beyond ASCII), with their role and hash', async () => {
    await archive.addOperator({ name: 'Zoë', role: 'analyst', secretHash: 'scrypt$h1', createdAt: 3 })
    await archive.addOperator({ name: 'dana', role: 'operator', secretHash: 'scrypt$h2', createdAt: 4 })
    await expect(archive.addOperator({ name: 'ZOË', role: 'admin', secretHash: 'x', createdAt: 5 })).rejects.toThrow(
      /already an operator named "ZOË"/,
    )
    expect(await archive.listOperators()).toEqual([
      { name: 'dana', role: 'operator', createdAt: 4 },
      { name: 'Zoë', role: 'analyst', createdAt: 3 },
    ])
    expect(await archive.getOperator('zoË')).toEqual({
      name: 'Zoë',
      role: 'analyst',
      secretHash: 'scrypt$h1',
      createdAt: 3,
    })
    expect(await archive.removeOperator('DANA')).toBe(true)
    expect(await archive.removeOperator('dana')).toBe(false)
    expect((await archive.listOperators()).map((o) => o.name)).toEqual(['Zoë'])
  })

  it('keeps the audit log newest first, filtered by time, operator and page', async () => {
    const entries = [
      { at: 100, operator: 'Dana', action: 'triage.set', targets: 'mentionIds=1', outcome: 'ok' as const },
      { at: 200, operator: 'Ana', action: 'replies.send', targets: 'mentionId=1', outcome: 'refused' as const },
      { at: 300, operator: 'Dana', action: 'columns.delete', targets: 'id=c1', outcome: 'ok' as const },
    ]
    for (const e of entries) await archive.appendAudit(e)
    const all = await archive.listAudit({})
    expect(all.map((e) => e.action)).toEqual(['columns.delete', 'replies.send', 'triage.set'])
    expect(all[1]).toEqual({ id: all[1]!.id, ...entries[1] })
    expect((await archive.listAudit({ operator: 'Dana' })).map((e) => e.at)).toEqual([300, 100])
    expect((await archive.listAudit({ since: 150, until: 300 })).map((e) => e.at)).toEqual([200])
    expect((await archive.listAudit({ before: all[0]!.id, limit: 1 })).map((e) => e.at)).toEqual([200])
  })
})
