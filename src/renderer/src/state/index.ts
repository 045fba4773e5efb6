// The renderer's state as one set: createStores(api) binds every store's
// actions to `api`, starts each store from its initial state and subscribes
// them to the core's events. The page calls it once (bootstrap); a test calls
// it for a fresh set against a core of its own.
//
// The stores are zustand's module-level hooks (one page, one set), so a
// component reads `useDeckStore(...)` without a provider; createStores is what
// makes them a set that can be made again, which is all a provider would buy.
import type { EarshotApi } from '../../../shared/contract'
import { popoutColumnId } from '../lib/route'
import { subscribeAlerts, useAlertsStore } from './alerts'
import { useAppStore } from './app'
import { bindClient } from './client'
import { useClockStore } from './clock'
import { applyColumnNotice, useColumnNoticesStore } from './columnNotices'
import { useComposerStore } from './composer'
import { useConnectionStore } from './connection'
import { applyColumns, useDeckStore } from './deck'
import { subscribeDelivery, useDeliveryStore } from './delivery'
import { removeMentions, reviseMentions, useFeedStore } from './feed'
import { subscribeGaps, useGapsStore } from './gaps'
import { applyBuffered, enqueueBatch } from './ingest'
import { useNoticesStore } from './notices'
import { subscribePresence, usePresenceStore } from './presence'
import { subscribeRescore } from './rescore'
import { subscribeReview, useReviewStore } from './review'
import { composingRemoved, composingRevised, useSelectionStore } from './selection'
import { useSessionStore } from './session'
import { setSettings, useSettingsStore } from './settings'
import { applySourceStatus, useSourcesStore } from './sources'
import { applyStats, useStatsStore } from './stats'
import { subscribeTriage, useTriageStore } from './triage'
import { useUiStore } from './ui'

const all = {
  alerts: useAlertsStore,
  app: useAppStore,
  clock: useClockStore,
  columnNotices: useColumnNoticesStore,
  composer: useComposerStore,
  connection: useConnectionStore,
  deck: useDeckStore,
  delivery: useDeliveryStore,
  feed: useFeedStore,
  gaps: useGapsStore,
  notices: useNoticesStore,
  presence: usePresenceStore,
  review: useReviewStore,
  selection: useSelectionStore,
  session: useSessionStore,
  settings: useSettingsStore,
  sources: useSourcesStore,
  stats: useStatsStore,
  triage: useTriageStore,
  ui: useUiStore,
}

export type Stores = typeof all & {
  /** Unsubscribes the stores from the core's events. */
  dispose(): void
}

/** What every zustand store has, seen without its state's type. */
interface Resettable {
  getInitialState(): unknown
  setState(state: unknown, replace: true): void
}

let disposeCurrent: (() => void) | null = null

export function createStores(api: EarshotApi): Stores {
  disposeCurrent?.()
  bindClient(api)
  for (const store of Object.values(all) as Resettable[]) store.setState(store.getInitialState(), true)
  const offs = subscribe(api)
  const dispose = (): void => {
    for (const off of offs.splice(0)) off()
    if (disposeCurrent === dispose) disposeCurrent = null
  }
  disposeCurrent = dispose
  return { ...all, dispose }
}

function subscribe(api: EarshotApi): Array<() => void> {
  return [
    api.on('mentions.batch', enqueueBatch),
    // Deletes and edits at the source apply at once, after any batch still buffered.
    api.on('mentions.removed', ({ ids }) => {
      applyBuffered()
      removeMentions(ids)
      composingRemoved(ids)
    }),
    api.on('mentions.revised', (batch) => {
      applyBuffered()
      reviseMentions(batch)
      composingRevised(batch.mentions)
    }),
    api.on('stats.tick', (list) => applyStats(list, false)),
    api.on('columns.changed', (list) => {
      applyColumns(list)
    }),
    api.on('settings.changed', setSettings),
    api.on('source.status', applySourceStatus),
    api.on('column.notice', applyColumnNotice),
    // A popped-out column leaves desktop notifications and sounds to the console window.
    ...subscribeAlerts(api, popoutColumnId() === null),
    subscribeGaps(api),
    subscribeReview(api),
    subscribeRescore(api),
    subscribeDelivery(api),
    subscribePresence(api),
    ...subscribeTriage(api),
  ]
}
