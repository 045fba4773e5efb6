// Chooses the transport once at startup: the preload bridge when the desktop
// app injected one, otherwise a WebSocket back to the server that served
// this page. Everything else imports `api` / `transport` from here.
import type { EarshotApi } from '../../../shared/contract'
import { WS_PATH } from '../../../shared/wire'
import { bridgeToApi } from '../lib/bridgeApi'
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

const desktop = desktopApi()

export const transport: Transport = desktop ? createIpcTransport(desktop) : createWsTransport(socketUrl())

export const api = transport.api
