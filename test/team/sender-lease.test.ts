// Exactly one sender across the processes on one archive, on both engines:
// two outboxes (two connections, as two consoles have) with X reply channels
// to the same fake X API. One reply goes out once; a sender that died
// mid-send is replaced when its lease lapses (at once when it was a process
// on this machine), and the new sender checks X before resending anything.
import { hostname } from 'node:os'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { EventHub } from '../../src/main/core/events'
import { Ingest } from '../../src/main/core/pipeline/ingest'
import { Router } from '../../src/main/core/pipeline/router'
import { StatsTracker } from '../../src/main/core/pipeline/stats'
import { Outbox } from '../../src/main/core/replies/outbox'
import { LEASE_TTL_MS } from '../../src/main/core/team/lease'
import { XReplyChannel } from '../../src/main/core/replies/x'
import { openStore, type Store } from '../../src/main/core/store'
import { FakeXApi } from '../fakes/x-api'
import { mentionInput, tempArchive } from '../helpers'
import { freshDatabase, type TestDatabase } from '../pg/database'
import { ACCOUNT, USER, replyClient } from '../x/harness'

// A database of its own for each test, as each SQLite test has its own file.
const databases: TestDatabase[] = []
afterAll(async () => {
  for (const d of databases) await d.drop()
})

let fake: FakeXApi
let stores: Store[] = []
let outboxes: Outbox[] = []
afterEach(async () => {
  for (const o of outboxes) await o.close()
  for (const s of stores) s.close()
  outboxes = []
  stores = []
  await fake.close()
})

const engines = [
  { name: 'SQLite', archive: async () => tempArchive() },
  {
    name: 'PostgreSQL',
    archive: async () => {
      const d = await freshDatabase()
      databases.push(d)
      return d.url
    },
  },
]

describe.each(engines)('the reply sender on $name', ({ archive }) => {
  let clock = Date.now()
  const now = () => clock

  async function consoles(n: number) {
    fake = new FakeXApi({ user: { ...USER, ...ACCOUNT } })
    await fake.start()
    const where = await archive()
    const first = openStore(where)
    stores.push(first)
    const ingest = new Ingest(first.write, new Router(), new StatsTracker(), { now, sink: { committed: () => {} } })
    const externalId = String(1880000000000000000n + BigInt(Math.floor(Math.random() * 1e9)))
    ingest.push([mentionInput({ source: 'x', externalId, text: '@EarshotCare my internet is down' })])
    ingest.flush()
    const target = first.read.findByExternalId('x', externalId)!
    const made: Outbox[] = []
    for (let i = 0; i < n; i++) {
      const store = i === 0 ? first : openStore(where)
      if (i > 0) stores.push(store)
      const channel = new XReplyChannel({ api: replyClient(fake), account: ACCOUNT.username, now, redact: (s) => s })
      made.push(new Outbox({ store, hub: new EventHub(), now, channel: (s) => (s === 'x' ? channel : undefined) }))
    }
    outboxes.push(...made)
    return { outboxes: made, target, store: first }
  }

  async function settle(list: Outbox[]) {
    for (let round = 0; round < 3; round++) for (const o of list) await o.idle()
  }

  it('leaves queued replies to the process holding the lease, which sends each once', async () => {
    clock = Date.now()
    const {
      outboxes: [a, b],
      target,
      store,
    } = await consoles(2)
    a!.resume()
    await a!.idle()
    // Another console queues a reply (its outbox wakes, as the change feed wakes every console's).
    const queued = store.write.enqueueDraftReply({
      key: 'lease-key-0001',
      source: 'x',
      mentionId: target.id,
      targetId: target.externalId,
      mode: 'reply',
      text: 'On it, sorry!',
      now: clock,
    }).item
    b!.resume()
    b!.wake()
    await settle([b!])
    expect(b!.list(undefined, 10)[0]).toMatchObject({ id: queued.id, state: 'queued' })
    expect(fake.posted).toHaveLength(0)
    a!.wake()
    b!.wake()
    await settle([a!, b!])
    expect(fake.posted).toHaveLength(1)
    expect(a!.list(undefined, 10)[0]).toMatchObject({ state: 'sent', attempts: 1 })
    // A clean stop gives the lease up: the other process sends at once.
    await a!.close()
    b!.send({ key: 'lease-key-0006', mentionId: target.id, mode: 'reply', text: 'And more', again: true })
    await settle([b!])
    expect(fake.posted).toHaveLength(2)
  })

  it('refuses a second reply to a mention answered a moment ago, unless asked to send again', async () => {
    clock = Date.now()
    const {
      outboxes: [a, b],
      target,
    } = await consoles(2)
    a!.send({ key: 'lease-key-0002', mentionId: target.id, mode: 'reply', text: 'From Dana' })
    expect(() => b!.send({ key: 'lease-key-0003', mentionId: target.id, mode: 'reply', text: 'From Lee' })).toThrow(
      /already answered .* "From Dana"/,
    )
    // The same key again is the same reply, not a second one.
    expect(a!.send({ key: 'lease-key-0002', mentionId: target.id, mode: 'reply', text: 'From Dana' }).text).toBe(
      'From Dana',
    )
    const again = b!.send({ key: 'lease-key-0003', mentionId: target.id, mode: 'reply', text: 'From Lee', again: true })
    expect(again.state).toBe('queued')
  })

  it('takes over from a sender that died mid-send once its lease lapses, without posting twice', async () => {
    clock = Date.now()
    const {
      outboxes: [b],
      target,
      store,
    } = await consoles(1)
    // A console on another machine took the lease, posted, and died before it recorded the answer.
    const dead = 'other-host/4242/0b6f'
    expect(store.write.takeLease('outbox:x', dead, clock, LEASE_TTL_MS)).toBe(true)
    const queued = store.write.enqueueDraftReply({
      key: 'lease-key-0004',
      source: 'x',
      mentionId: target.id,
      targetId: target.externalId,
      mode: 'reply',
      text: 'We are on it',
      now: clock,
    }).item
    store.write.updateOutboxItem(queued.id, { state: 'sending', attempts: 1 }, clock)
    const channel = new XReplyChannel({ api: replyClient(fake), account: ACCOUNT.username, now, redact: (s) => s })
    await channel.send({ key: queued.key, mode: 'reply', text: queued.text, mention: target, firstAttemptAt: clock })
    expect(fake.posted).toHaveLength(1)

    b!.resume()
    await settle([b!])
    expect(b!.list(undefined, 10)[0]!.state).toBe('sending')

    clock += LEASE_TTL_MS + 1
    b!.wake()
    await settle([b!])
    expect(b!.list(undefined, 10)[0]).toMatchObject({ state: 'sent', remoteId: fake.posted[0]!.id })
    expect(fake.posted).toHaveLength(1)
  })

  it('takes over at once from a sender on this machine whose process is gone', async () => {
    clock = Date.now()
    const {
      outboxes: [b],
      target,
      store,
    } = await consoles(1)
    // A pid far above any pid_max in use.
    expect(store.write.takeLease('outbox:x', `${hostname()}/4194000/dead`, clock, LEASE_TTL_MS)).toBe(true)
    b!.send({ key: 'lease-key-0005', mentionId: target.id, mode: 'reply', text: 'Hello again' })
    b!.resume()
    await settle([b!])
    expect(b!.list(undefined, 10)[0]!.state).toBe('sent')
    expect(fake.posted).toHaveLength(1)
  })
})
