// The fake's filtered-stream connections: chunked, newline-delimited JSON
// with "\r\n" separators and bare "\r\n" keep-alives, as X's wire sample
// (stream_wire_sample.bin) shows. Tests push lines, keep-alives and
// disconnects; nothing is sent on its own unless keep-alives are switched on.
import type { ServerResponse } from 'node:http'
import { problems } from './problems'

export class StreamConnection {
  private keepAliveTimer: NodeJS.Timeout | null = null
  closed = false
  /** The JSON lines written, for tests that check the wire form. */
  readonly sent: string[] = []

  /** @param tweetFields what the connection asked for (a long post carries note_tweet only when asked). */
  constructor(
    readonly res: ServerResponse,
    readonly tweetFields: ReadonlySet<string> = new Set(),
  ) {
    res.on('close', () => {
      this.closed = true
      this.stopKeepAlive()
    })
  }

  writeLine(json: unknown): void {
    const line = typeof json === 'string' ? json : JSON.stringify(json)
    this.sent.push(line)
    this.writeRaw(`${line}\r\n`)
  }

  writeRaw(text: string): void {
    if (!this.closed) this.res.write(text)
  }

  keepAlive(): void {
    this.writeRaw('\r\n')
  }

  /** X's own cadence is 20 s; tests may use a shorter one. */
  startKeepAlive(everyMs: number): void {
    this.stopKeepAlive()
    this.keepAliveTimer = setInterval(() => this.keepAlive(), everyMs)
  }

  stopKeepAlive(): void {
    if (this.keepAliveTimer) clearInterval(this.keepAliveTimer)
    this.keepAliveTimer = null
  }

  /** X's operational-disconnect message, then the server closes the connection. */
  operationalDisconnect(disconnectType = 'OperationalDisconnect'): void {
    this.writeLine(problems.operationalDisconnect(disconnectType))
    this.end()
  }

  end(): void {
    this.stopKeepAlive()
    if (!this.closed) this.res.end()
  }

  /** The TCP connection dies without a goodbye. */
  drop(): void {
    this.stopKeepAlive()
    this.res.socket?.destroy()
  }
}
