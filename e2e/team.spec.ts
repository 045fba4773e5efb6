// Team mode end to end: one PostgreSQL archive, a capture process streaming
// from a fake X API, and two console servers, each with operators signed in
// from their own browser context. A marks done and assigns, B sees it (read state stays each one's); both
// open the composer on one mention and each sees the other on it; both press
// Send and one reply reaches X; an analyst has no Reply and the core refuses
// the command anyway.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { openStore } from '../src/main/core/store'
import { DEFAULT_X } from '../src/shared/sources/x'
import { FakeXApi } from '../test/fakes/x-api'
import { freshDatabase, type TestDatabase } from '../test/pg/database'
import { CLI, startEarshot, type ServerHandle } from './server'

const BEARER = 'e2e-bearer-team-5a1b'
const ACCOUNT = {
  id: '1500000000000000009',
  username: 'ComcastCares',
  appKey: 'e2e-team-app-key',
  appSecret: 'e2e-team-app-secret',
  accessToken: '1500000000000000009-e2eTeamToken',
  accessSecret: 'e2e-team-access-secret',
}
const REPLY_ENV = {
  EARSHOT_X_APP_KEY: ACCOUNT.appKey,
  EARSHOT_X_APP_SECRET: ACCOUNT.appSecret,
  EARSHOT_X_ACCESS_TOKEN: ACCOUNT.accessToken,
  EARSHOT_X_ACCESS_SECRET: ACCOUNT.accessSecret,
}
// The archive's bridge thread, as the built CLI runs it.
process.env['EARSHOT_PG_BRIDGE'] ??= resolve(__dirname, '..', 'out', 'main', 'pg-bridge.js')

let database: TestDatabase
let fake: FakeXApi
let capture: ChildProcess | undefined
const servers: ServerHandle[] = []

test.afterEach(async () => {
  capture?.kill('SIGTERM')
  for (const s of servers.splice(0)) await s.stop()
  await fake?.close()
  await database?.drop()
})

function addOperator(url: string, name: string, role: string): string {
  const r = spawnSync(process.execPath, [CLI, 'operators', 'add', name, '--role', role, '--db', url], {
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`operators add ${name} failed: ${r.stderr}`)
  return r.stdout.trim()
}

async function signIn(browser: Browser, server: ServerHandle, name: string, secret: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
  const page = await context.newPage()
  await page.goto(server.url)
  await expect(page.getByRole('heading', { name: 'Sign in to Earshot' })).toBeVisible()
  await page.getByLabel('Operator').fill(name)
  await page.getByLabel('Secret').fill(secret)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: new RegExp(`Signed in as ${name}`) })).toBeVisible()
  return page
}

test('two operators on two consoles share one PostgreSQL archive live, and one reply goes out', async ({ browser }) => {
  test.setTimeout(120_000)
  database = await freshDatabase()
  const url = database.url
  fake = new FakeXApi({ bearerToken: BEARER, user: ACCOUNT })
  await fake.start()

  // The admin's set-up: the X source on, replying as the brand's account; three operators.
  const store = openStore(url)
  store.write.saveSourceConfig(
    'x',
    { ...DEFAULT_X, enabled: true, mode: 'stream', account: ACCOUNT.username },
    Date.now(),
  )
  store.close()
  const dana = addOperator(url, 'Dana', 'operator')
  const lee = addOperator(url, 'Lee', 'operator')
  const ana = addOperator(url, 'Ana', 'analyst')

  // The capture host streams (the bearer token is only there); the consoles can reply (user tokens only).
  let captureOut = ''
  capture = spawn(process.execPath, [CLI, 'capture', '--db', url], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EARSHOT_X_BEARER_TOKEN: BEARER, EARSHOT_X_API_BASE: fake.url },
  })
  capture.stdout!.on('data', (d: Buffer) => (captureOut += d.toString()))
  capture.stderr!.on('data', (d: Buffer) => (captureOut += d.toString()))
  const stream = await fake.nextStream(true)
  stream.keepAlive()

  const env = { ...REPLY_ENV, EARSHOT_X_API_BASE: fake.url }
  servers.push(await startEarshot(['--no-demo'], url, env), await startEarshot(['--no-demo'], url, env))
  const [one, two] = servers as [ServerHandle, ServerHandle]
  expect(one.output()).not.toContain(new URL(url).password)

  const a = await signIn(browser, one, 'Dana', dana)
  const b = await signIn(browser, two, 'Lee', lee)

  const tag = fake.rules.find((r) => r.value.toLowerCase().includes('comcast'))!.tag!.split(',')[0]!
  const users = [{ id: '301', username: 'denver_dan', name: 'Dan in Denver', public_metrics: { followers_count: 412 } }]
  fake.streamPost(
    {
      id: '1880000000000000301',
      text: '@ComcastCares xfinity down in Denver since 6am, any ETA?',
      author_id: '301',
      created_at: new Date().toISOString(),
      lang: 'en',
      edit_history_tweet_ids: ['1880000000000000301'],
    },
    users,
    [tag],
  )
  // Captured by the capture host, live in both consoles.
  const cardIn = (page: Page) =>
    page.getByRole('region', { name: /Comcast \/ Xfinity/ }).locator('article', { hasText: 'since 6am, any ETA' })
  await expect(cardIn(a))
    .toBeVisible()
    .catch((err: unknown) => {
      throw new Error(`${String(err)}\ncapture:\n${captureOut}\nconsole:\n${one.output()}`)
    })
  await expect(cardIn(b)).toBeVisible()

  // Dana marks it done and assigns it; Lee's console shows both.
  await cardIn(a).click()
  await a.keyboard.press('e')
  await a.keyboard.press('a')
  await a.keyboard.type('Dana')
  await a.keyboard.press('Enter')
  await expect(cardIn(a).getByText('@Dana', { exact: true })).toBeVisible()
  await expect(cardIn(b)).toHaveClass(/card--done/)
  await expect(cardIn(b).getByText('@Dana', { exact: true })).toBeVisible()
  // Read state is each operator's own: Dana read it by selecting it; for Lee it is still unread.
  await expect(cardIn(a)).not.toHaveClass(/card--unread/)
  await expect(cardIn(b)).toHaveClass(/card--unread/)

  // Both open the composer on it: each sees the other on it.
  await a.keyboard.press('r')
  await cardIn(b).hover()
  await cardIn(b).getByRole('button', { name: 'Reply' }).click()
  const composerA = a.getByRole('complementary', { name: 'Reply to @denver_dan' })
  const composerB = b.getByRole('complementary', { name: 'Reply to @denver_dan' })
  await expect(composerB.getByText('Dana is replying to this too')).toBeVisible()
  await expect(composerA.getByText('Lee is replying to this too')).toBeVisible()

  // Both press Send: one reply reaches X; the second is told the mention was answered.
  await composerA.getByRole('textbox', { name: 'Reply text' }).fill('Hi Dan, a crew is on it — ETA 2 pm.')
  await composerB.getByRole('textbox', { name: 'Reply text' }).fill('Hi Dan, checking now.')
  await composerA.getByRole('button', { name: 'Send' }).click()
  await composerB.getByRole('button', { name: 'Send' }).click()
  await expect(composerB.getByText(/already answered/)).toBeVisible()
  await expect(composerB.getByRole('button', { name: 'Send again' })).toBeVisible()
  await expect.poll(() => fake.posted.map((p) => p.text)).toEqual(['Hi Dan, a crew is on it — ETA 2 pm.'])
  await expect(composerA.getByText('✓ Reply sent').first()).toBeVisible()
  await expect(cardIn(b).getByText('✓ Reply sent')).toBeVisible()

  // The analyst: no Reply on the card, r does not open the composer, and the core refuses the command anyway.
  const c = await signIn(browser, one, 'Ana', ana)
  await cardIn(c).hover()
  await expect(cardIn(c).getByText('@Dana', { exact: true })).toBeVisible()
  await expect(cardIn(c).getByRole('button', { name: 'Reply' })).toHaveCount(0)
  await cardIn(c).click()
  await c.keyboard.press('r')
  await expect(c.getByText('Replying needs an operator or admin role')).toBeVisible()
  await expect(c.getByRole('complementary', { name: /^Reply to/ })).toHaveCount(0)
  const mentionId = Number(await cardIn(c).getAttribute('data-mention-id'))
  // A page script of its own (a string: e2e code is type-checked without the DOM's types): a second socket
  // resumes Ana's sign-in and sends the command the UI never offered her.
  const refused = (await c.evaluate(`(async () => {
    const ws = new WebSocket('ws://' + location.host + '/ws')
    await new Promise((r) => ws.addEventListener('open', r, { once: true }))
    const call = (n, name, input) => new Promise((done) => {
      const on = (e) => {
        const frame = JSON.parse(String(e.data))
        if (frame.t === 'reply' && frame.id === n) { ws.removeEventListener('message', on); done(frame.reply) }
      }
      ws.addEventListener('message', on)
      ws.send(JSON.stringify({ t: 'cmd', id: n, name, input }))
    })
    await call(1, 'session.resume', { resume: sessionStorage.getItem('earshot.resume') })
    const reply = await call(2, 'replies.send', { key: 'e2e-analyst-key-01', mentionId: ${mentionId}, text: 'not allowed' })
    ws.close()
    return reply
  })()`)) as unknown
  expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Ana is an analyst/) } })
  expect(fake.posted).toHaveLength(1)
  expect(captureOut).not.toContain(new URL(url).password)
})
