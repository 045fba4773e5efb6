// Store: capture gaps of the last half hour (when a source was not
// listening), from `gaps.list` at load and `gap.changed` after, shaded on
// every column's sparkline.
import { create } from 'zustand'
import type { EarshotApi } from '../../../shared/contract'
import type { Gap } from '../../../shared/contracts/sources'
import { STATS_WINDOW_MS } from '../../../shared/domain'
import { client } from './client'

export interface GapsState {
  gaps: Gap[]
}

export const useGapsStore = create<GapsState>()(() => ({ gaps: [] }))

export function subscribeGaps(events: Pick<EarshotApi, 'on'>): () => void {
  return events.on('gap.changed', (gap) =>
    useGapsStore.setState((s) => ({
      gaps: [...s.gaps.filter((g) => g.id !== gap.id), gap].sort((a, b) => a.startedAt - b.startedAt),
    })),
  )
}

export async function loadGaps(now = Date.now()): Promise<void> {
  const gaps = await client().call('gaps.list', { since: now - STATS_WINDOW_MS })
  useGapsStore.setState({ gaps })
}
