// What the rest of the renderer sees of the transport: the typed API plus the
// state of the connection under it (always "open" over the preload bridge).
import type { EarshotApi } from '../../../shared/contract'

export type ConnectionState = 'connecting' | 'open' | 'closed'

export interface ConnectionInfo {
  state: ConnectionState
  /** The connection has been open at least once (so a drop is a *re*connect). */
  everOpened: boolean
  /** When the next reconnect attempt is due (epoch ms), while closed. */
  retryAt: number | null
  /** Why the last connection closed, when the server said. */
  reason: string | null
  /**
   * The server is up but refuses this page's credentials (browser mode: it
   * restarted with a new token). Reconnecting will not help; the operator
   * must open the new address.
   */
  unauthorized: boolean
}

export interface Transport {
  readonly kind: 'ipc' | 'websocket'
  readonly api: EarshotApi
  getConnection(): ConnectionInfo
  subscribeConnection(listener: (info: ConnectionInfo) => void): () => void
  /** Called each time the connection opens; `reconnect` is false the first time. */
  onOpen(listener: (reconnect: boolean) => void): () => void
}
