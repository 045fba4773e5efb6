// The core enforces roles on every command that comes with an operator, not the UI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app/core'
import { commands } from '../../src/shared/contract'
import type { Column } from '../../src/shared/domain'
import { COMMAND_NEEDS, type Caller } from '../../src/shared/permissions'
import { ok, tempArchive, TEST_CORE } from '../helpers'

const dana: Caller = { name: 'Dana', role: 'operator' }
const ana: Caller = { name: 'Ana', role: 'analyst' }
const root: Caller = { name: 'Root', role: 'admin' }

describe('roles in the core', () => {
  let core: Core
  beforeEach(() => {
    core = createCore({ archivePath: tempArchive(), ...TEST_CORE })
    core.start()
  })
  afterEach(() => core.stop())

  it('names what every command needs', () => {
    expect(Object.keys(COMMAND_NEEDS).sort()).toEqual(Object.keys(commands).sort())
  })

  it('refuses an analyst a reply, a triage change and a source change, before reading the payload', async () => {
    for (const [name, input] of [
      ['replies.send', { mentionId: 1, text: 'hi', key: 'k' }],
      ['replies.send', { nonsense: true }],
      ['triage.set', { ids: [1], change: { done: true } }],
      ['sources.configure', {}],
      ['columns.create', { title: 'x', query: 'x' }],
    ] as const) {
      const reply = await core.call(name, input, ana)
      expect(reply, name).toMatchObject({
        ok: false,
        error: {
          code: 'forbidden',
          message: expect.stringMatching(
            new RegExp(`^Ana is an analyst and may not .*\\(${name.replace('.', '\\.')}\\)$`),
          ),
        },
      })
    }
    const columns = ok<Column[]>(await core.call('columns.list', {}, ana))
    expect(columns).toHaveLength(4)
    expect((await core.call('mentions.search', { query: 'comcast', order: 'newest' }, ana)).ok).toBe(true)
  })

  it('lets an operator triage and change columns but not administer; an admin and a single-user console do all', async () => {
    const created = await core.call('columns.create', { title: 'Ops', query: 'outage' }, dana)
    expect(created.ok).toBe(true)
    expect(await core.call('destinations.remove', { id: 'none' }, dana)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Dana is an operator and may not administer/) },
    })
    expect(await core.call('rescore.start', {}, dana)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // Past the role check, the command's own answers: here, no such destination.
    expect(await core.call('destinations.remove', { id: 'none' }, root)).not.toMatchObject({
      error: { code: 'forbidden' },
    })
    expect(await core.call('destinations.remove', { id: 'none' })).not.toMatchObject({ error: { code: 'forbidden' } })
  })
})
