// The renderer's stores against a real core (a real SQLite archive), joined
// by the same bridge adapter the desktop app uses: createStores(api) gives a
// fresh set, the deck's actions bring columns and their feeds, the composer's
// draft is saved through the core and comes back.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EarshotApi, EventName } from '../../src/shared/contract'
import { createCore } from '../../src/main/core/app/core'
import type { Core } from '../../src/main/core/app/options'
import { bridgeToApi } from '../../src/renderer/src/api/bridgeApi'
import { createStores, type Stores } from '../../src/renderer/src/state/index'
import { createColumn, updateColumn } from '../../src/renderer/src/state/deck'
import { closeComposerDraft, editComposerDraft, openComposerDraft } from '../../src/renderer/src/state/composer'
import { mentionInput, tempArchive, TEST_CORE } from '../helpers'

let core: Core | undefined
let stores: Stores | undefined

afterEach(async () => {
  stores?.dispose()
  await core?.stop()
  core = undefined
})

function startCore(): { core: Core; api: EarshotApi } {
  core = createCore({ archivePath: tempArchive(), ...TEST_CORE })
  core.start()
  const c = core
  const api = bridgeToApi({
    invoke: async (name, input) => c.call(name, input),
    on: (listener) => c.hub.subscribe((name: EventName, payload: unknown) => listener(name, payload)),
  })
  return { core: c, api }
}

function ingest(c: Core, texts: string[]): void {
  c.ingest.push(texts.map((text) => mentionInput({ text })))
  c.ingest.flush()
}

describe('createStores', () => {
  it('binds a fresh set of stores: columns made through the deck get their feed and first page', async () => {
    const { core: c, api } = startCore()
    ingest(c, ['outage in the north', 'all good here', 'another outage'])
    stores = createStores(api)
    expect(stores.deck.getState().columns).toEqual([])

    const column = await createColumn({ title: 'Outages', query: 'outage' })
    // The deck holds it at once (and the core's other columns, from `columns.changed`).
    expect(stores.deck.getState().columns.map((col) => col.id)).toContain(column.id)
    await vi.waitFor(() => expect(stores!.feed.getState().feeds[column.id]?.items).toHaveLength(2))

    // A new query restarts the column's feed on what it now takes.
    await updateColumn(column.id, { query: 'good' })
    await vi.waitFor(() =>
      expect(stores!.feed.getState().feeds[column.id]?.items.map((m) => m.text)).toEqual(['all good here']),
    )

    // A second set starts empty, whatever the first held.
    stores.dispose()
    stores = createStores(api)
    expect(stores.deck.getState().columns).toEqual([])
    expect(stores.feed.getState().feeds).toEqual({})
  })

  it("keeps the composer's draft in the core: saved after typing, back when the mention is opened again", async () => {
    const { core: c, api } = startCore()
    ingest(c, ['my order never arrived'])
    stores = createStores(api)
    const [mention] = (await api.call('mentions.search', { query: 'order', after: null, limit: 5 })).items
    expect(mention).toBeDefined()

    openComposerDraft(mention!.id)
    await vi.waitFor(() => expect(stores!.composer.getState().draft).toBe('empty'))
    editComposerDraft('So sorry: a replacement is on its way.')
    expect(stores.composer.getState().draft).toBe('unsaved')
    await vi.waitFor(() => expect(stores!.composer.getState().draft).toBe('saved'))
    expect((await api.call('drafts.get', { mentionId: mention!.id }))?.text).toBe(
      'So sorry: a replacement is on its way.',
    )

    // Closing with typing not yet saved saves it at once.
    editComposerDraft('So sorry: a replacement ships today.')
    closeComposerDraft()
    expect(stores.composer.getState().mentionId).toBeNull()
    await vi.waitFor(async () =>
      expect((await api.call('drafts.get', { mentionId: mention!.id }))?.text).toBe(
        'So sorry: a replacement ships today.',
      ),
    )

    openComposerDraft(mention!.id)
    await vi.waitFor(() => expect(stores!.composer.getState().text).toBe('So sorry: a replacement ships today.'))
    expect(stores.composer.getState().draft).toBe('saved')
  })
})
