// Chooses the transport at startup: the preload bridge when the desktop app
// injected one, otherwise a WebSocket back to the server that served this
// page. The page's entry (main.tsx) calls it once and hands it to the stores.
import type { EarshotApi } from '../../../shared/contract'
import { WS_PATH } from '../../../shared/wire'
import { bridgeToApi } from './bridgeApi'
import { createIpcTransport } from './ipcTransport'
import type { Transport } from './types'
import { createWsTransport } from './wsTransport'

function socketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${WS_PATH}`
}

function desktopApi(): EarshotApi | undefined {
  if (window.earshotBridge) return bridgeToApi(window.earshotBridge)
  return window.earshot
}

export function chooseTransport(): Transport {
  const desktop = desktopApi()
  return desktop ? createIpcTransport(desktop) : createWsTransport(socketUrl())
}
