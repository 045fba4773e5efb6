// Startup and resync: subscribes to the core's events, loads everything the
// deck needs (app info, columns, settings, stats, sources, each column's
// first page) and loads it again whenever the browser-mode socket comes back,
// so nothing missed while disconnected stays missing.
import type { Transport } from '../api/types'
import { errorLine } from '../lib/errors'
import { loadAlerts } from './alerts'
import { loadDestinations } from './delivery'
import { setAppInfo, setLoadStatus, useAppStore } from './app'
import { startClock } from './clock'
import { useConnectionStore } from './connection'
import { applyColumns } from './deck'
import { loadHead } from './feed'
import { createStores } from './index'
import { loadGaps } from './gaps'
import { settleSession } from './session'
import { setSettings } from './settings'
import { setSources } from './sources'
import { applyStats } from './stats'
import { loadTriage } from './triage'

const INFO_REFRESH_MS = 30_000

let started = false
let current: Transport | null = null

/** Loads again after the first load failed (the splash's Retry). */
export function retryLoad(): void {
  if (current) void load(current)
}

/** How this page reaches the core, for what the splash says while it connects. */
export function transportKind(): Transport['kind'] | null {
  return current?.kind ?? null
}

/** Everything from scratch (or again after a reconnect). Throws when a core call fails. */
async function loadAll(transport: Transport): Promise<void> {
  const { api } = transport
  const [info, columns, settings, stats, sources] = await Promise.all([
    api.call('app.info', {}),
    api.call('columns.list', {}),
    api.call('settings.get', {}),
    api.call('stats.get', {}),
    api.call('sources.status', {}),
    loadAlerts(),
    loadDestinations(),
    loadGaps(),
    loadTriage(),
  ])
  setAppInfo(info)
  setSettings(settings)
  setSources(sources)
  const diff = applyColumns(columns)
  applyStats(stats, true)
  const fresh = new Set([...diff.added, ...diff.requeried])
  for (const c of columns) if (!fresh.has(c.id)) void loadHead(c.id, 'merge')
}

/**
 * The initial load (or a retry after it failed) shows the splash and, on
 * failure, the error screen. Once the deck is up, a reload after a reconnect
 * happens behind it; if it fails the next reconnect tries again.
 */
export async function load(transport: Transport): Promise<void> {
  const ready = useAppStore.getState().load.status === 'ready'
  if (!ready) setLoadStatus({ status: 'loading' })
  try {
    if (!(await settleSession())) {
      setLoadStatus({ status: 'signin' })
      return
    }
    await loadAll(transport)
    setLoadStatus({ status: 'ready' })
  } catch (err) {
    if (!ready) setLoadStatus({ status: 'error', message: errorLine(err) })
  }
}

async function refreshInfo(transport: Transport): Promise<void> {
  if (useAppStore.getState().load.status !== 'ready') return
  try {
    setAppInfo(await transport.api.call('app.info', {}))
  } catch {
    // Shown again on the next refresh; the connection banner covers outages.
  }
}

export function start(transport: Transport): void {
  if (started) return
  started = true
  current = transport
  createStores(transport.api)
  startClock()
  useConnectionStore.setState(transport.getConnection())
  transport.subscribeConnection((info) => useConnectionStore.setState(info))
  transport.onOpen((reconnect) => {
    if (reconnect || useAppStore.getState().load.status === 'error') void load(transport)
  })
  void load(transport)
  setInterval(() => void refreshInfo(transport), INFO_REFRESH_MS)
}
