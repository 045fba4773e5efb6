// Store: where alerts are delivered beyond the console (webhooks, Slack,
// email), each destination with its status, from `destinations.list` at load
// and `destinations.changed` after (a delivery's outcome moves a status).
import { create } from 'zustand'
import type { EarshotApi } from '../../../shared/contract'
import type { DestinationList } from '../../../shared/contracts/delivery'
import { client, command } from './client'

export interface DeliveryState {
  list: DestinationList | null
}

export const useDeliveryStore = create<DeliveryState>()(() => ({ list: null }))

export function subscribeDelivery(events: Pick<EarshotApi, 'on'>): () => void {
  return events.on('destinations.changed', (list) => useDeliveryStore.setState({ list }))
}

export async function loadDestinations(): Promise<void> {
  useDeliveryStore.setState({ list: await client().call('destinations.list', {}) })
}

export const saveDestination = command('destinations.save')
export const removeDestination = command('destinations.remove')
export const testDestination = command('destinations.test')
export const listDeliveries = command('deliveries.list')
