// Globals the renderer relies on: the preload bridge (desktop mode; absent in
// a plain browser, where the WebSocket client stands in) and Vite's asset types.
// `earshotBridge` is what src/preload exposes; `earshot` is accepted too, for
// a preload that hands over a ready EarshotApi.
/// <reference types="vite/client" />
import type { EarshotApi, EarshotBridge } from '../../shared/contract'

declare global {
  interface Window {
    earshot?: EarshotApi
    earshotBridge?: EarshotBridge
  }
}

export {}
