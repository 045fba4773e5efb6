// Store: the status of each mention source (demo, X, Bluesky, ...) from
// `sources.status` and the `source.status` events.
import { create } from 'zustand'
import type { SourceId, SourceStatus } from '../../../shared/domain'

interface SourcesState {
  byId: Partial<Record<SourceId, SourceStatus>>
}

export const useSourcesStore = create<SourcesState>()(() => ({ byId: {} }))

export function setSources(list: readonly SourceStatus[]): void {
  const byId: Partial<Record<SourceId, SourceStatus>> = {}
  for (const s of list) byId[s.source] = s
  useSourcesStore.setState({ byId })
}

export function applySourceStatus(status: SourceStatus): void {
  useSourcesStore.setState((s) => ({
    byId: { ...s.byId, [status.source]: status },
  }))
}
