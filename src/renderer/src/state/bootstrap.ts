// Startup and resync: subscribes to the core's events, loads everything the
// deck needs (app info, columns, settings, stats, sources, each column's
// first page) and loads it again whenever the browser-mode socket comes back,
// so nothing missed while disconnected stays missing.
import type { Transport } from '../api/types'
import { errorLine } from '../api/errors'
import { popoutColumnId } from '../lib/route'
import { loadAlerts, subscribeAlerts } from './alerts'
import { setAppInfo, setLoadStatus, useAppStore } from './app'
import { startClock } from './clock'
import { useConnectionStore } from './connection'
import { applyColumnNotice } from './columnNotices'
import { applyColumns } from './deck'
import { loadHead, removeMentions, reviseMentions } from './feed'
import { loadGaps, subscribeGaps } from './gaps'
import { applyBuffered, enqueueBatch } from './ingest'
import { composingRemoved, composingRevised } from './selection'
import { setSettings } from './settings'
import { applySourceStatus, setSources } from './sources'
import { applyStats } from './stats'
import { loadTriage, subscribeTriage } from './triage'

const INFO_REFRESH_MS = 30_000

let started = false

function subscribe(transport: Transport): void {
  const { api } = transport
  api.on('mentions.batch', enqueueBatch)
  // Deletes and edits at the source apply at once, after any batch still buffered.
  api.on('mentions.removed', ({ ids }) => {
    applyBuffered()
    removeMentions(ids)
    composingRemoved(ids)
  })
  api.on('mentions.revised', (batch) => {
    applyBuffered()
    reviseMentions(batch)
    composingRevised(batch.mentions)
  })
  api.on('stats.tick', (list) => applyStats(list, false))
  api.on('columns.changed', (list) => {
    applyColumns(list)
  })
  api.on('settings.changed', setSettings)
  api.on('source.status', applySourceStatus)
  // A popped-out column leaves desktop notifications and sounds to the console window.
  subscribeAlerts(api, popoutColumnId() === null)
  subscribeGaps(api)
  subscribeTriage(api)
  api.on('column.notice', applyColumnNotice)
  useConnectionStore.setState(transport.getConnection())
  transport.subscribeConnection((info) => useConnectionStore.setState(info))
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
  startClock()
  subscribe(transport)
  transport.onOpen((reconnect) => {
    if (reconnect || useAppStore.getState().load.status === 'error') void load(transport)
  })
  void load(transport)
  setInterval(() => void refreshInfo(transport), INFO_REFRESH_MS)
}
