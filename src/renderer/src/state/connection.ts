// Store: the state of the connection to the core (browser mode's socket;
// always open in the desktop app). Fed by the transport in bootstrap.
import { create } from 'zustand'
import type { ConnectionInfo } from '../api/types'

export const useConnectionStore = create<ConnectionInfo>()(() => ({
  state: 'connecting',
  everOpened: false,
  retryAt: null,
  reason: null,
  unauthorized: false,
}))
