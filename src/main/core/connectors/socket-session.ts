// The streaming WebSocket of a free source (Jetstream, Mastodon) and what
// both do around it: a stall watchdog (no frame for a while means a dead
// connection, so the socket is terminated); on the first frame of a
// connection the backoff restarts and the capture gap closes; on a close the
// connector did not ask for, a gap opens, the status says when it reconnects,
// and the connector is asked to reconnect after the backoff's delay.
import WebSocket, { type ClientOptions } from 'ws'
import { Backoff, inSeconds, type BackoffOptions } from './backoff'
import type { ConnectorContext } from './connector'

export interface SocketSessionOptions {
  backoff?: BackoffOptions | undefined
  /** No frame for this long means a dead connection. */
  stallMs: number
  /** Starts the log line of a socket error, e.g. "jetstream". */
  logPrefix: string
  /** Whether the connector has stopped: a close is then expected. */
  stopped(): boolean
}

export interface SocketEvents {
  /** One frame, as text. */
  frame(text: string): void
  /** Why the connection ended, for the gap and the status line; may settle what the connection leaves. */
  lost(code: number): string
  /** Reconnect after this many ms. */
  retry(delayMs: number): void
}

export class SocketSession {
  private current: WebSocket | null = null
  private stall: NodeJS.Timeout | null = null
  private readonly backoff: Backoff

  constructor(private readonly o: SocketSessionOptions) {
    this.backoff = new Backoff(o.backoff)
  }

  /** The open (or opening) socket, null between connections and once closed. */
  get ws(): WebSocket | null {
    return this.current
  }

  /** Opens a socket in place of the last one; the connector adds its own handlers (open, ping...) to it. */
  open(ctx: ConnectorContext, url: string, options: ClientOptions, on: SocketEvents): WebSocket {
    const ws = new WebSocket(url, options)
    this.current = ws
    let live = false
    ws.on('message', (data) => {
      this.armStall()
      if (!live) {
        live = true
        this.backoff.reset()
        ctx.gap.close()
      }
      on.frame(data.toString())
    })
    ws.on('error', (err) => ctx.log(`${this.o.logPrefix}: ${err.message}`))
    ws.on('close', (code) => {
      if (this.current !== ws || this.o.stopped()) return
      this.current = null
      if (this.stall) clearTimeout(this.stall)
      const reason = on.lost(code)
      const delay = this.backoff.next()
      ctx.gap.open(reason)
      ctx.status({
        state: 'reconnecting',
        detail: `${reason}; reconnecting ${inSeconds(delay)}`,
        until: ctx.now() + delay,
      })
      on.retry(delay)
    })
    return ws
  }

  /** (Re)starts the stall watchdog: a frame, a ping or the handshake shows the connection alive. */
  armStall(): void {
    if (this.stall) clearTimeout(this.stall)
    this.stall = setTimeout(() => this.current?.terminate(), this.o.stallMs)
  }

  /** Stops the watchdog and the socket; resolves once the socket has closed. */
  async close(): Promise<void> {
    if (this.stall) clearTimeout(this.stall)
    const ws = this.current
    this.current = null
    if (ws && ws.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        ws.once('close', () => resolve())
        ws.terminate()
      })
    }
  }
}
