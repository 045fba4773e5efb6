// Desktop mode: the preload bridge (`window.earshot`) is the API; there is no
// connection to lose, so the state is always open.
import type { EarshotApi } from '../../../shared/contract'
import type { ConnectionInfo, Transport } from './types'

const OPEN: ConnectionInfo = {
  state: 'open',
  everOpened: true,
  retryAt: null,
  reason: null,
  unauthorized: false,
}

export function createIpcTransport(api: EarshotApi): Transport {
  return {
    kind: 'ipc',
    api,
    getConnection: () => OPEN,
    subscribeConnection: () => () => {},
    onOpen: () => () => {},
  }
}
