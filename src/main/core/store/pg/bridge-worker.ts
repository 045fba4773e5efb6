// The thread that holds a PostgreSQL archive's connections for the synchronous
// bridge (sync-bridge.ts): it runs each request the core's thread sends, posts
// the answer and wakes that thread, which waits on a shared flag meanwhile.
// Statements of the core's store run on one session connection (so a
// transaction spans the statements sent between begin and commit); a cursor
// and a procedure take connections of their own from the pool.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import type { PoolClient } from 'pg'
import type { BridgeReply, BridgeRequest, BridgeWorkerData } from './bridge-protocol'
import { describePgError, openPgArchive, type PgPool } from './connect'
import { PROCEDURES } from './procedures'

const data = workerData as BridgeWorkerData
const flag = new Int32Array(data.flag)

interface Open {
  pool: PgPool
  session: PoolClient | null
  cursors: Map<number, { client: PoolClient; raw: boolean }>
}

let open: Promise<Open> | null = null
let nextCursor = 1

async function opened(): Promise<Open> {
  // A failed open is not kept: the next call tries the server again (it may have been starting).
  open ??= openPgArchive(data.url, { max: data.max, log: () => {} }).then(
    (pool) => ({ pool, session: null, cursors: new Map() }),
    (err: unknown) => {
      open = null
      throw err
    },
  )
  return open
}

/** The session connection, taken again after a drop (outside a transaction the next statement reconnects). */
async function session(o: Open): Promise<PoolClient> {
  if (o.session) return o.session
  const client = await o.pool.connect()
  client.on('error', () => {
    if (o.session === client) o.session = null
    client.release(true)
  })
  o.session = client
  return client
}

async function handle(req: BridgeRequest): Promise<unknown> {
  const o = await opened()
  switch (req.op) {
    case 'query': {
      const client = await session(o)
      const r = await client.query({
        text: req.sql,
        values: req.params,
        ...(req.mode === 'raw' || req.mode === 'pluck' ? { rowMode: 'array' as const } : {}),
      })
      switch (req.mode) {
        case 'run':
          return { changes: r.rowCount ?? 0, lastInsertRowid: 0 }
        case 'pluck':
          return (r.rows as unknown[][]).map((row) => row[0])
        default:
          return r.rows
      }
    }
    case 'cursor': {
      const client = await o.pool.connect()
      try {
        await client.query('BEGIN READ ONLY')
        await client.query({ text: `DECLARE earshot_cursor NO SCROLL CURSOR FOR ${req.sql}`, values: req.params })
      } catch (err) {
        client.release(true)
        throw err
      }
      const id = nextCursor++
      o.cursors.set(id, { client, raw: req.raw })
      return id
    }
    case 'fetch': {
      const cursor = o.cursors.get(req.cursor)
      if (!cursor) throw new Error(`no open cursor ${req.cursor}`)
      const text = `FETCH ${Math.max(1, Math.floor(req.count))} FROM earshot_cursor`
      if (cursor.raw) return (await cursor.client.query({ text, rowMode: 'array' })).rows
      return (await cursor.client.query(text)).rows
    }
    case 'closeCursor': {
      const client = o.cursors.get(req.cursor)?.client
      o.cursors.delete(req.cursor)
      if (client)
        await client.query('ROLLBACK').then(
          () => client.release(),
          () => client.release(true),
        )
      return null
    }
    case 'proc': {
      const proc = PROCEDURES[req.name as keyof typeof PROCEDURES] as
        ((pool: PgPool, ...a: unknown[]) => Promise<unknown>) | undefined
      if (!proc) throw new Error(`no PostgreSQL procedure ${req.name}`)
      return proc(o.pool, ...req.args)
    }
    case 'close': {
      for (const c of o.cursors.values()) c.client.release(true)
      o.session?.release()
      await o.pool.end()
      return null
    }
  }
}

/** An error as the caller's thread rethrows it: one line, the password never in it. */
function errorOf(err: unknown): { message: string; code?: string } {
  const e = err as { code?: unknown; message?: unknown }
  const code = typeof e.code === 'string' ? e.code : undefined
  const raw = err instanceof Error ? err.message : String(err)
  // Connection failures name the server (without its password); SQL errors are the server's own words.
  const message = code && /^(E[A-Z]+|08\w{3}|28\w{3}|3D000|57P\d\d)$/.test(code) ? describePgError(data.url, err) : raw
  return { message: message.split(data.url).join('<url>'), ...(code ? { code } : {}) }
}

function answer(port: MessagePort, reply: BridgeReply): void {
  port.postMessage(reply)
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
}

parentPort!.once('message', (port: MessagePort) => {
  port.on('message', (msg: { id: number; req: BridgeRequest }) => {
    handle(msg.req).then(
      (value) => answer(port, { id: msg.id, ok: true, value }),
      (err: unknown) => answer(port, { id: msg.id, ok: false, error: errorOf(err) }),
    )
  })
})
