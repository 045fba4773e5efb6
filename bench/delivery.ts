// Alert delivery benchmark. (1) Throughput: 1,000 alerts queued for a signed
// webhook on 127.0.0.1 that answers at once; deliveries/s until the last is
// logged as sent. (2) Capture is never slowed: the same 100,000 mentions
// ingested into a core with no destination, and into one whose every column
// has a VIP query matching one mention in a hundred, each VIP alert going to a
// receiver that takes 2 s to answer and then fails with 503 (so deliveries
// pile up and retry); mentions/s of both and the longest event-loop stall.
// Results go to bench/results/delivery.json.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createCore, type Core } from '../src/main/core/app/core'
import type { Alert } from '../src/shared/contracts/alerts'
import type { MentionInput } from '../src/shared/domain'
import { tempArchive } from '../test/helpers'

const MENTIONS = Number(process.env.BENCH_DELIVERY_MENTIONS ?? 100_000)
const ALERTS = 1_000
const out = join(__dirname, '..', '..', 'bench', 'results')
mkdirSync(out, { recursive: true })

async function receiver(delayMs: number, status: number) {
  let got = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      got++
      setTimeout(() => {
        res.writeHead(status)
        res.end()
      }, delayMs)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`,
    got: () => got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

const spec = (url: string) =>
  ({
    kind: 'webhook',
    name: 'bench',
    enabled: true,
    quietHours: { enabled: false, from: '22:00', to: '07:00' },
    routes: { kinds: ['spike', 'negative', 'vip'], columns: 'all' },
    config: { url },
  }) as const

function mention(i: number): MentionInput {
  const famous = i % 100 === 0
  return {
    source: 'demo',
    externalId: `bench-${i}`,
    url: null,
    createdAt: Date.now() - (MENTIONS - i),
    author: {
      handle: `user${i % 500}`,
      name: 'U',
      followers: famous ? 500_000 : 120,
      avatarUrl: null,
      verified: false,
    },
    text: `Comcast outage again in Denver, day ${i % 7}`,
    lang: 'en',
    kind: 'post',
    refId: null,
    hasMedia: false,
  }
}

async function ingestRate(core: Core): Promise<{ perSecond: number; maxStallMs: number }> {
  const stall = monitorEventLoopDelay({ resolution: 10 })
  stall.enable()
  const t0 = performance.now()
  for (let i = 0; i < MENTIONS; i += 1_000) {
    core.ingest.push(Array.from({ length: 1_000 }, (_, j) => mention(i + j)))
    // Let the timers (deliveries, ticks) run between batches, as a live stream would.
    await new Promise((r) => setImmediate(r))
  }
  core.ingest.flush()
  await core.ingest.close()
  const seconds = (performance.now() - t0) / 1000
  stall.disable()
  return { perSecond: Math.round(MENTIONS / seconds), maxStallMs: Math.round(stall.max / 1e6) }
}

async function main(): Promise<void> {
  // (1) Throughput to a fast receiver.
  const fast = await receiver(0, 200)
  const a = createCore({
    archivePath: tempArchive(),
    mode: 'browser',
    version: 'bench',
    demo: { enabled: false },
    deliveryTickMs: 20,
  })
  a.start()
  ok(await a.call('destinations.save', { spec: spec(fast.url), secrets: { signingSecret: 'bench-secret' } }))
  const column = a.store.read.listColumns()[0]!
  const t0 = performance.now()
  for (let i = 0; i < ALERTS; i++) {
    const alert: Alert = a.store.write.insertAlert({
      columnId: column.id,
      columnTitle: column.title,
      kind: 'spike',
      bucket: Date.now(),
      firedAt: Date.now(),
      count: 40,
      baseline: 5,
      observed: 40,
      summary: `bench alert ${i}`,
      mentionId: null,
    })
    a.delivery.enqueue(alert)
  }
  while (a.store.read.listDeliveries(null, 1)[0]?.state !== 'sent' || fast.got() < ALERTS)
    await new Promise((r) => setTimeout(r, 20))
  const deliverySeconds = (performance.now() - t0) / 1000
  await a.stop()
  await fast.close()

  // (2) Capture with and without a slow, failing destination taking VIP alerts.
  const plain = createCore({ archivePath: tempArchive(), mode: 'browser', version: 'bench', demo: { enabled: false } })
  plain.start()
  const without = await ingestRate(plain)
  await plain.stop()

  const slow = await receiver(2_000, 503)
  const busy = createCore({
    archivePath: tempArchive(),
    mode: 'browser',
    version: 'bench',
    demo: { enabled: false },
    deliveryTickMs: 100,
  })
  busy.start()
  ok(await busy.call('destinations.save', { spec: spec(slow.url), secrets: { signingSecret: 'bench-secret' } }))
  for (const c of busy.store.read.listColumns())
    ok(await busy.call('alerts.configure', { columnId: c.id, vipQuery: 'min_followers:100000' }))
  const withSlow = await ingestRate(busy)
  const vipAlerts = busy.store.read.listAlerts(null, 100_000).filter((x) => x.kind === 'vip').length
  await busy.stop()
  await slow.close()

  const result = {
    deliveries: {
      alerts: ALERTS,
      seconds: Number(deliverySeconds.toFixed(2)),
      perSecond: Math.round(ALERTS / deliverySeconds),
    },
    ingest: {
      mentions: MENTIONS,
      withoutDestinations: without,
      withSlowFailingDestination: { ...withSlow, vipAlerts },
      ratio: Number((withSlow.perSecond / without.perSecond).toFixed(3)),
    },
    node: process.version,
  }
  console.log(
    `alert delivery: ${ALERTS} signed webhooks to loopback in ${result.deliveries.seconds} s (${result.deliveries.perSecond}/s)`,
  )
  console.log(
    `ingest ${MENTIONS.toLocaleString('en-US')} mentions: ${without.perSecond.toLocaleString('en-US')}/s without destinations (longest stall ${without.maxStallMs} ms); ` +
      `${withSlow.perSecond.toLocaleString('en-US')}/s with ${vipAlerts} VIP alerts going to a receiver that answers 503 after 2 s (longest stall ${withSlow.maxStallMs} ms); ratio ${result.ingest.ratio}`,
  )
  writeFileSync(join(out, 'delivery.json'), JSON.stringify(result, null, 2))
}

function ok(reply: { ok: boolean }): void {
  if (!reply.ok) throw new Error(`bench setup failed: ${JSON.stringify(reply)}`)
}

void main()
