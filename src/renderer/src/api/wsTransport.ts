// Browser mode: the EarshotApi over one WebSocket (framing in shared/wire).
// Owns the socket's life: connect, reconnect with backoff, the table of calls
// awaiting replies, calls queued while disconnected (failing after a
// timeout), and fan-out of pushed events to listeners. Authentication is the
// HttpOnly cookie the server set when the page loaded; nothing to do here.
import {
  CommandError,
  type CommandInput,
  type CommandName,
  type CommandResult,
  type EarshotApi,
  type ErrorBody,
} from '../../../shared/contract'
import type { ClientFrame } from '../../../shared/wire'
import { backoffDelay } from '../lib/backoff'
import { parseServerFrame } from '../lib/frames'
import type { ConnectionInfo, Transport } from './types'
import { createEventListeners } from './eventListeners'

/** How long a call made while disconnected waits for the connection. */
export const QUEUE_TIMEOUT_MS = 15_000
/** How long a sent call waits for its reply. */
export const REPLY_TIMEOUT_MS = 60_000
/** From this many failed attempts in a row on, ask the server over HTTP (once per attempt) whether it still accepts us. */
const PROBE_AFTER_ATTEMPTS = 2

/** True when the page's own address answers 401: the server is up but our cookie is stale. */
async function refusedByServer(): Promise<boolean> {
  try {
    const res = await fetch(location.pathname, {
      method: 'HEAD',
      cache: 'no-store',
      credentials: 'same-origin',
    })
    return res.status === 401
  } catch {
    return false
  }
}

interface Call {
  id: number
  frame: string
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  timer: ReturnType<typeof setTimeout> | null
}

function unavailable(message: string): CommandError {
  const body: ErrorBody = { code: 'unavailable', message }
  return new CommandError(body)
}

export function createWsTransport(url: string): Transport {
  let socket: WebSocket | null = null
  let attempt = 0
  let nextId = 1
  let info: ConnectionInfo = {
    state: 'connecting',
    everOpened: false,
    retryAt: null,
    reason: null,
    unauthorized: false,
  }
  const queued: Call[] = []
  const inflight = new Map<number, Call>()
  const eventListeners = createEventListeners()
  const connectionListeners = new Set<(info: ConnectionInfo) => void>()
  const openListeners = new Set<(reconnect: boolean) => void>()

  function setInfo(patch: Partial<ConnectionInfo>): void {
    info = { ...info, ...patch }
    for (const l of connectionListeners) l(info)
  }

  function send(call: Call): void {
    if (call.timer) clearTimeout(call.timer)
    call.timer = setTimeout(() => {
      inflight.delete(call.id)
      call.reject(unavailable('The server did not reply in time.'))
    }, REPLY_TIMEOUT_MS)
    inflight.set(call.id, call)
    socket?.send(call.frame)
  }

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return
    const frame = parseServerFrame(data)
    if (!frame) return
    if (frame.t === 'reply') {
      const call = inflight.get(frame.id)
      if (!call) return
      inflight.delete(frame.id)
      if (call.timer) clearTimeout(call.timer)
      if (frame.reply.ok) call.resolve(frame.reply.result)
      else call.reject(new CommandError(frame.reply.error))
      return
    }
    eventListeners.emit(frame.name, frame.payload)
  }

  function connect(): void {
    setInfo({ state: 'connecting', retryAt: null })
    const ws = new WebSocket(url)
    socket = ws
    ws.onopen = () => {
      if (socket !== ws) return
      attempt = 0
      const reconnect = info.everOpened
      setInfo({
        state: 'open',
        everOpened: true,
        retryAt: null,
        reason: null,
        unauthorized: false,
      })
      for (const call of queued.splice(0)) send(call)
      for (const l of [...openListeners]) l(reconnect)
    }
    ws.onmessage = (ev: MessageEvent) => {
      if (socket === ws) onMessage(ev.data)
    }
    ws.onclose = (ev: CloseEvent) => {
      if (socket !== ws) return
      socket = null
      for (const call of inflight.values()) {
        if (call.timer) clearTimeout(call.timer)
        call.reject(unavailable('The connection was lost before the server replied.'))
      }
      inflight.clear()
      const delay = backoffDelay(attempt++)
      setInfo({
        state: 'closed',
        retryAt: Date.now() + delay,
        reason: ev.reason || null,
      })
      setTimeout(connect, delay)
      if (attempt >= PROBE_AFTER_ATTEMPTS) {
        void refusedByServer().then((refused) => {
          if (refused !== info.unauthorized && info.state !== 'open') setInfo({ unauthorized: refused })
        })
      }
    }
  }

  const api: EarshotApi = {
    call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandResult<K>> {
      return new Promise<CommandResult<K>>((resolve, reject) => {
        const id = nextId++
        const frame: ClientFrame = { t: 'cmd', id, name, input }
        const call: Call = {
          id,
          frame: JSON.stringify(frame),
          resolve: (value) => resolve(value as CommandResult<K>),
          reject,
          timer: null,
        }
        if (socket && socket.readyState === WebSocket.OPEN) {
          send(call)
          return
        }
        call.timer = setTimeout(() => {
          const i = queued.indexOf(call)
          if (i >= 0) queued.splice(i, 1)
          reject(unavailable('Not connected to the Earshot server (timed out waiting for the connection).'))
        }, QUEUE_TIMEOUT_MS)
        queued.push(call)
      })
    },
    on: eventListeners.on,
  }

  connect()

  return {
    kind: 'websocket',
    api,
    getConnection: () => info,
    subscribeConnection(listener) {
      connectionListeners.add(listener)
      return () => {
        connectionListeners.delete(listener)
      }
    },
    onOpen(listener) {
      openListeners.add(listener)
      return () => {
        openListeners.delete(listener)
      }
    },
  }
}
