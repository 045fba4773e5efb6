// Chooses the transport once at startup: the preload bridge when the desktop
// app injected one, otherwise a WebSocket back to the server that served
// this page. Everything else imports `api` / `transport` from here.
import { WS_PATH } from '../../../shared/wire'
import { createIpcTransport } from './ipcTransport'
import type { Transport } from './types'
import { createWsTransport } from './wsTransport'

function socketUrl(): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${WS_PATH}`
}

export const transport: Transport = window.earshot ? createIpcTransport(window.earshot) : createWsTransport(socketUrl())

export const api = transport.api
