// Browser mode: an HTTP server on 127.0.0.1 that serves the built renderer and
// a WebSocket that carries the same contract as the Electron preload, through
// the same handler table. Every request needs the per-run token.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventName } from '../../shared/contract'
import { ClientFrameSchema, TOKEN_PARAM, WS_PATH, type ServerFrame } from '../../shared/wire'
import type { Core } from '../core/app/core'
import { createGate, newToken } from './auth'
import { EXPORT_PATH, sendExport } from './export-download'
import { sendFile } from './static'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** Above this much unsent data a socket skips live batches (it pages them in later). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024

export interface ServeOptions {
  core: Core
  rendererDir: string
  port?: number
  host?: string
  token?: string
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(`${message}\n`)
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1'
  const token = options.token ?? newToken()
  let port = options.port ?? 0
  const gate = createGate(token, () => port)
  const { core } = options

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!gate.hostAllowed(req)) return refuse(res, 421, 'Earshot: unexpected Host header.')
    if (!gate.originAllowed(req)) return refuse(res, 403, 'Earshot: cross-origin requests are refused.')
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Earshot: method not allowed.')
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    if (gate.tokenFromQuery(url)) {
      // Trade the token in the address for a cookie, and drop it from the address bar.
      url.searchParams.delete(TOKEN_PARAM)
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': gate.cookieHeader(),
        Location: url.pathname + url.search,
      })
      res.end()
      return
    }
    if (!gate.tokenFromCookie(req)) {
      return refuse(
        res,
        401,
        'Earshot: this console needs its token. Open the address printed when the server started.',
      )
    }
    const exportId = EXPORT_PATH.exec(url.pathname)?.[1]
    if (exportId !== undefined) {
      if (await sendExport(core, exportId, req, res, SECURITY_HEADERS)) return
      return refuse(res, 404, 'Earshot: this export is not ready or has already been downloaded.')
    }
    if (await sendFile(res, options.rendererDir, url.pathname, SECURITY_HEADERS)) return
    // Client-side routes (pop-out columns, review) all load the app.
    if (!/\.[a-z0-9]+$/i.test(url.pathname) && (await sendFile(res, options.rendererDir, '/', SECURITY_HEADERS))) return
    refuse(res, 404, 'Earshot: not found.')
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err) => {
      console.error('earshot: request failed:', err)
      if (!res.headersSent) refuse(res, 500, 'Earshot: internal error.')
      else res.destroy()
    })
  })

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    if (url.pathname !== WS_PATH) return refuseUpgrade(socket, 404, 'Not Found')
    if (!gate.hostAllowed(req)) return refuseUpgrade(socket, 421, 'Misdirected Request')
    if (!gate.originAllowed(req)) return refuseUpgrade(socket, 403, 'Forbidden')
    if (!gate.tokenFromCookie(req) && !gate.tokenFromQuery(url)) return refuseUpgrade(socket, 401, 'Unauthorized')
    wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws))
  })

  function onSocket(ws: WebSocket): void {
    const send = (frame: ServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame))
    }
    // Each socket is a session: on an archive with operators, it signs in before anything else.
    const session = core.openSession()
    const unsubscribe = core.hub.subscribe((name: EventName, payload) => {
      if (!session.wants(name, payload)) return
      if (name === 'mentions.batch' && ws.bufferedAmount > MAX_BUFFERED_BYTES) return
      send({ t: 'event', name, payload })
    })
    const closed = () => {
      unsubscribe()
      session.close()
    }
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text frames only')
      let raw: unknown
      try {
        raw = JSON.parse(data.toString())
      } catch {
        return ws.close(1007, 'malformed JSON')
      }
      const frame = ClientFrameSchema.safeParse(raw)
      if (!frame.success) return ws.close(1008, 'malformed frame')
      const { id, name, input } = frame.data
      void session.call(name, input).then((reply) => send({ t: 'reply', id, reply }))
    })
    ws.once('close', closed)
    ws.once('error', closed)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://${host}:${port}/?${TOKEN_PARAM}=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
