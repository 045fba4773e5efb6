// Small pure pieces: reconnect backoff, server frame parsing, avatars, batch grouping,
// demo-rate validation, workspace files and live-update pacing.
import { describe, expect, it } from 'vitest'
import { backoffDelay } from '../../src/renderer/src/lib/backoff'
import { parseServerFrame } from '../../src/renderer/src/lib/frames'
import { avatarHue, initialsFor } from '../../src/renderer/src/lib/avatar'
import { groupBatches } from '../../src/renderer/src/lib/batches'
import { applyInterval, RateMeter } from '../../src/renderer/src/lib/pacing'
import { validateRate } from '../../src/renderer/src/lib/rate'
import { parseWorkspaceText, workspaceToText } from '../../src/renderer/src/lib/workspaceFile'
import { mention } from './fixtures'

describe('backoffDelay', () => {
  it('starts at 0.5 s, doubles, caps at 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 50].map(backoffDelay)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000, 10000])
  })
})

describe('avatar', () => {
  it('takes initials from the name, else the handle', () => {
    expect(initialsFor('Ada Lovelace', 'ada')).toBe('AL')
    expect(initialsFor('Cher', 'cher')).toBe('CH')
    expect(initialsFor('', '@zed_99')).toBe('ZE')
    expect(initialsFor('🙂 émile zola', 'x')).toBe('ÉZ')
    expect(initialsFor('', '__')).toBe('?')
  })

  it('hashes a stable hue per handle, case-insensitively', () => {
    expect(avatarHue('Acme')).toBe(avatarHue('acme'))
    expect(avatarHue('acme')).toBeGreaterThanOrEqual(0)
    expect(avatarHue('acme')).toBeLessThan(360)
  })
})

describe('groupBatches', () => {
  it('routes mentions to columns once, across batches', () => {
    const a = mention(1, 1000)
    const b = mention(2, 2000)
    const grouped = groupBatches([
      { mentions: [a, b], hits: { c1: [1, 2], c2: [2] } },
      { mentions: [b], hits: { c1: [2], c3: [99] } },
    ])
    expect(grouped.byColumn.get('c1')?.map((m) => m.id)).toEqual([1, 2])
    expect(grouped.byColumn.get('c2')?.map((m) => m.id)).toEqual([2])
    expect(grouped.byColumn.get('c3')).toEqual([])
    expect(grouped.mentionCount).toBe(2)
  })
})

describe('validateRate', () => {
  it('accepts whole numbers in range', () => {
    expect(validateRate(' 12 ')).toEqual({ ok: true, rate: 12 })
    expect(validateRate('5000')).toEqual({ ok: true, rate: 5000 })
  })

  it.each(['', '0', '5001', '1.5', 'abc', '-3'])('rejects %j', (text) => {
    expect(validateRate(text).ok).toBe(false)
  })
})

describe('workspace file', () => {
  it('writes pretty JSON and reads it back', () => {
    const text = workspaceToText({ format: 'earshot.workspace', version: 1 })
    expect(parseWorkspaceText(text)).toEqual({
      ok: true,
      value: { format: 'earshot.workspace', version: 1 },
    })
  })

  it('explains bad files', () => {
    expect(parseWorkspaceText('  ')).toEqual({
      ok: false,
      message: 'The file is empty.',
    })
    const bad = parseWorkspaceText('{nope')
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.message).toMatch(/not valid JSON/)
  })
})

describe('parseServerFrame', () => {
  it('parses replies and events', () => {
    expect(parseServerFrame('{"t":"reply","id":3,"reply":{"ok":true,"result":[1]}}')).toEqual({
      t: 'reply',
      id: 3,
      reply: { ok: true, result: [1] },
    })
    expect(parseServerFrame('{"t":"event","name":"stats.tick","payload":[]}')).toEqual({
      t: 'event',
      name: 'stats.tick',
      payload: [],
    })
  })

  it('normalizes errors and keeps issues', () => {
    const frame = parseServerFrame(
      '{"t":"reply","id":1,"reply":{"ok":false,"error":{"code":"bad_request","message":"bad","issues":["title: too long",5]}}}',
    )
    expect(frame).toEqual({
      t: 'reply',
      id: 1,
      reply: {
        ok: false,
        error: {
          code: 'bad_request',
          message: 'bad',
          issues: ['title: too long'],
        },
      },
    })
  })

  it('rejects junk', () => {
    expect(parseServerFrame('not json')).toBeNull()
    expect(parseServerFrame('[]')).toBeNull()
    expect(parseServerFrame('{"t":"reply","id":"x"}')).toBeNull()
    expect(parseServerFrame('{"t":"reply","id":1,"reply":{}}')).toBeNull()
  })
})

describe('pacing', () => {
  it('applies every frame at normal rates and stretches under load', () => {
    expect(applyInterval(0)).toBe(0)
    expect(applyInterval(12)).toBe(6)
    expect(applyInterval(500)).toBe(250)
    expect(applyInterval(5000)).toBe(1000)
  })

  it('measures a sliding rate', () => {
    const m = new RateMeter(1000)
    m.add(0, 10)
    m.add(500, 20)
    expect(m.rate(900)).toBe(30)
    expect(m.rate(1200)).toBe(20)
    expect(m.rate(5000)).toBe(0)
  })
})
