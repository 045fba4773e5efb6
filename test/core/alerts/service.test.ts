// Alerts through the core: stats ticks fire stored, announced alerts with the
// column's settings; the commands list, mark read and configure them, with
// clear errors; settings and cooldowns survive a restart.
import { afterEach, describe, expect, it } from 'vitest'
import type { Alert, AlertSettings, ColumnAlertSettings } from '../../../src/shared/contracts/alerts'
import { STATS_BUCKET_MS, type Column, type ColumnStats } from '../../../src/shared/domain'
import { createCore, type Core } from '../../../src/main/core/app/core'
import { ok, tempArchive } from '../../helpers'

const T0 = 1_800_000_000_000

/** Stats for one column: calm buckets, then `last` mentions (a share `neg` negative) in the bucket now filling. */
function statsFor(columnId: string, now: number, last: number, neg = 0.2): ColumnStats {
  const calm = [30, 33, 29, 31, 34, 30, 32, 28]
  const volumes = [...calm, last]
  const end = Math.floor(now / STATS_BUCKET_MS) * STATS_BUCKET_MS
  return {
    columnId,
    total: 1_000,
    buckets: volumes.map((v, i) => {
      const negative = Math.round(v * (i === volumes.length - 1 ? neg : 0.2))
      return {
        t: end - (volumes.length - 1 - i) * STATS_BUCKET_MS,
        positive: 0,
        neutral: v - negative,
        negative,
        unscored: 0,
        sentimentSum: 0,
      }
    }),
  }
}

describe('alerts in the core', () => {
  let core: Core | undefined
  let clock = T0
  const open = (path: string): Core => {
    core = createCore({
      archivePath: path,
      mode: 'browser',
      version: 'test',
      demo: { enabled: false },
      now: () => clock,
    })
    core.start()
    return core
  }
  afterEach(async () => {
    await core?.stop()
    core = undefined
    clock = T0
  })

  it('fires on a spiking tick, stores and announces the alert, and honours the cooldown', async () => {
    const c = open(tempArchive())
    const [comcast, jetblue] = ok<Column[]>(await c.call('columns.list', {}))
    const fired: Alert[] = []
    c.hub.subscribe((name, payload) => {
      if (name === 'alert.fired') fired.push(payload as Alert)
    })
    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 31), statsFor(jetblue!.id, clock, 30)])
    expect(fired).toEqual([])

    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 150), statsFor(jetblue!.id, clock, 30)])
    expect(fired).toHaveLength(1)
    expect(fired[0]).toMatchObject({
      columnId: comcast!.id,
      columnTitle: 'Comcast / Xfinity',
      kind: 'spike',
      count: 150,
      firedAt: clock,
      read: false,
    })
    expect(fired[0]!.summary).toMatch(/^150 mentions in 30 s \(4\.9× the usual 31\)$/)

    // Still spiking two seconds later: the cooldown keeps it to one alert.
    clock += 2_000
    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 170)])
    expect(fired).toHaveLength(1)
    // After the default ten minutes, a new spike fires again.
    clock += 10 * 60_000
    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 170)])
    expect(fired).toHaveLength(2)

    const list = ok<{ items: Alert[]; unread: number }>(await c.call('alerts.list', {}))
    expect(list.unread).toBe(2)
    expect(list.items.map((a) => a.id)).toEqual([fired[1]!.id, fired[0]!.id])
    expect(ok<{ unread: number }>(await c.call('alerts.markRead', { ids: [fired[0]!.id] }))).toEqual({ unread: 1 })
    expect(ok<{ unread: number }>(await c.call('alerts.markRead', { all: true }))).toEqual({ unread: 0 })
    const older = ok<{ items: Alert[] }>(await c.call('alerts.list', { before: fired[1]!.id }))
    expect(older.items.map((a) => [a.id, a.read])).toEqual([[fired[0]!.id, true]])
  })

  it('applies per-column settings: disabled, sensitivity, negative surge', async () => {
    const c = open(tempArchive())
    const [comcast] = ok<Column[]>(await c.call('columns.list', {}))
    const fired: Alert[] = []
    c.hub.subscribe((name, payload) => {
      if (name === 'alert.fired') fired.push(payload as Alert)
    })
    ok(await c.call('alerts.configure', { columnId: comcast!.id, enabled: false }))
    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 300, 0.9)])
    expect(fired).toEqual([])

    ok(await c.call('alerts.configure', { columnId: comcast!.id, enabled: true, negativeSurge: false }))
    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 300, 0.9)])
    expect(fired.map((a) => a.kind)).toEqual(['spike'])

    // 50 is no spike at medium; at high it is.
    clock += 60 * 60_000
    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 50)])
    expect(fired).toHaveLength(1)
    ok(await c.call('alerts.configure', { columnId: comcast!.id, sensitivity: 'high', negativeSurge: true }))
    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 50, 0.6)])
    expect(fired.slice(1).map((a) => a.kind)).toEqual(['spike', 'negative'])
    expect(fired[2]!.summary).toMatch(/^60% negative \(usually 20%\)/)
  })

  it('refuses bad settings with clear errors', async () => {
    const c = open(tempArchive())
    const [comcast] = ok<Column[]>(await c.call('columns.list', {}))
    expect(await c.call('alerts.configure', { columnId: 'nope', enabled: false })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'column nope not found' },
    })
    const bad = await c.call('alerts.configure', { columnId: comcast!.id, sensitivity: 'extreme', minVolume: 0 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    if (!bad.ok) {
      expect(bad.error.issues).toEqual(
        expect.arrayContaining([expect.stringMatching(/^sensitivity:/), expect.stringMatching(/^minVolume:/)]),
      )
    }
    expect(await c.call('alerts.markRead', {})).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/pass ids or all: true/) },
    })
    expect(await c.call('alerts.notify', { desktop: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
  })

  it('keeps settings, notification preferences and cooldowns across a restart, and drops removed columns', async () => {
    const path = tempArchive()
    const c = open(path)
    const [comcast, jetblue] = ok<Column[]>(await c.call('columns.list', {}))
    ok(await c.call('alerts.configure', { columnId: comcast!.id, sensitivity: 'low', cooldownMinutes: 30 }))
    ok(await c.call('alerts.configure', { columnId: jetblue!.id, minVolume: 50 }))
    ok(await c.call('alerts.notify', { sound: true }))
    c.events.statsTicked.fire([statsFor(comcast!.id, clock, 400)])
    ok(await c.call('columns.delete', { id: jetblue!.id }))
    await c.stop()
    core = undefined

    clock += 5 * 60_000
    const again = open(path)
    const settings = ok<AlertSettings>(await again.call('alerts.settings', {}))
    expect(settings.notify).toEqual({ desktop: true, sound: true })
    expect(settings.columns.map((s) => s.columnId)).not.toContain(jetblue!.id)
    expect(settings.columns.find((s) => s.columnId === comcast!.id)).toEqual<ColumnAlertSettings>({
      columnId: comcast!.id,
      enabled: true,
      sensitivity: 'low',
      minVolume: 10,
      negativeSurge: true,
      cooldownMinutes: 30,
      vipQuery: '',
    })
    const fired: Alert[] = []
    again.hub.subscribe((name, payload) => {
      if (name === 'alert.fired') fired.push(payload as Alert)
    })
    // Within the 30 minutes of the last alert before the restart: quiet.
    again.events.statsTicked.fire([statsFor(comcast!.id, clock, 400, 0.2)])
    expect(fired).toEqual([])
    expect(ok<{ unread: number }>(await again.call('alerts.list', {})).unread).toBe(1)
  })
})
