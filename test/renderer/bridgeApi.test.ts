// The Electron preload bridge wrapped into the renderer's EarshotApi.
import { describe, expect, it } from 'vitest'
import { CommandError, type EarshotBridge, type EventName, type Reply } from '../../src/shared/contract'
import { bridgeToApi } from '../../src/renderer/src/api/bridgeApi'

function fakeBridge(reply: Reply) {
  let emit: ((name: EventName, payload: unknown) => void) | null = null
  let subscriptions = 0
  const calls: [string, unknown][] = []
  const bridge: EarshotBridge = {
    invoke: async (name, input) => {
      calls.push([name, input])
      return reply
    },
    on: (listener) => {
      subscriptions++
      emit = listener
      return () => {}
    },
  }
  return { bridge, calls, emit: (n: EventName, p: unknown) => emit?.(n, p), subscriptions: () => subscriptions }
}

describe('bridgeToApi', () => {
  it('resolves ok replies with their result', async () => {
    const fake = fakeBridge({ ok: true, result: { id: 'c1' } })
    const api = bridgeToApi(fake.bridge)
    await expect(api.call('columns.delete', { id: 'c1' })).resolves.toEqual({ id: 'c1' })
    expect(fake.calls).toEqual([['columns.delete', { id: 'c1' }]])
  })

  it('turns error replies back into CommandErrors', async () => {
    const fake = fakeBridge({
      ok: false,
      error: { code: 'bad_request', message: 'bad title', issues: ['title: too long'] },
    })
    const err = await bridgeToApi(fake.bridge)
      .call('columns.create', { title: 'x', query: '' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CommandError)
    expect(err).toMatchObject({ code: 'bad_request', message: 'bad title', issues: ['title: too long'] })
  })

  it('fans events out by name over one bridge subscription', () => {
    const fake = fakeBridge({ ok: true, result: null })
    const api = bridgeToApi(fake.bridge)
    const seen: unknown[] = []
    const off = api.on('settings.changed', (s) => seen.push(s))
    api.on('stats.tick', () => seen.push('tick'))
    fake.emit('settings.changed', 1)
    fake.emit('source.status', 2)
    off()
    fake.emit('settings.changed', 3)
    fake.emit('stats.tick', [])
    expect(seen).toEqual([1, 'tick'])
    expect(fake.subscriptions()).toBe(1)
  })
})
