// Alert delivery against real loopback receivers: an HTTP server that checks
// each webhook's signature the way the README tells a receiver to, a Slack
// stand-in, and an SMTP server (smtp-server, STARTTLS with a certificate made
// for the test, a login) that receives the mail. The clock is the test's, so
// retries and digest windows are stepped through, not waited for.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SMTPServer } from 'smtp-server'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Alert } from '../../../src/shared/contracts/alerts'
import type { Column } from '../../../src/shared/domain'
import type {
  Delivery,
  DestinationEntry,
  DestinationList,
  DestinationSpec,
  TestResult,
} from '../../../src/shared/contracts/delivery'
import { createCore, type Core } from '../../../src/main/core/app/core'
import { backoffMs, inQuietHours, MAX_ATTEMPTS } from '../../../src/main/core/alerts/delivery/service'
import { verifySignature } from '../../../src/main/core/alerts/delivery/sign'
import { SecretStore } from '../../../src/main/core/secrets/secret-store'
import { mentionInput, ok, tempArchive, TEST_CORE, until } from '../../helpers'

interface Received {
  headers: IncomingMessage['headers']
  body: string
}

/** A receiver that answers with the statuses given, in turn (then 200), and keeps what it got. */
async function receiver(statuses: Array<number | [number, Record<string, string>, string?]> = []) {
  const got: Received[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      got.push({ headers: req.headers, body })
      const next = statuses.shift() ?? 200
      const [status, headers, text] = typeof next === 'number' ? [next, {}, ''] : next
      res.writeHead(status, headers)
      res.end(text ?? '')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  return { url: `http://127.0.0.1:${port}/hook`, got, close: () => new Promise<void>((r) => server.close(() => r())) }
}

const SECRET = 'whsec-test-0123456789'
const ROUTES = { kinds: ['spike', 'negative', 'vip'], columns: 'all' } as const
const QUIET_OFF = { enabled: false, from: '22:00', to: '07:00' }

function webhookSpec(url: string, over: Partial<DestinationSpec> = {}): DestinationSpec {
  return {
    kind: 'webhook',
    name: 'Ops webhook',
    enabled: true,
    quietHours: QUIET_OFF,
    routes: { ...ROUTES, kinds: [...ROUTES.kinds] },
    config: { url },
    ...over,
  } as DestinationSpec
}

/** A certificate for 127.0.0.1, made once for the SMTP server's STARTTLS. */
const tls = { key: '', cert: '' }
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-tls-'))
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  )
  tls.key = readFileSync(join(dir, 'key.pem'), 'utf8')
  tls.cert = readFileSync(join(dir, 'cert.pem'), 'utf8')
})

describe('alert delivery', () => {
  let core: Core | undefined
  let clock = Date.UTC(2026, 11, 7, 12, 0, 0)
  const closers: Array<() => Promise<void>> = []

  afterEach(async () => {
    await core?.stop()
    core = undefined
    for (const close of closers.splice(0)) await close()
  })

  function start(extra: Parameters<typeof createCore>[0] extends infer O ? Partial<O> : never = {}): Core {
    clock = Date.UTC(2026, 11, 7, 12, 0, 0)
    core = createCore({ archivePath: tempArchive(), ...TEST_CORE, now: () => clock, deliveryTickMs: 10, ...extra })
    core.start()
    return core
  }

  /** An alert as the detector would store it, for the first demo column, with a mention in its bucket; then delivered. */
  function fire(c: Core, kind: Alert['kind'] = 'spike', text = 'Comcast is down again <script>'): Alert {
    const column = c.store.read.listColumns()[0]!
    const bucket = clock - (clock % 30_000)
    c.ingest.push([mentionInput({ text, createdAt: bucket + 1, url: 'https://x.com/a/status/1' })])
    c.ingest.flush()
    const alert = c.store.write.insertAlert({
      columnId: column.id,
      columnTitle: column.title,
      kind,
      bucket,
      firedAt: clock,
      count: 40,
      baseline: 5,
      observed: 40,
      summary: '40 mentions in 30 s, usually 5',
      mentionId: null,
    })
    c.delivery.enqueue(alert)
    return alert
  }

  const save = async (c: Core, spec: DestinationSpec, secrets?: Record<string, string | null>, id?: string) =>
    ok<DestinationEntry>(
      await c.call('destinations.save', { ...(id ? { id } : {}), spec, ...(secrets ? { secrets } : {}) }),
    )
  const log = async (c: Core) => ok<Delivery[]>(await c.call('deliveries.list', {}))
  const statusOf = async (c: Core, i = 0) =>
    ok<DestinationList>(await c.call('destinations.list', {})).destinations[i]!.status
  async function logged(c: Core, test: (d: Delivery) => boolean, what: string): Promise<Delivery> {
    for (let i = 0; i < 400; i++) {
      const found = (await log(c)).find(test)
      if (found) return found
      await new Promise((r) => setTimeout(r, 10))
    }
    throw new Error(`timed out waiting for ${what}`)
  }
  const verify = (r: Received, secret = SECRET) =>
    verifySignature(
      secret,
      r.headers['x-earshot-timestamp'] as string,
      r.body,
      r.headers['x-earshot-signature'] as string,
      Math.floor(clock / 1000),
    )

  it('signs each webhook so a receiver can verify it, and retries a 5xx with backoff', async () => {
    const hook = await receiver([[500, {}, `upstream broke; echo ${SECRET}`]])
    closers.push(hook.close)
    const c = start()
    const entry = await save(c, webhookSpec(hook.url), { signingSecret: SECRET })
    expect(entry.secrets).toEqual([{ name: 'signingSecret', set: true, origin: 'session' }])
    expect(entry.status.state).toBe('idle')
    expect(JSON.stringify(ok<DestinationList>(await c.call('destinations.list', {})))).not.toContain(SECRET)

    const alert = fire(c)
    const first = await until(() => hook.got[0], 'the first request')
    expect(verify(first)).toBe(true)
    expect(verify(first, 'another-secret')).toBe(false)
    expect(verify({ ...first, body: first.body.replace('40', '41') })).toBe(false)
    const body = JSON.parse(first.body)
    expect(body).toMatchObject({
      type: 'earshot.alert',
      version: 1,
      test: false,
      alert: { id: alert.id, kind: 'spike', title: `Spike in ${alert.columnTitle}`, count: 40, baseline: 5 },
    })
    expect(body.mentions[0]).toMatchObject({ text: 'Comcast is down again <script>', url: 'https://x.com/a/status/1' })

    const retrying = await logged(c, (d) => d.state === 'retrying', 'a retry')
    expect(retrying).toMatchObject({ attempts: 1, status: 500, nextAt: clock + backoffMs(1) })
    expect(retrying.error).toContain('[secret]')
    expect(retrying.error).not.toContain(SECRET)
    expect((await statusOf(c)).state).toBe('failing')

    clock += backoffMs(1)
    await until(() => hook.got.length === 2, 'the retry')
    expect((await logged(c, (d) => d.state === 'sent', 'the retry sent')).attempts).toBe(2)
    expect(hook.got[1]!.headers['x-earshot-delivery']).toBe(first.headers['x-earshot-delivery'])
    expect(await statusOf(c)).toMatchObject({ state: 'ok', lastError: null, pending: 0 })
  })

  it("honours a 429's Retry-After, gives up on other 4xx at once, and after the last attempt", async () => {
    const hook = await receiver([[429, { 'Retry-After': '120' }], 404, ...Array<number>(MAX_ATTEMPTS).fill(503)])
    closers.push(hook.close)
    const c = start()
    await save(c, webhookSpec(hook.url), { signingSecret: SECRET })
    fire(c)
    const limited = await logged(c, (d) => d.state === 'retrying', 'the 429')
    expect(limited).toMatchObject({ status: 429, nextAt: clock + 120_000 })
    clock += 120_000
    const gone = await logged(c, (d) => d.state === 'failed', 'the 404')
    expect(gone).toMatchObject({ status: 404, attempts: 2, nextAt: null })
    expect(gone.error).toMatch(/^HTTP 404/)

    fire(c)
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      await until(() => hook.got.length === 2 + attempt, `attempt ${attempt}`)
      await logged(c, (d) => d.state === 'retrying' && d.attempts === attempt, `retry ${attempt} logged`)
      clock += backoffMs(attempt)
    }
    const last = await logged(c, (d) => d.state === 'failed' && d.status === 503, 'the last attempt')
    expect(last.attempts).toBe(MAX_ATTEMPTS)
    expect(hook.got).toHaveLength(2 + MAX_ATTEMPTS)
  })

  it('holds alerts in quiet hours, refuses a bad address or a missing secret with a clear message', async () => {
    const hook = await receiver()
    closers.push(hook.close)
    const c = start()
    expect(await c.call('destinations.save', { spec: webhookSpec('ftp://example.com/x') })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', issues: [expect.stringMatching(/http:\/\/ or https:\/\//)] },
    })
    expect(await c.call('destinations.save', { spec: webhookSpec('javascript:alert(1)') })).toMatchObject({
      ok: false,
    })
    const local = new Date(clock)
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
    const quiet = {
      enabled: true,
      from: hhmm(new Date(clock - 3_600_000)),
      to: hhmm(new Date(clock + 3_600_000)),
    }
    expect(inQuietHours(quiet, clock)).toBe(true)
    expect(inQuietHours({ enabled: true, from: '23:00', to: '01:00' }, local.setHours(0, 30))).toBe(true)
    expect(inQuietHours({ enabled: true, from: '23:00', to: '01:00' }, local.setHours(12, 0))).toBe(false)
    const entry = await save(c, webhookSpec(hook.url, { quietHours: quiet }), { signingSecret: SECRET })
    fire(c)
    expect(await logged(c, (d) => d.state === 'suppressed', 'a suppressed delivery')).toMatchObject({
      error: expect.stringMatching(/^quiet hours/),
    })
    expect(hook.got).toHaveLength(0)

    // No secret: the destination says it is incomplete and a delivery fails saying why.
    await save(c, webhookSpec(hook.url), { signingSecret: null }, entry.destination.id)
    expect((await statusOf(c)).state).toBe('incomplete')
    fire(c)
    expect(await logged(c, (d) => d.state === 'failed', 'a failed delivery')).toMatchObject({
      error: 'Signing secret is not set',
    })
    expect(hook.got).toHaveLength(0)
    expect(ok<TestResult>(await c.call('destinations.test', { id: entry.destination.id }))).toEqual({
      ok: false,
      status: null,
      message: 'Signing secret is not set',
    })
  })

  it('posts a readable Slack message with the top mentions as links, and a test send says what came back', async () => {
    const slack = await receiver([[403, {}, 'invalid_token']])
    closers.push(slack.close)
    const c = start()
    const spec: DestinationSpec = {
      kind: 'slack',
      name: 'Slack #ops',
      enabled: true,
      quietHours: QUIET_OFF,
      routes: { kinds: ['spike'], columns: 'all' },
      config: {},
    }
    expect(
      await c.call('destinations.save', { spec, secrets: { webhookUrl: 'http://hooks.example/x' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/https/) },
    })
    const entry = await save(c, spec, { webhookUrl: slack.url })
    expect(JSON.stringify(ok<DestinationList>(await c.call('destinations.list', {})))).not.toContain(slack.url)

    const failed = ok<TestResult>(await c.call('destinations.test', { id: entry.destination.id }))
    expect(failed).toEqual({ ok: false, status: 403, message: 'HTTP 403: invalid_token' })
    const passed = ok<TestResult>(await c.call('destinations.test', { id: entry.destination.id }))
    expect(passed).toEqual({ ok: true, status: 200, message: 'Sent (200).' })
    expect(JSON.parse(slack.got[1]!.body).text).toMatch(/^\[Test\] Spike in Test column: /)
    expect((await log(c)).filter((d) => d.test).map((d) => d.state)).toEqual(['sent', 'failed'])

    fire(c, 'spike', 'Comcast <!channel> outage & more')
    fire(c, 'negative')
    const got = await until(() => slack.got[2], 'the Slack message')
    const message = JSON.parse(got.body) as { text: string; blocks: Array<{ type: string; text?: { text: string } }> }
    expect(message.text).toMatch(/^Spike in Comcast \/ Xfinity: 40 mentions/)
    const list = message.blocks.find((b) => b.text?.text.startsWith('•'))!.text!.text
    expect(list).toContain('&lt;!channel&gt; outage &amp; more')
    expect(list).toContain('<https://x.com/a/status/1|open>')
    await new Promise((r) => setTimeout(r, 100))
    expect(slack.got).toHaveLength(3) // the negative surge is not routed to this destination
  })

  it("mails over STARTTLS with a login, and a digest gathers a column's alerts into one mail per window", async () => {
    const mails: Array<{ from: string; to: string[]; data: string }> = []
    const smtp = new SMTPServer({
      key: tls.key,
      cert: tls.cert,
      onAuth(auth, _session, cb) {
        if (auth.username === 'alerts@example.com' && auth.password === 'smtp-pass-123') cb(null, { user: 'alerts' })
        else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
      },
      onData(stream, session, cb) {
        let data = ''
        stream.on('data', (d: Buffer) => (data += d.toString()))
        stream.on('end', () => {
          if (!session.secure) return cb(new Error('not over TLS'))
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          })
          cb()
        })
      },
    })
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r))
    closers.push(() => new Promise<void>((r) => smtp.close(() => r())))
    const port = (smtp.server.address() as { port: number }).port
    const c = start({ mailTls: { ca: tls.cert } })
    const email = (over: Record<string, unknown> = {}): DestinationSpec => ({
      kind: 'email',
      name: 'On-call mail',
      enabled: true,
      quietHours: QUIET_OFF,
      routes: { kinds: ['spike', 'negative'], columns: 'all' },
      config: {
        host: '127.0.0.1',
        port,
        security: 'starttls',
        username: 'alerts@example.com',
        from: 'alerts@example.com',
        to: ['oncall@example.com', 'lead@example.com'],
        digestMinutes: 10,
        ...over,
      },
    })
    const wrong = await save(c, email(), { password: 'not-it' })
    expect(ok<TestResult>(await c.call('destinations.test', { id: wrong.destination.id }))).toMatchObject({
      ok: false,
      message: 'the SMTP server refused the login',
    })
    ok(await c.call('destinations.remove', { id: wrong.destination.id }))
    await save(c, email(), { password: 'smtp-pass-123' })

    fire(c, 'spike')
    await until(() => mails[0], 'the first mail')
    expect(mails[0]!.to).toEqual(['oncall@example.com', 'lead@example.com'])
    expect(mails[0]!.data).toMatch(/Subject: \[Earshot\] Spike in Comcast \/ Xfinity/)
    const sentAt = clock
    clock += 60_000
    fire(c, 'negative')
    clock += 60_000
    fire(c, 'spike')
    const waiting = await logged(c, (d) => d.state === 'pending' && !d.test, 'a held digest')
    expect(waiting.nextAt).toBe(sentAt + 10 * 60_000)
    await new Promise((r) => setTimeout(r, 100))
    expect(mails).toHaveLength(1)
    clock = sentAt + 10 * 60_000
    await until(() => mails[1], 'the digest')
    expect(mails[1]!.data).toMatch(/Subject: \[Earshot\] 2 alerts in Comcast \/ Xfinity/)
    expect(mails[1]!.data).toContain('Negative surge in Comcast / Xfinity')
    await new Promise((r) => setTimeout(r, 100))
    expect(mails).toHaveLength(2)
    expect((await log(c)).filter((d) => !d.test).map((d) => d.state)).toEqual(['sent', 'sent', 'sent'])
    expect(JSON.stringify(await log(c))).not.toContain('smtp-pass-123')
  })

  it('an unreachable SMTP host is a failing destination with the reason, retried later', async () => {
    const c = start()
    const closed = await receiver()
    await closed.close() // a port nothing listens on
    await save(c, {
      kind: 'email',
      name: 'Nowhere',
      enabled: true,
      quietHours: QUIET_OFF,
      routes: { kinds: ['spike'], columns: 'all' },
      config: {
        host: '127.0.0.1',
        port: Number(new URL(closed.url).port),
        security: 'none',
        username: '',
        from: 'a@example.com',
        to: ['b@example.com'],
        digestMinutes: 0,
      },
    })
    fire(c)
    const retry = await logged(c, (d) => d.state === 'retrying', 'the retry')
    expect(retry.error).toMatch(/could not connect \(ECONNREFUSED\)/)
    expect(await statusOf(c)).toMatchObject({ state: 'failing', pending: 1 })
  })

  it('takes a destination secret from the credentials file (a headless capture host keeps it across restarts)', async () => {
    const hook = await receiver()
    closers.push(hook.close)
    const dir = mkdtempSync(join(tmpdir(), 'earshot-cred-'))
    const file = join(dir, 'credentials.json')
    writeFileSync(file, JSON.stringify({ 'alert:Ops webhook': { signingSecret: SECRET } }), { mode: 0o600 })
    const c = start({ secrets: new SecretStore({ env: {}, credentialsFile: file }) })
    const entry = await save(c, webhookSpec(hook.url))
    expect(entry.secrets).toEqual([{ name: 'signingSecret', set: true, origin: 'file' }])
    expect(entry.status.state).toBe('idle')
    fire(c)
    const got = await until(() => hook.got[0], 'the delivery')
    expect(verify(got)).toBe(true)
  })

  it('delivers a VIP mention the column query and its VIP query both match, end to end through the core', async () => {
    const hook = await receiver()
    closers.push(hook.close)
    const c = start()
    const column = ok<Column>(await c.call('columns.create', { title: 'Outage', query: 'outage' }))
    expect(await c.call('alerts.configure', { columnId: column.id, vipQuery: 'min_followers:' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/^invalid VIP query/) },
    })
    ok(await c.call('alerts.configure', { columnId: column.id, vipQuery: 'min_followers:10000' }))
    await save(c, webhookSpec(hook.url, { routes: { kinds: ['vip'], columns: [column.id] } }), {
      signingSecret: SECRET,
    })
    c.ingest.push([
      mentionInput({
        text: 'small account: outage here',
        author: { handle: 'small', name: 'S', followers: 10, avatarUrl: null, verified: false },
      }),
      mentionInput({
        text: 'Big outage at the airport',
        author: { handle: 'bignews', name: 'Big News', followers: 250_000, avatarUrl: null, verified: true },
      }),
      mentionInput({
        text: 'unrelated but famous',
        author: { handle: 'famous', name: 'F', followers: 900_000, avatarUrl: null, verified: true },
      }),
    ])
    c.ingest.flush()
    const got = await until(() => hook.got[0], 'the VIP webhook')
    const body = JSON.parse(got.body)
    expect(body.alert).toMatchObject({ kind: 'vip', title: 'VIP mention in Outage', column: { id: column.id } })
    expect(body.alert.summary).toMatch(/^@bignews \(250,000 followers\): Big outage at the airport/)
    expect(body.mentions.map((m: { author: { handle: string } }) => m.author.handle)).toEqual(['bignews'])
    await new Promise((r) => setTimeout(r, 100))
    expect(hook.got).toHaveLength(1)
  })
})
