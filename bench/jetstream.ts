// Jetstream benchmark: how many post events per second the Bluesky connector
// takes in (WebSocket frame -> zod -> mention -> matching against 50 column
// queries -> emit) when replaying a backlog from the fake Jetstream on
// 127.0.0.1. The public firehose carries a few hundred posts per second; this
// says how much headroom there is. Results go to bench/results/jetstream.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { JetstreamConnector } from '../src/main/core/connectors/bluesky/connector'
import { profileLookup } from '../src/main/core/connectors/bluesky'
import { Profiles } from '../src/main/core/connectors/bluesky/profiles'
import { connectorContext } from '../test/connector-context'
import { FakeBluesky, postEvent } from '../test/fakes/jetstream/server'

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000)
const out = join(__dirname, '..', '..', 'bench', 'results')
mkdirSync(out, { recursive: true })

const WORDS = ['coffee', 'train', 'weather', 'music', 'game', 'cat', 'code', 'lunch', 'book', 'news', 'rain', 'sun']
const BRANDS = ['comcast', 'jetblue', 'ford', 'oreo', 'zappos']

async function main(): Promise<void> {
  const fake = await new FakeBluesky().start()
  const dids = Array.from({ length: 200 }, (_, i) => `did:plc:bench${String(i).padStart(20, '0')}`)
  for (const [i, did] of dids.entries())
    fake.addProfile({ did, handle: `user${i}.bsky.social`, displayName: `User ${i}` })
  const t0 = 1_780_000_000_000_000
  let matching = 0
  for (let i = 0; i < EVENTS; i++) {
    // One post in a hundred names a brand; the rest are the firehose's everyday chatter.
    const brand = i % 100 === 99 ? BRANDS[i % BRANDS.length] : null
    if (brand) matching++
    const words = Array.from({ length: 12 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(' ')
    fake.log.push(postEvent(dids[i % dids.length]!, t0 + i, brand ? `${words} ${brand} is down again` : words))
  }
  const t = connectorContext()
  t.setColumns(
    Array.from({ length: 50 }, (_, i) => ({
      id: `c${i}`,
      query: `${BRANDS[i % BRANDS.length]}${['', ' sentiment:negative', ' -is:repost', ' (down OR outage)', ' lang:en'][i % 5]}`,
    })),
  )
  t.cursors.set('time_us', String(t0 + 2_000_000))
  const connector = new JetstreamConnector({
    url: fake.jetstreamUrl,
    profiles: new Profiles(profileLookup(fake.serviceUrl)),
    resolveMs: 5,
  })
  const start = process.hrtime.bigint()
  connector.start(t.ctx)
  await new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (t.emitted().length >= matching) {
        clearInterval(check)
        resolve()
      }
    }, 5)
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  await connector.stop()
  await fake.close()
  const result = {
    events: EVENTS,
    columns: 50,
    matching,
    ms: Math.round(ms),
    eventsPerSecond: Math.round(EVENTS / (ms / 1000)),
    profileCalls: fake.profileCalls,
  }
  console.log(
    `jetstream: ${EVENTS} events (${matching} matching 50 columns) in ${result.ms} ms = ${result.eventsPerSecond} events/s; ${result.profileCalls} profile look-ups`,
  )
  writeFileSync(join(out, 'jetstream.json'), JSON.stringify(result, null, 2))
}

void main()
