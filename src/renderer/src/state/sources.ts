// Store: the status of each mention source (demo, X, Bluesky, ...) from
// `sources.status` and the `source.status` events.
import { create } from 'zustand'
import type { EventPayload } from '../../../shared/contract'
import type { SourceId, SourceStatus } from '../../../shared/domain'
import { client, command } from './client'

export interface SourcesState {
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

/** Each configurable source's settings (secrets shown only as set or not) and the secret store. */
export const listSourceSettings = command('sources.list')
/** Saves one source's settings; the entry comes back, and to other windows as `source.configured`. */
export const configureSource = command('sources.configure')

export function onSourceConfigured(listener: (entry: EventPayload<'source.configured'>) => void): () => void {
  return client().on('source.configured', listener)
}
