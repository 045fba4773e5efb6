// A column that collapses reposts: they leave its pages, its originals carry
// their repost count, and the option survives a restart (migration 0060).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Column, Mention } from '../../src/shared/domain'
import { createCore, type Core } from '../../src/main/core/app/core'
import { mentionInput, ok, tempArchive, TEST_CORE } from '../helpers'

let core: Core
let path: string
beforeEach(() => {
  path = tempArchive()
  core = createCore({ archivePath: path, ...TEST_CORE })
  core.start()
})
afterEach(() => core.stop())

describe('collapse reposts', () => {
  it('hides reposts in the column and counts them on the original', async () => {
    const column = ok<Column>(await core.call('columns.create', { title: 'Oreo', query: 'oreo' }))
    expect(column.collapseReposts).toBe(false)
    const original = mentionInput({ source: 'mastodon', externalId: '500', text: 'oreo dunk in the dark' })
    const reposts = [1, 2, 3].map((i) =>
      mentionInput({ source: 'mastodon', externalId: `50${i}`, kind: 'repost', refId: '500', text: original.text }),
    )
    // A repost of a same-numbered post on another network is not counted.
    const elsewhere = mentionInput({ source: 'bluesky', externalId: 'b1', kind: 'repost', refId: '500', text: 'oreo' })
    core.ingest.push([original, ...reposts, elsewhere])
    core.ingest.flush()

    const all = ok<{ items: Mention[] }>(await core.call('mentions.page', { columnId: column.id }))
    expect(all.items).toHaveLength(5)
    expect(all.items.every((m) => m.reposts === undefined)).toBe(true)

    const updated = ok<Column>(await core.call('columns.update', { id: column.id, collapseReposts: true }))
    expect(updated.collapseReposts).toBe(true)
    const collapsed = ok<{ items: Mention[] }>(await core.call('mentions.page', { columnId: column.id }))
    expect(collapsed.items.map((m) => m.externalId)).toEqual(['500'])
    expect(collapsed.items[0]!.reposts).toBe(3)

    await core.stop()
    core = createCore({ archivePath: path, ...TEST_CORE })
    core.start()
    const listed = ok<Column[]>(await core.call('columns.list', {}))
    expect(listed.find((c) => c.id === column.id)!.collapseReposts).toBe(true)
  })

  it('travels in workspace files', async () => {
    const column = ok<Column>(await core.call('columns.create', { title: 'Oreo', query: 'oreo' }))
    ok(await core.call('columns.update', { id: column.id, collapseReposts: true }))
    const file = ok<{ columns: Array<{ title: string; collapseReposts?: boolean }> }>(
      await core.call('workspace.export', { name: 'w' }),
    )
    expect(file.columns.find((c) => c.title === 'Oreo')).toMatchObject({ collapseReposts: true })
    const imported = ok<{ columns: Column[] }>(await core.call('workspace.import', { workspace: file }))
    expect(imported.columns.find((c) => c.title === 'Oreo')!.collapseReposts).toBe(true)
  })

  it('rejects a non-boolean option', async () => {
    const column = ok<Column>(await core.call('columns.create', { title: 'X', query: 'x' }))
    const reply = await core.call('columns.update', { id: column.id, collapseReposts: 'yes' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  })
})
