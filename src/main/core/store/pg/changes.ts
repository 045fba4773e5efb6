// Live across consoles: every write that others must see sends a small
// notification on one channel inside its own transaction (PostgreSQL delivers
// it at commit, never for a rollback), and each console keeps one connection
// LISTENing. A notification names what changed (a range of new mention ids,
// deleted ids, or a table), never the rows: the listener reads those itself,
// so the 8,000-byte payload limit never bounds a batch. A dropped listening
// connection is reopened with backoff, and the consumer is told to re-read
// (notifications sent meanwhile are lost), so nothing is missed for good.
import pg from 'pg'
import { describePgError } from './connect'

export const CHANGES_CHANNEL = 'earshot_changes'

export type Change =
  /** New mentions with ids from..to (a range may hold ids of other writers' batches too). */
  | { kind: 'mentions'; from: number; to: number; by?: string }
  | { kind: 'deleted'; ids: number[]; by?: string }
  /** A table's rows changed (triage, columns, outbox, canned replies, …): by id, by key, or all. */
  | { kind: 'table'; table: string; ids?: number[]; keys?: string[]; by?: string }
  /** An operator opened the composer on a mention (or closed it: null). */
  | { kind: 'presence'; operator: string; mentionId: number | null; by?: string }

/** What a writer's connection (or pool) needs to send a notification. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>
}

/** Sends `change` with the transaction `client` is in (delivered when it commits). */
export async function notifyChange(client: Queryable, change: Change): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(change)])
}

export interface ChangeFeedOptions {
  onChange(change: Change): void
  /** The connection was lost and is back: changes may have been missed, read again. */
  onResync(): void
  /** A line for the log (a lost connection, a malformed payload). */
  log?: (line: string) => void
  /** Backoff of the reconnect; default 250 ms doubling to 10 s. */
  retryMs?: { first: number; max: number }
}

export class ChangeFeed {
  private client: pg.Client | undefined
  private closed = false
  private retry: number
  private timer: ReturnType<typeof setTimeout> | undefined

  private constructor(
    private readonly url: string,
    private readonly o: ChangeFeedOptions,
  ) {
    this.retry = o.retryMs?.first ?? 250
  }

  /** Listens from now on; resolves once the first LISTEN is in place. */
  static async open(url: string, options: ChangeFeedOptions): Promise<ChangeFeed> {
    const feed = new ChangeFeed(url, options)
    await feed.connect()
    return feed
  }

  private log(line: string): void {
    ;(this.o.log ?? ((l: string) => console.warn(l)))(line)
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'earshot-changes' })
    client.on('notification', (n) => {
      if (n.channel !== CHANGES_CHANNEL || !n.payload) return
      let change: Change
      try {
        change = JSON.parse(n.payload) as Change
      } catch {
        this.log(`earshot: ignored a malformed change notification (${n.payload.slice(0, 80)})`)
        return
      }
      this.o.onChange(change)
    })
    client.on('error', (err) => this.lost(client, err))
    client.on('end', () => this.lost(client, new Error('connection ended')))
    await client.connect()
    await client.query(`LISTEN ${CHANGES_CHANNEL}`)
    this.client = client
    this.retry = this.o.retryMs?.first ?? 250
  }

  private lost(client: pg.Client, err: unknown): void {
    if (this.client !== client || this.closed) return
    this.client = undefined
    client.removeAllListeners('end')
    client.end().catch(() => {})
    this.log(`earshot: live changes: ${describePgError(this.url, err)}; reconnecting`)
    this.reconnect()
  }

  private reconnect(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.connect().then(
        () => this.o.onResync(),
        (err: unknown) => {
          this.log(`earshot: live changes: ${describePgError(this.url, err)}; retrying in ${Math.round(this.retry)} ms`)
          this.retry = Math.min(this.retry * 2, this.o.retryMs?.max ?? 10_000)
          if (!this.closed) this.reconnect()
        },
      )
    }, this.retry)
    this.timer.unref?.()
  }

  /** The server process of the listening connection (tests end it to prove the reconnect). */
  async backendPid(): Promise<number | undefined> {
    const r = await this.client?.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    return r?.rows[0]?.pid
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    const c = this.client
    this.client = undefined
    await c?.end().catch(() => {})
  }
}
