// A fake Bluesky for tests: a Jetstream v1 WebSocket (`/subscribe` with
// wantedCollections and a time_us cursor replayed from its log, identity and
// account events to everyone) and the XRPC calls Earshot makes on a PDS/AppView
// (createSession, getProfiles, getPostThread, getRecord, createRecord). Port 0, 127.0.0.1.
// Scriptable: push events (posts, their edits and deletes), send raw
// (malformed) frames, drop every client mid-stream, and lose the response to
// the next createRecord.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import { FakeSocketServer } from '../socket-server'
import { postThread } from './thread'

export interface FakeProfile {
  did: string
  handle: string
  displayName?: string
  followersCount?: number
}

export interface FakeAccount extends FakeProfile {
  password: string
}

export interface StoredRecord {
  uri: string
  cid: string
  value: Record<string, unknown>
}

interface Client {
  ws: WebSocket
  collections: string[]
}

// Real CIDs from the Jetstream golden file: the XRPC client checks the format.
const CIDS = [
  'bafyreicl7rzkxdrm4zz2ehbx52kuk3mvfow6p3gzfys72r5grvskxoswy4',
  'bafyreidqpc7si3dbimffi64lz3xsx2qt45ip7rpna2qpslcddp23itjjzm',
  'bafyreiedbile4hfy44rhrg5mlpegnvbuolazgxthmho2iredl4ciqdhywy',
  'bafyreib25swk3a6waplk2ie75u4a3qfejnkoiezfowuz7sa74i7tief3di',
]

export class FakeBluesky extends FakeSocketServer<Client> {
  readonly log: Array<Record<string, unknown>> = []
  readonly connections: URLSearchParams[] = []
  readonly profiles = new Map<string, FakeProfile>()
  readonly accounts: FakeAccount[] = []
  readonly records = new Map<string, StoredRecord>()
  /** Bodies of every createRecord call, in order. */
  readonly created: Array<Record<string, unknown>> = []
  profileCalls = 0
  /** The uri of every getPostThread call, in order. */
  readonly threadCalls: string[] = []
  /** Answer getPostThread with this instead (e.g. 429 with ratelimit-reset, or 502). */
  threadAnswer: { status: number; headers?: Record<string, string> } | null = null
  /** While set, getProfiles answers only once this settles (a slow AppView). */
  profilesGate: Promise<void> | null = null
  /** The next createRecord is stored but its response never sent (the socket is destroyed). */
  loseNextCreate = false
  private cidIndex = 0

  get jetstreamUrl(): string {
    return `ws://127.0.0.1:${this.port}`
  }
  get serviceUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  addProfile(p: FakeProfile): void {
    this.profiles.set(p.did, p)
  }

  addAccount(a: FakeAccount): void {
    this.accounts.push(a)
    this.addProfile(a)
  }

  /** Appends an event to the log and sends it to every subscriber that wants it. */
  push(event: Record<string, unknown>): void {
    this.log.push(event)
    const commit = event.commit as {
      collection?: string
      operation?: string
      rkey?: string
      record?: object
      cid?: string
    }
    const uri = `at://${String(event.did)}/${commit?.collection}/${commit?.rkey}`
    if (event.kind === 'commit' && commit.operation !== 'delete' && commit.record)
      this.records.set(uri, { uri, cid: commit.cid ?? this.nextCid(), value: commit.record as Record<string, unknown> })
    if (event.kind === 'commit' && commit.operation === 'delete') this.records.delete(uri)
    for (const c of this.clients) if (wants(c, event)) c.ws.send(JSON.stringify(event))
  }

  protected accept(_req: IncomingMessage, url: URL, socket: Duplex): boolean {
    if (url.pathname === '/subscribe') return true
    socket.destroy()
    return false
  }

  /** A Jetstream subscriber: replays the log from its cursor first. */
  protected connect(ws: WebSocket, params: URLSearchParams): Client {
    this.connections.push(params)
    const client: Client = { ws, collections: params.getAll('wantedCollections') }
    const cursor = params.get('cursor')
    if (cursor !== null) {
      const from = Number(cursor)
      for (const e of this.log) if ((e.time_us as number) >= from && wants(client, e)) ws.send(JSON.stringify(e))
    }
    return client
  }

  private nextCid(): string {
    return CIDS[this.cidIndex++ % CIDS.length]!
  }

  protected async http(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x')
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const body = req.method === 'POST' ? await readJson(req) : {}
    const auth = req.headers.authorization
    const account = this.accounts.find((a) => auth === `Bearer access-${a.did}`)
    switch (url.pathname) {
      case '/xrpc/com.atproto.server.createSession': {
        const a = this.accounts.find(
          (x) => (x.handle === body.identifier || x.did === body.identifier) && x.password === body.password,
        )
        if (!a) return send(401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' })
        return send(200, {
          did: a.did,
          handle: a.handle,
          accessJwt: `access-${a.did}`,
          refreshJwt: `refresh-${a.did}`,
          active: true,
        })
      }
      case '/xrpc/app.bsky.actor.getProfiles': {
        this.profileCalls++
        await this.profilesGate
        const actors = url.searchParams.getAll('actors')
        const profiles = [...this.profiles.values()].filter((p) => actors.includes(p.did) || actors.includes(p.handle))
        return send(200, { profiles: profiles.map((p) => ({ ...p, followersCount: p.followersCount ?? 0 })) })
      }
      case '/xrpc/app.bsky.feed.getPostThread': {
        this.threadCalls.push(url.searchParams.get('uri') ?? '')
        if (this.threadAnswer) {
          res.writeHead(this.threadAnswer.status, { 'content-type': 'application/json', ...this.threadAnswer.headers })
          return void res.end(JSON.stringify({ error: 'Unavailable', message: 'scripted failure' }))
        }
        const answer = postThread(url.searchParams, this.records, this.profiles)
        return send(answer.status, answer.body)
      }
      case '/xrpc/com.atproto.repo.getRecord': {
        const p = url.searchParams
        const uri = `at://${p.get('repo')}/${p.get('collection')}/${p.get('rkey')}`
        const record = this.records.get(uri)
        if (!record) return send(400, { error: 'RecordNotFound', message: `Could not locate record: ${uri}` })
        return send(200, record)
      }
      case '/xrpc/com.atproto.repo.createRecord': {
        if (!account || body.repo !== account.did)
          return send(401, { error: 'AuthenticationRequired', message: 'Authentication Required' })
        const uri = `at://${account.did}/${String(body.collection)}/${String(body.rkey)}`
        if (this.records.has(uri)) return send(400, { error: 'InvalidRequest', message: 'Record already exists' })
        this.created.push(body)
        const record = { uri, cid: this.nextCid(), value: body.record as Record<string, unknown> }
        this.records.set(uri, record)
        if (this.loseNextCreate) {
          this.loseNextCreate = false
          res.socket?.destroy()
          return
        }
        return send(200, { uri, cid: record.cid, validationStatus: 'valid' })
      }
      default:
        return send(501, { error: 'MethodNotImplemented', message: `${url.pathname} is not in this fake` })
    }
  }
}

function wants(c: Client, e: Record<string, unknown>): boolean {
  if (e.kind !== 'commit') return true
  const collection = (e.commit as { collection?: string }).collection ?? ''
  return (
    c.collections.length === 0 ||
    c.collections.some((w) => (w.endsWith('*') ? collection.startsWith(w.slice(0, -1)) : w === collection))
  )
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    return {}
  }
}

let rkeySeq = 0

/** A post commit event as Jetstream sends it. */
export function postEvent(
  did: string,
  timeUs: number,
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const rkey = `3mmoo${(rkeySeq++).toString(36).padStart(8, '0')}`
  return {
    did,
    time_us: timeUs,
    kind: 'commit',
    commit: {
      rev: rkey,
      operation: 'create',
      collection: 'app.bsky.feed.post',
      rkey,
      record: {
        $type: 'app.bsky.feed.post',
        createdAt: new Date(timeUs / 1000).toISOString(),
        langs: ['en'],
        text,
        ...extra,
      },
      cid: CIDS[rkeySeq % CIDS.length],
    },
  }
}

/** A later commit on a post postEvent made (its edit or its delete), as Jetstream sends it. */
function laterCommit(post: Record<string, unknown>, timeUs: number, change: Record<string, unknown>) {
  const { rkey } = post.commit as { rkey: string }
  return {
    did: post.did,
    time_us: timeUs,
    kind: 'commit',
    commit: { rev: `3mmzz${timeUs.toString(36).slice(-8)}`, collection: 'app.bsky.feed.post', rkey, ...change },
  }
}

/** The delete commit Jetstream sends when the author deletes a post: no record, no cid. */
export function deleteEvent(post: Record<string, unknown>, timeUs: number): Record<string, unknown> {
  return laterCommit(post, timeUs, { operation: 'delete' })
}

/** The update commit of an edited post: the whole new record under the same rkey. */
export function updateEvent(post: Record<string, unknown>, timeUs: number, text: string): Record<string, unknown> {
  const { record } = post.commit as { record: Record<string, unknown> }
  return laterCommit(post, timeUs, {
    operation: 'update',
    record: { ...record, text },
    cid: CIDS[(rkeySeq + 1) % CIDS.length],
  })
}
