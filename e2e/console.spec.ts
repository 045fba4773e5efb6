// The console as a new user meets it: live demo columns, keyword columns,
// layout that survives a reload, and the token gate.
import WebSocket from 'ws'
import { expect, test } from './app'
import { screenshot } from './screenshot'

const DEMO_COLUMNS = ['Comcast / Xfinity', 'JetBlue', 'Whole Foods', 'Ford']

test('a fresh start shows the four demo columns filling with live mentions', async ({ app }) => {
  await app.parkPointer()
  expect(await app.columnTitles()).toEqual(DEMO_COLUMNS)
  for (const title of DEMO_COLUMNS) await app.waitForMentions(title, 2)
  const first = app.cards('Comcast / Xfinity').first()
  await expect(first).toContainText(/comcast|xfinity/i)
  await expect(first).toContainText('@')
})

test('a keyword column back-fills from the archive, then goes live, showing only matches', async ({ app }) => {
  await app.parkPointer()
  // Let the archive collect some history first.
  await app.waitForMentions('JetBlue', 5)
  await app.addColumn('Oreo and Zappos', 'oreo OR zappos')
  await app.waitForMentions('Oreo and Zappos', 1)
  // Back-filled at once from the archive...
  expect(await app.cards('Oreo and Zappos').count()).toBeGreaterThan(0)
  // ...then live: a newer mention arrives at the top.
  const newest = await app.cards('Oreo and Zappos').first().innerText()
  await expect.poll(() => app.cards('Oreo and Zappos').first().innerText(), { timeout: 30_000 }).not.toBe(newest)
  const texts = await app.cards('Oreo and Zappos').allInnerTexts()
  for (const text of texts) expect(text).toMatch(/oreo|zappos/i)
})

test('reordering columns persists across a reload', async ({ app, page }) => {
  await page.getByRole('button', { name: 'Move Ford left' }).click()
  await expect.poll(() => app.columnTitles()).toEqual(['Comcast / Xfinity', 'JetBlue', 'Ford', 'Whole Foods'])
  await page.reload()
  await app.waitForColumn('Ford')
  await expect.poll(() => app.columnTitles()).toEqual(['Comcast / Xfinity', 'JetBlue', 'Ford', 'Whole Foods'])
})

test('requests and sockets without the token, or from another origin, are refused', async ({ app, playwright }) => {
  const anonymous = await playwright.request.newContext()
  expect((await anonymous.get(`${app.server.origin}/`)).status()).toBe(401)
  expect((await anonymous.get(`${app.server.origin}/?token=wrong`)).status()).toBe(401)
  const crossSite = await anonymous.get(`${app.server.url}`, {
    headers: { Origin: 'http://evil.example' },
    maxRedirects: 0,
  })
  expect(crossSite.status()).toBe(403)
  const withToken = await anonymous.get(app.server.url, { maxRedirects: 0 })
  expect(withToken.status()).toBe(303)
  await anonymous.dispose()

  const wsUrl = `${app.server.origin.replace('http', 'ws')}/ws`
  const attempt = (headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(wsUrl, { headers })
      ws.on('open', () => {
        ws.close()
        resolve(101)
      })
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('error', () => resolve(-1))
    })
  expect(await attempt({})).toBe(401)
  expect(await attempt({ Cookie: `earshot_token=${app.server.token}`, Origin: 'http://evil.example' })).toBe(403)
  expect(await attempt({ Cookie: `earshot_token=${app.server.token}`, Origin: app.server.origin })).toBe(101)
})

test.describe('wall display', () => {
  test.use({ viewport: { width: 2560, height: 1440 } })
  test('renders the console at 2560x1440 (screenshot artifact)', async ({ app, page }, testInfo) => {
    await app.parkPointer()
    for (const title of DEMO_COLUMNS) await app.waitForMentions(title, 3)
    await app.addColumn('Zappos', 'zappos')
    await app.addColumn('Oreo', 'oreo')
    await page.waitForTimeout(2_500)
    const path = await screenshot(page, 'console-2560x1440', { readme: true })
    await testInfo.attach('console-2560x1440', { path, contentType: 'image/png' })
    const boxes = await page.locator('section[role="region"][data-column-id]').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect()
        return { x: r.x, width: r.width, height: r.height }
      }),
    )
    expect(boxes).toHaveLength(6)
    // Side by side, none overlapping, all tall enough to read.
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]!.x).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width - 1)
    for (const b of boxes) expect(b.height).toBeGreaterThan(1000)
  })
})
