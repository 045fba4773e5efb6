// The triage store through the command table: per-mention state, the column
// watermark, filters, mutes (an invalid regex is refused with the engine's
// message), operator prefs, and canned replies and drafts surviving a reopen
// of the same archive file.
import { afterEach, describe, expect, it } from 'vitest'
import type { Caller } from '../../src/shared/permissions'
import { schemaVersion } from '../../src/main/core/store/migrations/migration'
import type { EventName, Reply } from '../../src/shared/contract'
import type { OutboxItem } from '../../src/shared/contracts/replies'
import type { CannedReply, ColumnTriage, Draft, OperatorPrefs, TriageState } from '../../src/shared/contracts/triage'
import type { Column, Mention } from '../../src/shared/domain'
import { createCore, type Core } from '../../src/main/core/app/core'
import { getAnnotations, annotate } from '../../src/main/core/review/annotations'
import { archiveAt, mentionInput, migrateTo, tempArchive } from '../helpers'

function ok<T>(reply: Reply): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`)
  return reply.result as T
}

const open = (path: string): Core => {
  const core = createCore({ archivePath: path, mode: 'browser', version: 'test', demo: { enabled: false } })
  core.start()
  return core
}

let cores: Core[] = []
afterEach(async () => {
  for (const c of cores) await c.stop()
  cores = []
})

async function setup(): Promise<{ core: Core; path: string; column: Column; mentions: Mention[] }> {
  const path = tempArchive()
  const core = open(path)
  cores.push(core)
  const column = ok<Column>(await core.call('columns.create', { title: 'Zappos', query: 'zappos' }))
  core.ingest.push(
    ['zappos one', 'zappos two is spam', 'zappos three', 'zappos four'].map((text, i) =>
      mentionInput({
        text,
        createdAt: 1_000 + i,
        author: { handle: i === 3 ? 'Troll' : `user${i}`, name: 'U', followers: 1, avatarUrl: null, verified: false },
      }),
    ),
  )
  core.ingest.flush()
  const page = ok<{ items: Mention[] }>(await core.call('mentions.page', { columnId: column.id }))
  return { core, path, column, mentions: page.items }
}

describe('triage', () => {
  it('upgrades an archive at level 60 with the triage tables and the starter canned replies', () => {
    const db = archiveAt(60)
    expect(schemaVersion(db)).toBe(60)
    expect(migrateTo(db, 70)).toEqual(['triage'])
    expect(schemaVersion(db)).toBe(70)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['column_triage', 'operator_prefs', 'canned_replies', 'reply_drafts']),
    )
    expect(db.prepare('SELECT count(*) AS n FROM canned_replies').get()).toEqual({ n: 4 })
    db.close()
  })

  it("upgrades an archive at level 160: what was read becomes the single-user console's read state", () => {
    const db = archiveAt(160)
    db.prepare('INSERT INTO triage (mention_id, read, done, updated_at) VALUES (7, 1, 1, 5)').run()
    db.prepare(
      "INSERT INTO column_triage (column_id, watermark_created_at, watermark_id, updated_at) VALUES ('c1', 100, 7, 5)",
    ).run()
    expect(migrateTo(db, 170)).toEqual(['operator-reads'])
    expect(db.prepare('SELECT * FROM mention_reads').all()).toEqual([{ reader: '', mention_id: 7 }])
    expect(db.prepare('SELECT * FROM read_marks').all()).toEqual([
      { reader: '', column_id: 'c1', created_at: 100, mention_id: 7, updated_at: 5 },
    ])
    expect(db.prepare('SELECT mention_id, done FROM triage').all()).toEqual([{ mention_id: 7, done: 1 }])
    db.close()
  })

  it('sets and gets read, done, assignee, tags and note, and announces each change', async () => {
    const { core, mentions } = await setup()
    const seen: EventName[] = []
    core.hub.subscribe((name) => seen.push(name))
    const [a, b] = mentions.map((m) => m.id)
    expect(ok<TriageState[]>(await core.call('triage.get', { ids: [a!] }))[0]).toMatchObject({
      read: false,
      done: false,
      assignee: null,
      tags: [],
    })
    ok(await core.call('triage.set', { mentionIds: [a!, b!], done: true, assignee: 'Dana', addTags: ['Billing'] }))
    ok(await core.call('triage.set', { mentionIds: [a!], note: ' call back ', addTags: ['urgent'], read: true }))
    const [sa, sb] = ok<TriageState[]>(await core.call('triage.get', { ids: [a!, b!] }))
    expect(sa).toMatchObject({
      read: true,
      done: true,
      assignee: 'Dana',
      note: 'call back',
      tags: ['billing', 'urgent'],
    })
    expect(sb).toMatchObject({ read: false, done: true, assignee: 'Dana', note: null, tags: ['billing'] })
    ok(await core.call('triage.set', { mentionIds: [a!], assignee: null, removeTags: ['billing'], done: false }))
    expect(ok<TriageState[]>(await core.call('triage.get', { ids: [a!] }))[0]).toMatchObject({
      done: false,
      assignee: null,
      note: 'call back',
      tags: ['urgent'],
    })
    expect(seen.filter((n) => n === 'triage.changed')).toHaveLength(3)
    expect(ok<OperatorPrefs>(await core.call('triage.prefs', {})).recentAssignees).toEqual(['Dana'])
    const missing = await core.call('triage.set', { mentionIds: [999_999], done: true })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('shares its rows with review annotations (one owner, no twin)', async () => {
    const { core, mentions } = await setup()
    const id = mentions[0]!.id
    ok(await core.call('triage.set', { mentionIds: [id], assignee: 'Dana', tags: ['x'] }))
    annotate(core.store, { mentionId: id, note: 'seen', reviewed: true }, 5)
    expect(getAnnotations(core.store, [id])).toEqual([{ mentionId: id, note: 'seen', tags: ['x'], reviewed: true }])
    expect(ok<TriageState[]>(await core.call('triage.get', { ids: [id] }))[0]).toMatchObject({
      assignee: 'Dana',
      note: 'seen',
      reviewed: true,
    })
  })

  it("keeps each operator's read state and watermark their own, and shares done, assignee, tags and notes", async () => {
    const { core, column, mentions } = await setup()
    const dana: Caller = { name: 'Dana', role: 'operator' }
    const lee: Caller = { name: 'Lee', role: 'operator' }
    const seen: Array<[EventName, unknown]> = []
    core.hub.subscribe((name, payload) => {
      if (name.startsWith('triage.')) seen.push([name, payload])
    })
    const [a, b] = mentions as [Mention, Mention]
    ok(await core.call('triage.set', { mentionIds: [a.id], read: true }, dana))
    ok(await core.call('triage.set', { mentionIds: [b.id], done: true, assignee: 'Lee', tags: ['vip'] }, lee))
    ok(
      await core.call(
        'triage.markReadUpTo',
        { columnId: column.id, cursor: { createdAt: b.createdAt, id: b.id } },
        lee,
      ),
    )

    const stateOf = async (who: Caller | undefined) =>
      ok<TriageState[]>(await core.call('triage.get', { ids: [a.id, b.id] }, who)).map((t) => [t.read, t.done, t.tags])
    expect(await stateOf(dana)).toEqual([
      [true, false, []],
      [false, true, ['vip']],
    ])
    expect(await stateOf(lee)).toEqual([
      [false, false, []],
      [false, true, ['vip']],
    ])
    // The single-user console (no operator) is a reader of its own.
    expect(await stateOf(undefined)).toEqual([
      [false, false, []],
      [false, true, ['vip']],
    ])
    const markOf = async (who: Caller) =>
      ok<ColumnTriage[]>(await core.call('triage.columns', {}, who)).find((c) => c.columnId === column.id)?.watermark
    expect(await markOf(lee)).toEqual({ createdAt: b.createdAt, id: b.id })
    expect(await markOf(dana)).toBeNull()

    // Read state is announced with its reader (sessions send it to that reader's windows only);
    // shared changes carry no one's read state.
    expect(seen).toEqual([
      ['triage.read.changed', { reader: 'Dana', items: [{ mentionId: a.id, read: true }] }],
      ['triage.prefs.changed', expect.anything()],
      ['triage.changed', { items: [expect.not.objectContaining({ read: expect.anything() })] }],
      ['triage.mark.changed', { reader: 'Lee', columnId: column.id, watermark: { createdAt: b.createdAt, id: b.id } }],
    ])
    ok(await core.call('triage.set', { mentionIds: [a.id], read: false }, dana))
    expect((await stateOf(dana))[0]).toEqual([false, false, []])
  })

  it('keeps one watermark per column that only moves forward', async () => {
    const { core, column, mentions } = await setup()
    const moves: ColumnTriage[] = []
    core.hub.subscribe((name, payload) => name === 'triage.mark.changed' && moves.push(payload as ColumnTriage))
    const second = mentions[1]!
    const mark = ok<ColumnTriage>(
      await core.call('triage.markReadUpTo', {
        columnId: column.id,
        cursor: { createdAt: second.createdAt, id: second.id },
      }),
    )
    expect(mark.watermark).toEqual({ createdAt: second.createdAt, id: second.id })
    const older = mentions.at(-1)!
    const again = ok<ColumnTriage>(
      await core.call('triage.markReadUpTo', {
        columnId: column.id,
        cursor: { createdAt: older.createdAt, id: older.id },
      }),
    )
    expect(again.watermark).toEqual(mark.watermark)
    // Only the move is announced; marking an older card changes nothing and says nothing.
    expect(moves.map((m) => m.watermark)).toEqual([mark.watermark])
    // No per-mention rows are written for a watermark.
    expect(core.db.prepare('SELECT count(*) AS n FROM triage').get()).toEqual({ n: 0 })
    const bad = await core.call('triage.markReadUpTo', { columnId: 'nope', cursor: { createdAt: 1, id: 1 } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('stores filters and mutes, and refuses an invalid regex with the engine message', async () => {
    const { core, column } = await setup()
    const updated = ok<ColumnTriage>(
      await core.call('triage.column.update', {
        columnId: column.id,
        filters: { hideDone: true },
        mutes: { words: ['spam', 'spam'], authors: ['@Troll'], regexes: ['^zappos f'] },
      }),
    )
    expect(updated.filters).toEqual({ hideDone: true, onlyUnassigned: false, onlyUnread: false })
    expect(updated.mutes).toEqual({ words: ['spam'], authors: ['Troll'], regexes: ['^zappos f'] })
    ok(await core.call('triage.column.update', { columnId: column.id, filters: { onlyUnread: true } }))
    const all = ok<ColumnTriage[]>(await core.call('triage.columns', {}))
    expect(all.find((c) => c.columnId === column.id)).toMatchObject({
      filters: { hideDone: true, onlyUnread: true },
      mutes: { words: ['spam'] },
    })

    const bad = await core.call('triage.column.update', {
      columnId: column.id,
      mutes: { words: [], authors: [], regexes: ['('] },
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('bad_request')
      expect(bad.error.message).toContain('Invalid regular expression: /(/: Unterminated group')
    }
  })

  it('keeps canned replies and drafts (with their idempotency key) across reopening the archive', async () => {
    const { core, path, mentions } = await setup()
    const starters = ok<CannedReply[]>(await core.call('canned.list', {}))
    expect(starters.length).toBeGreaterThanOrEqual(3)
    expect(starters.some((c) => c.text.includes('{{author}}'))).toBe(true)
    const mine = ok<CannedReply>(await core.call('canned.save', { title: 'Shoes', text: 'Hi {{author}}, shoes!' }))
    const id = mentions[0]!.id
    ok(await core.call('drafts.save', { mentionId: id, text: 'first', key: 'key-00000001' }))
    // A later save keeps the first key: the draft is one reply, whatever is typed.
    ok(await core.call('drafts.save', { mentionId: id, text: 'second', key: 'key-99999999' }))
    await core.stop()
    cores = cores.filter((c) => c !== core)

    const again = open(path)
    cores.push(again)
    expect(ok<Draft | null>(await again.call('drafts.get', { mentionId: id }))).toMatchObject({
      text: 'second',
      key: 'key-00000001',
      mode: 'reply',
    })
    expect(ok<CannedReply[]>(await again.call('canned.list', {})).map((c) => c.id)).toContain(mine.id)
    ok(await again.call('canned.delete', { id: mine.id }))
    ok(await again.call('drafts.delete', { mentionId: id }))
    expect(ok<Draft | null>(await again.call('drafts.get', { mentionId: id }))).toBeNull()
    expect(ok<CannedReply[]>(await again.call('canned.list', {})).map((c) => c.id)).not.toContain(mine.id)
  })

  it('a draft sent twice, even after a restart, posts once (its key is the idempotency key)', async () => {
    const { core, path, mentions } = await setup()
    const mentionId = mentions[0]!.id
    const draft = ok<Draft>(await core.call('drafts.save', { mentionId, text: 'On it!', key: 'draft-key-0001' }))
    const send = (c: Core) => c.call('replies.send', { key: draft.key, mentionId, text: draft.text })
    const first = ok<OutboxItem>(await send(core))
    const second = ok<OutboxItem>(await send(core))
    expect(second.id).toBe(first.id)
    await expect
      .poll(async () => ok<OutboxItem[]>(await core.call('replies.list', { mentionId }))[0]?.state)
      .toBe('sent')
    expect(core.sources.demoSink.posted()).toHaveLength(1)
    await core.stop()
    cores = cores.filter((c) => c !== core)

    const again = open(path)
    cores.push(again)
    expect(ok<OutboxItem>(await send(again))).toMatchObject({ id: first.id, state: 'sent' })
    expect(again.sources.demoSink.posted()).toHaveLength(0)
    expect(ok<OutboxItem[]>(await again.call('replies.list', { mentionId }))).toHaveLength(1)
  })

  it('sending spends the draft that held the key (the same transaction), so its key is never offered again', async () => {
    const { core, mentions } = await setup()
    const [a, b] = [mentions[0]!.id, mentions[1]!.id]
    ok(await core.call('drafts.save', { mentionId: a, text: 'On it!', key: 'spent-key-0001' }))
    ok(await core.call('drafts.save', { mentionId: b, text: 'Later', key: 'other-key-0002' }))
    ok(await core.call('replies.send', { key: 'spent-key-0001', mentionId: a, text: 'On it!' }))
    expect(ok<Draft | null>(await core.call('drafts.get', { mentionId: a }))).toBeNull()
    // A reply sent under another key leaves the mention's draft alone.
    ok(await core.call('replies.send', { key: 'fresh-key-0003', mentionId: b, text: 'Now' }))
    expect(ok<Draft | null>(await core.call('drafts.get', { mentionId: b }))).toMatchObject({ key: 'other-key-0002' })
  })

  it('remembers the operator name and brand', async () => {
    const { core } = await setup()
    ok(await core.call('triage.prefs.update', { operator: ' Dana ', brand: 'Zappos' }))
    expect(ok<OperatorPrefs>(await core.call('triage.prefs', {}))).toMatchObject({ operator: 'Dana', brand: 'Zappos' })
  })
})
