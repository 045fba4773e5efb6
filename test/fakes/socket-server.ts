// What the fake streaming services (Jetstream, Mastodon) share: an HTTP server
// on 127.0.0.1 (port 0) whose WebSocket upgrades the fake accepts or refuses,
// and the clients connected, to send raw frames to, drop and close.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'

export abstract class FakeSocketServer<C extends { ws: WebSocket }> {
  protected readonly clients = new Set<C>()
  private readonly server: Server
  private readonly wss = new WebSocketServer({ noServer: true })

  constructor() {
    this.server = createServer((req, res) => void this.http(req, res))
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x')
      if (!this.accept(req, url, socket)) return
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const client = this.connect(ws, url.searchParams)
        this.clients.add(client)
        ws.on('close', () => this.clients.delete(client))
      })
    })
  }

  protected abstract http(req: IncomingMessage, res: ServerResponse): Promise<void>
  /** Whether to take this upgrade; on a refusal the fake answers or destroys the socket. */
  protected abstract accept(req: IncomingMessage, url: URL, socket: Duplex): boolean
  /** The client of an accepted upgrade; it is listed until its socket closes. */
  protected abstract connect(ws: WebSocket, params: URLSearchParams): C

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    return this
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }
  get clientCount(): number {
    return this.clients.size
  }

  /** Sends a frame as is, to every client (for malformed input). */
  sendRaw(text: string): void {
    for (const c of this.clients) c.ws.send(text)
  }

  /** Drops every client at once, as a network failure would. */
  dropClients(): void {
    for (const c of this.clients) c.ws.terminate()
    this.clients.clear()
  }

  async close(): Promise<void> {
    this.dropClients()
    this.wss.close()
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
