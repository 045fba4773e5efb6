// The whole core on a PostgreSQL archive: the same commands a console sends,
// through the synchronous bridge (store/pg/sync-db.ts) and the repository
// functions both engines share: columns with back-fill, ingest and live paging,
// triage with tags and notes, search, canned replies, the outbox, alerts, and
// a second core on the same database seeing the first one's writes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/shared/permissions'
import { createCore, type Core } from '../../src/main/core/app/core'
import type { MentionsBatch, SearchPage } from '../../src/shared/contract'
import type { CannedReply, TriageState } from '../../src/shared/contracts/triage'
import type { Column } from '../../src/shared/domain'
import { translateParams } from '../../src/main/core/store/pg/sync-db'
import { openStore } from '../../src/main/core/store'
import { hashOperatorSecret } from '../../src/main/core/secrets/operator-secret'
import { mentionInput, ok, TEST_CORE, until } from '../helpers'
import { freshDatabase, type TestDatabase } from './database'

let database: TestDatabase
beforeAll(async () => {
  database = await freshDatabase()
})
afterAll(async () => {
  await database.drop()
})

let cores: Core[] = []
afterEach(async () => {
  for (const c of cores) await c.stop()
  cores = []
})

function open(): Core {
  const core = createCore({ ...TEST_CORE, archivePath: database.url })
  core.start()
  cores.push(core)
  return core
}

describe('parameters rewritten for PostgreSQL', () => {
  it('numbers ? in order and @names by name, leaving literals, quoted names and comments alone', () => {
    expect(translateParams(`SELECT '?', "a?" FROM t WHERE a = ? AND b = ? -- ?`).text).toBe(
      `SELECT '?', "a?" FROM t WHERE a = $1 AND b = $2 -- ?`,
    )
    const named = translateParams(
      `UPDATE t SET a = @a, b = coalesce(@b, b) WHERE (@a IS NULL OR x = 'it''s @a') AND y::text = :b`,
    )
    expect(named.text).toBe(
      `UPDATE t SET a = $1, b = coalesce($2, b) WHERE ($1 IS NULL OR x = 'it''s @a') AND y::text = $2`,
    )
    expect(named.names).toEqual(['a', 'b'])
    expect(() => translateParams('SELECT ? , @a')).toThrow(/mixes/)
  })
})

describe('the core on PostgreSQL', () => {
  it('runs columns, ingest, paging, triage, search, canned replies and the audit log; a second core sees it all', async () => {
    const a = open()
    const column = ok<Column>(await a.call('columns.create', { title: 'Zappos', query: 'zappos -spam' }))
    a.ingest.push(
      ['zappos one', 'zappos two is spam', 'zappos "three"', "zappos it's four"].map((text) => mentionInput({ text })),
    )
    a.ingest.flush()
    const page = ok<{ items: Array<{ id: number; text: string }> }>(
      await a.call('mentions.page', { columnId: column.id, before: null, limit: 10 }),
    )
    expect(page.items.map((m) => m.text).sort()).toEqual(['zappos "three"', "zappos it's four", 'zappos one'])

    const target = page.items[0]!.id
    const triage = ok<TriageState[]>(
      await a.call('triage.set', {
        mentionIds: [target],
        done: true,
        assignee: 'Dana',
        addTags: ['vip', 'refund'],
        note: 'call back',
      }),
    )
    expect(triage[0]).toMatchObject({ done: true, assignee: 'Dana', tags: ['refund', 'vip'], note: 'call back' })

    const found = ok<SearchPage>(await a.call('mentions.search', { query: '"it\'s four" OR three', limit: 10 }))
    expect(found.items.map((m) => m.text).sort()).toEqual(['zappos "three"', "zappos it's four"])

    const canned = ok<CannedReply>(await a.call('canned.save', { title: 'Thanks', text: 'Thank you!' }))
    expect(canned.id).toBeGreaterThan(0)

    // Another console on the same database reads what the first wrote.
    const b = open()
    const seen = ok<TriageState[]>(await b.call('triage.get', { ids: [target] }))
    expect(seen[0]).toMatchObject({ done: true, assignee: 'Dana', tags: ['refund', 'vip'] })
    const columns = ok<Column[]>(await b.call('columns.list', {}))
    expect(columns.map((c) => c.title)).toContain('Zappos')
    await until(
      async () => ok<{ mentionCount: number }>(await b.call('app.info', {})).mentionCount === 4,
      'the second core to count the four mentions',
    )
    const info = ok<{ archivePath: string }>(await b.call('app.info', {}))
    expect(info.archivePath).not.toContain(new URL(database.url).password)
  })

  it('hands what another writer commits to this console live: cards in the matching columns, once each', async () => {
    const capture = open()
    const column = ok<Column>(await capture.call('columns.create', { title: 'Live', query: 'livecheck' }))
    const consoleCore = open()
    const seen: Array<{ id: number; columns: string[] }> = []
    consoleCore.hub.subscribe((name, payload) => {
      if (name !== 'mentions.batch') return
      const batch = payload as MentionsBatch
      for (const m of batch.mentions)
        seen.push({ id: m.id, columns: Object.keys(batch.hits).filter((c) => batch.hits[c]!.includes(m.id)) })
    })
    const ownCards: number[] = []
    capture.hub.subscribe((name, payload) => {
      if (name === 'mentions.batch') ownCards.push(...(payload as MentionsBatch).mentions.map((m) => m.id))
    })
    // The console's change feed is listening once its first LISTEN is in place.
    await new Promise((r) => setTimeout(r, 500))
    capture.ingest.push([mentionInput({ text: 'livecheck one' }), mentionInput({ text: 'not this' })])
    capture.ingest.flush()
    const got = await until(() => seen.length >= 1 && seen, "the console to receive the capture host's batch")
    expect(got[0]!.columns).toEqual([column.id])
    // Cards go to columns only (the other mention matched none), and each once.
    await new Promise((r) => setTimeout(r, 300))
    expect(seen).toHaveLength(1)
    // The capture core's own notification does not bring its batch a second time.
    expect(ownCards).toEqual([got[0]!.id])
  })

  it("shows one console's triage, column edits and composer presence in another within moments", async () => {
    const a = open()
    const b = open()
    const column = ok<Column>(await a.call('columns.create', { title: 'Shared', query: 'sharedcheck' }))
    a.ingest.push([mentionInput({ text: 'sharedcheck please help' })])
    a.ingest.flush()
    const page = ok<{ items: Array<{ id: number; createdAt: number }> }>(
      await a.call('mentions.page', { columnId: column.id, before: null, limit: 10 }),
    )
    const id = page.items[0]!.id
    const seen: string[] = []
    b.hub.subscribe((name, payload) => {
      if (name === 'triage.changed') {
        for (const t of (payload as { items: TriageState[] }).items) seen.push(`triage ${t.mentionId} ${t.assignee}`)
      } else if (name === 'columns.changed') {
        seen.push(`columns ${(payload as Column[]).map((c) => c.title).join(',')}`)
      } else if (name === 'presence.changed') {
        seen.push(`presence ${(payload as { replying: string[] }).replying.join(',')}`)
      } else if (name === 'triage.read.changed') {
        const { reader, items } = payload as { reader: string; items: Array<{ mentionId: number; read: boolean }> }
        for (const t of items) seen.push(`read ${reader} ${t.mentionId} ${t.read}`)
      } else if (name === 'triage.mark.changed') {
        const { reader, columnId, watermark } = payload as { reader: string; columnId: string; watermark: unknown }
        seen.push(`mark ${reader} ${columnId} ${JSON.stringify(watermark)}`)
      }
    })
    // The second console's change feed is listening once its first LISTEN is in place.
    await new Promise((r) => setTimeout(r, 500))
    ok(await a.call('triage.set', { mentionIds: [id], done: true, assignee: 'Lee' }))
    await until(() => seen.includes(`triage ${id} Lee`), "the other console to see the first one's triage")
    // Read state is each operator's: Dana's read and watermark follow her to the other console, Lee's stay his.
    const danaOp: Caller = { name: 'Dana', role: 'operator' }
    const leeOp: Caller = { name: 'Lee', role: 'operator' }
    ok(await a.call('triage.set', { mentionIds: [id], read: true }, danaOp))
    await until(() => seen.includes(`read Dana ${id} true`), "the other console to hear of Dana's read")
    const cursor = { createdAt: page.items[0]!.createdAt, id }
    ok(await a.call('triage.markReadUpTo', { columnId: column.id, cursor }, danaOp))
    await until(
      () => seen.includes(`mark Dana ${column.id} ${JSON.stringify(cursor)}`),
      "the other console to hear of Dana's watermark",
    )
    const readBy = async (who: Caller) => ok<TriageState[]>(await b.call('triage.get', { ids: [id] }, who))[0]
    expect(await readBy(danaOp)).toMatchObject({ read: true, done: true, assignee: 'Lee' })
    expect(await readBy(leeOp)).toMatchObject({ read: false, done: true, assignee: 'Lee' })
    // A large change (more ids than one notification holds) arrives whole.
    a.ingest.push(Array.from({ length: 520 }, (_, i) => mentionInput({ text: `sharedcheck bulk ${i}` })))
    a.ingest.flush()
    const bulk = a.store.read.pageColumn(column.id, null, 600).items.map((m) => m.id)
    expect(bulk.length).toBeGreaterThan(520)
    ok(await a.call('triage.set', { mentionIds: bulk, assignee: 'Bulk' }))
    await until(
      () => bulk.every((m) => seen.includes(`triage ${m} Bulk`)),
      'the other console to see every mention of a large triage change',
    )
    ok(await a.call('columns.update', { id: column.id, title: 'Shared desk' }))
    await until(
      () => seen.some((line) => line.startsWith('columns') && line.includes('Shared desk')),
      'the other console to see the renamed column',
    )
    expect(ok<Column[]>(await b.call('columns.list', {})).map((c) => c.title)).toContain('Shared desk')
    const dana = a.openSession()
    a.store.write.addOperator({
      name: 'Dana',
      role: 'operator',
      secretHash: await hashOperatorSecret('dana-0001'),
      createdAt: Date.now(),
    })
    ok(await dana.call('session.signIn', { name: 'Dana', secret: 'dana-0001' }))
    ok(await dana.call('presence.set', { mentionId: id }))
    await until(() => seen.includes('presence Dana'), 'the other console to see Dana replying')
    expect(ok(await b.call('presence.get', { mentionId: id }))).toEqual({ mentionId: id, replying: ['Dana'] })
    dana.close()
    await until(() => seen.includes('presence '), 'the other console to see Dana stop replying')
  })

  it('detects an alert once for all consoles, and shows it in each', async () => {
    const capture = open()
    const column = ok<Column>(await capture.call('columns.create', { title: 'VIPs', query: 'vipcheck' }))
    const consoleCore = open()
    // The console edits the settings; the capture core (detecting, as the first to hold the lease) follows them.
    ok(await consoleCore.call('alerts.configure', { columnId: column.id, enabled: true, vipQuery: 'ceo' }))
    const fired = { capture: 0, console: 0 }
    capture.hub.subscribe((name) => void (name === 'alert.fired' && fired.capture++))
    consoleCore.hub.subscribe((name) => void (name === 'alert.fired' && fired.console++))
    await new Promise((r) => setTimeout(r, 500))
    capture.ingest.push([mentionInput({ text: 'vipcheck the ceo just posted' })])
    capture.ingest.flush()
    await until(() => fired.capture === 1 && fired.console === 1, 'the alert in both consoles').catch(
      (err: unknown) => {
        throw new Error(`${String(err)}: ${JSON.stringify(fired)}`)
      },
    )
    await new Promise((r) => setTimeout(r, 500))
    const stored = ok<{ items: unknown[] }>(await capture.call('alerts.list', { limit: 50 }))
    expect(stored.items).toHaveLength(1)
    expect(fired).toEqual({ capture: 1, console: 1 })
  })

  it('keeps a failed transaction out of the archive and reports the server error', () => {
    const store = openStore(database.url)
    try {
      const before = store.read.listColumns().length
      expect(() =>
        store.write.replaceColumns(
          [{ draft: { title: 'x', position: 0 } as never, query: { type: 'term', token: 'x' } as never }],
          Date.now(),
        ),
      ).toThrow()
      expect(store.read.listColumns().length).toBe(before)
    } finally {
      store.close()
    }
  })
})
