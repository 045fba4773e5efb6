// PostgreSQL answered synchronously: the core's store is synchronous (SQLite's
// better-sqlite3 is), so a PostgreSQL archive runs its statements on a worker
// thread (bridge-worker.ts) while the calling thread waits on a shared flag
// (Atomics.wait) and then takes the answer off the port
// (receiveMessageOnPort). A call blocks its thread for the round trip to the
// server, as a SQLite call blocks it for the disk; every wait is bounded.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import type { BridgeReply, BridgeRequest, BridgeWorkerData } from './bridge-protocol'

export interface BridgeOptions {
  /** The built bridge-worker.js. */
  script: string
  /** Connections the worker's pool may open; default 4. */
  max?: number
  /** How long one call may wait for the server before it fails; default 30 s. */
  timeoutMs?: number
  /** The server as messages name it (the URL without its password). */
  where?: string
}

/** A failure PostgreSQL (or the way to it) reported, with its SQLSTATE or Node error code. */
export class PgBridgeError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
    this.name = 'PgBridgeError'
  }
}

export class SyncBridge {
  private readonly worker: Worker
  private readonly port: MessagePort
  private readonly flag: Int32Array
  private readonly timeoutMs: number
  private readonly where: string
  private nextId = 1
  private closed = false

  constructor(url: string, options: BridgeOptions) {
    const shared = new SharedArrayBuffer(4)
    this.flag = new Int32Array(shared)
    this.timeoutMs = options.timeoutMs ?? 30_000
    this.where = options.where ?? 'the server'
    const data: BridgeWorkerData = { url, flag: shared, max: options.max ?? 4 }
    this.worker = new Worker(options.script, { workerData: data })
    // The worker must not keep a finished process alive; a waiting call keeps it busy anyway.
    this.worker.unref()
    const { port1, port2 } = new MessageChannel()
    this.port = port1
    this.worker.postMessage(port2, [port2])
  }

  /** Sends `req` and waits for its answer; throws what the worker reports. */
  call<T>(req: BridgeRequest): T {
    if (this.closed) throw new PgBridgeError('the PostgreSQL archive is closed', undefined)
    const id = this.nextId++
    this.port.postMessage({ id, req })
    const deadline = Date.now() + this.timeoutMs
    for (;;) {
      const reply = this.take(id)
      if (reply) {
        if (reply.ok) return reply.value as T
        throw new PgBridgeError(reply.error.message, reply.error.code)
      }
      const left = deadline - Date.now()
      if (left <= 0) {
        throw new PgBridgeError(
          `PostgreSQL at ${this.where} did not answer within ${Math.round(this.timeoutMs / 1000)} s`,
          'ETIMEDOUT',
        )
      }
      // Returns at once when the worker has answered since the flag was last cleared.
      Atomics.wait(this.flag, 0, 0, left)
      Atomics.store(this.flag, 0, 0)
    }
  }

  /** The answer to call `id` if it has come (answers to calls that timed out before are dropped). */
  private take(id: number): BridgeReply | undefined {
    for (let got = receiveMessageOnPort(this.port); got; got = receiveMessageOnPort(this.port)) {
      const reply = got.message as BridgeReply
      if (reply.id === id) return reply
    }
    return undefined
  }

  close(): void {
    if (this.closed) return
    try {
      this.call({ op: 'close' })
    } finally {
      this.closed = true
      this.port.close()
      void this.worker.terminate()
    }
  }
}
