import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Column } from '../../src/shared/domain'
import type { WorkspaceFile } from '../../src/shared/workspace'
import { createCore, type Core } from '../../src/main/core/app/core'
import { mentionInput, ok, tempArchive, TEST_CORE } from '../helpers'

describe('handler table', () => {
  let core: Core
  let path: string
  beforeEach(() => {
    path = tempArchive()
    core = createCore({ archivePath: path, ...TEST_CORE })
    core.start()
  })
  afterEach(() => core.stop())

  it('starts a new archive with the four demo columns', async () => {
    const columns = ok<Column[]>(await core.call('columns.list', {}))
    expect(columns.map((c) => c.title)).toEqual(['Comcast / Xfinity', 'JetBlue', 'Whole Foods', 'Ford'])
  })

  it('answers an unknown command or a bad payload with a typed error and keeps serving', async () => {
    const unknown = await core.call('columns.explode', {})
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/unknown command/) },
    })
    const bad = await core.call('columns.create', { title: '', query: 5, extra: true })
    expect(bad.ok).toBe(false)
    if (!bad.ok) {
      expect(bad.error.code).toBe('bad_request')
      expect(bad.error.issues).toEqual(
        expect.arrayContaining([expect.stringMatching(/^title:/), expect.stringMatching(/^query:/)]),
      )
    }
    expect(await core.call('settings.update', { demo: { rate: 5001 } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    expect(await core.call('settings.update', { demo: { rate: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    expect(await core.call('mentions.page', { columnId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    expect(await core.call('columns.create', { title: 'Q', query: '"unclosed' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/unclosed quote at 0/) },
    })
    expect((await core.call('app.info', {})).ok).toBe(true)
  })

  it('back-fills a new keyword column from the archive, then routes live mentions to it', async () => {
    core.ingest.push([mentionInput({ text: 'Zappos sent shoes overnight' }), mentionInput({ text: 'unrelated' })])
    core.ingest.flush()
    const column = ok<Column>(await core.call('columns.create', { title: 'Zappos', query: 'zappos' }))
    let page = ok<{ items: { text: string }[] }>(await core.call('mentions.page', { columnId: column.id }))
    expect(page.items.map((m) => m.text)).toEqual(['Zappos sent shoes overnight'])
    core.ingest.push([mentionInput({ text: 'zappos returns are easy' })])
    page = ok(await core.call('mentions.page', { columnId: column.id }))
    expect(page.items.map((m) => m.text)).toEqual(['zappos returns are easy', 'Zappos sent shoes overnight'])
  })

  it('renames, resizes, reorders and deletes columns, and the layout survives a restart', async () => {
    const before = ok<Column[]>(await core.call('columns.list', {}))
    const [a, b, c, d] = before.map((x) => x.id)
    ok(await core.call('columns.update', { id: a!, title: 'Comcast', width: 480 }))
    ok(await core.call('columns.reorder', { ids: [d!, b!, a!, c!] }))
    ok(await core.call('columns.delete', { id: c! }))
    await core.stop()
    core = createCore({ archivePath: path, ...TEST_CORE })
    core.start()
    const after = ok<Column[]>(await core.call('columns.list', {}))
    expect(after.map((x) => x.title)).toEqual(['Ford', 'JetBlue', 'Comcast'])
    expect(after.find((x) => x.title === 'Comcast')!.width).toBe(480)
  })

  it('exports a workspace without secrets and imports it back; a broken file is refused with its problems', async () => {
    ok(await core.call('columns.create', { title: 'Oreo', query: 'oreo "dunk in the dark"' }))
    const file = ok<WorkspaceFile>(await core.call('workspace.export', { name: 'Shift A' }))
    expect(file.columns.map((c) => c.title)).toEqual(['Comcast / Xfinity', 'JetBlue', 'Whole Foods', 'Ford', 'Oreo'])
    ok(await core.call('workspace.import', { workspace: { ...file, columns: [file.columns[4]!] } }))
    expect(ok<Column[]>(await core.call('columns.list', {})).map((c) => c.title)).toEqual(['Oreo'])
    const broken = await core.call('workspace.import', { workspace: { format: 'something-else', columns: 'x' } })
    expect(broken.ok).toBe(false)
    if (!broken.ok) expect(broken.error.message).toMatch(/not a valid Earshot workspace/)
    expect(ok<Column[]>(await core.call('columns.list', {})).map((c) => c.title)).toEqual(['Oreo'])
  })

  it("a workspace file carries each column's filters, mutes and alert settings, and only what differs from a new column's", async () => {
    const [comcast, jetblue] = ok<Column[]>(await core.call('columns.list', {}))
    ok(
      await core.call('triage.column.update', {
        columnId: comcast!.id,
        filters: { hideDone: true },
        mutes: { words: ['giveaway'], authors: [], regexes: ['^RT\\b'] },
      }),
    )
    ok(await core.call('alerts.configure', { columnId: comcast!.id, sensitivity: 'high', cooldownMinutes: 30 }))
    const file = ok<WorkspaceFile>(await core.call('workspace.export', {}))
    expect(file.columns[0]).toMatchObject({
      title: 'Comcast / Xfinity',
      triage: { filters: { hideDone: true }, mutes: { words: ['giveaway'], regexes: ['^RT\\b'] } },
      alerts: { sensitivity: 'high', cooldownMinutes: 30 },
    })
    expect(file.columns[0]!.triage!.mutes).not.toHaveProperty('authors')
    expect(file.columns[0]!.alerts).not.toHaveProperty('minVolume')
    expect(file.columns[1]).not.toHaveProperty('triage')
    expect(file.columns[1]).not.toHaveProperty('alerts')
    ok(await core.call('alerts.configure', { columnId: jetblue!.id, enabled: false }))

    // Imported into a fresh archive (through a JSON round trip, as a shared file travels).
    await core.stop()
    core = createCore({ archivePath: tempArchive(), ...TEST_CORE })
    core.start()
    ok(await core.call('workspace.import', { workspace: JSON.parse(JSON.stringify(file)) }))
    const imported = ok<Column[]>(await core.call('columns.list', {}))
    const triage = ok<{ columnId: string; filters: object; mutes: object }[]>(await core.call('triage.columns', {}))
    expect(triage.find((t) => t.columnId === imported[0]!.id)).toMatchObject({
      filters: { hideDone: true, onlyUnassigned: false, onlyUnread: false },
      mutes: { words: ['giveaway'], authors: [], regexes: ['^RT\\b'] },
    })
    const alerts = ok<{
      columns: { columnId: string; sensitivity: string; cooldownMinutes: number; enabled: boolean }[]
    }>(await core.call('alerts.settings', {}))
    expect(alerts.columns.find((a) => a.columnId === imported[0]!.id)).toMatchObject({
      sensitivity: 'high',
      cooldownMinutes: 30,
      enabled: true,
    })
    expect(alerts.columns.find((a) => a.columnId === imported[1]!.id)).toMatchObject({
      sensitivity: 'medium',
      enabled: true,
    })

    // A file whose mute pattern does not compile is refused, naming it.
    const bad = structuredClone(file)
    bad.columns[0]!.triage!.mutes!.regexes = ['(unclosed']
    const refused = await core.call('workspace.import', { workspace: bad })
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    if (!refused.ok) expect(refused.error.message).toMatch(/columns\.0\.triage\.mutes\.regexes/)
  })

  it('deleting a column, or importing a workspace over it, takes its triage settings with it', async () => {
    const [a, b] = ok<Column[]>(await core.call('columns.list', {}))
    for (const c of [a!, b!])
      ok(await core.call('triage.column.update', { columnId: c.id, mutes: { words: ['x'], authors: [], regexes: [] } }))
    const rows = () => core.db.prepare('SELECT column_id FROM column_triage ORDER BY column_id').pluck().all()
    expect(rows()).toHaveLength(2)
    ok(await core.call('columns.delete', { id: a!.id }))
    expect(rows()).toEqual([b!.id])
    const file = ok<WorkspaceFile>(await core.call('workspace.export', {}))
    ok(await core.call('workspace.import', { workspace: { ...file, columns: [{ title: 'Oreo', query: 'oreo' }] } }))
    expect(rows()).toEqual([])
  })

  it('checks a query: its reading, archived matches and X rule, or a positioned error', async () => {
    core.ingest.push([
      mentionInput({ text: 'Comcast is down again, worst service' }),
      mentionInput({ text: 'Comcast fixed it, thanks!' }),
    ])
    const good = ok<{ ok: true; archived: number; xRule: string | null; localOnly: string[] }>(
      await core.call('query.check', { query: 'comcast sentiment:negative' }),
    )
    expect(good).toMatchObject({ ok: true, archived: 1, xRule: 'comcast', localOnly: ['sentiment:negative'] })
    const bad = ok<{ ok: false; position: number; message: string }>(
      await core.call('query.check', { query: 'comcast (outage' }),
    )
    expect(bad).toMatchObject({ ok: false, position: 8 })
    expect(bad.message).toMatch(/parenthesis/)
    const found = ok<{ items: { text: string }[] }>(
      await core.call('mentions.search', { query: 'comcast -sentiment:negative', order: 'followers' }),
    )
    expect(found.items.map((m) => m.text)).toEqual(['Comcast fixed it, thanks!'])
    expect(await core.call('mentions.search', { query: 'lang:' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
  })

  it('persists settings and validates the demo rate range', async () => {
    ok(await core.call('settings.update', { demo: { rate: 5000 }, display: { fontScale: 1.5 } }))
    const s = ok<{ demo: { rate: number }; display: { fontScale: number } }>(await core.call('settings.get', {}))
    expect(s.demo.rate).toBe(5000)
    expect(s.display.fontScale).toBe(1.5)
  })
})
