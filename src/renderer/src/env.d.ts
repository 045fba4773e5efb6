// Globals the renderer relies on: the preload bridge (desktop mode; absent in
// a plain browser, where the WebSocket client stands in) and Vite's asset types.
/// <reference types="vite/client" />
import type { EarshotApi } from '../../shared/contract'

declare global {
  interface Window {
    earshot?: EarshotApi
  }
}

export {}
