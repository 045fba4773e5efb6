// The X source end to end in the real Sources panel, against the fake X API v2
// on 127.0.0.1: the bearer token comes from the server's environment (shown as
// such, never its value); a bad API base is refused with the core's message;
// pointed at the fake and switched on, the column becomes a stream rule and a
// streamed post lands in the column; a typed secret is sent once and cleared,
// and never appears in the page.
import { mkdirSync } from 'node:fs'
import { FakeXApi } from '../test/fakes/x-api'
import { expect, test } from './app'

const BEARER = 'e2e-bearer-token-from-the-environment'
const ARTIFACTS = 'e2e/artifacts'

const fake = new FakeXApi({ bearerToken: BEARER })
// X's own keep-alive cadence on every stream connection.
fake.keepAliveMs = 20_000
test.beforeAll(async () => {
  await fake.start()
})
test.afterAll(async () => fake.close())

test.use({ serverArgs: ['--no-demo'], serverEnv: { EARSHOT_X_BEARER_TOKEN: BEARER } })

test('X: configured in the Sources panel, a streamed post reaches its column', async ({ app, page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await app.addColumn('JetBlue delays', 'jetblue delay')

  await page.getByRole('button', { name: 'Sources' }).click()
  const panel = page.getByRole('dialog', { name: 'Sources' })
  await panel.getByRole('tab', { name: /^X/ }).click()
  const form = panel.getByRole('form', { name: 'X settings' })
  const bearerRow = form.locator('.x-secret').filter({ has: page.getByLabel('Bearer token', { exact: true }) })
  await expect(bearerRow).toContainText('set by environment variable')

  // A bad API base: the core's message, nothing saved.
  await form.getByLabel('API base').fill('ftp://gateway.local')
  await form.getByRole('button', { name: 'Save X settings' }).click()
  await expect(form.getByRole('alert')).toContainText('API base must be an http(s) URL')

  // The replying account's access token is typed once, sent, and cleared.
  const token = 'access-token-typed-in-the-form-123'
  await form.getByLabel('API base').fill(fake.url)
  await form.getByLabel('Replying account').fill('@JetBlue')
  await form.getByLabel('Access token', { exact: true }).fill(token)
  await form.getByRole('button', { name: 'Save X settings' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved')
  await expect(form.getByLabel('Access token', { exact: true })).toHaveValue('')
  const accessRow = form.locator('.x-secret').filter({ has: page.getByLabel('Access token', { exact: true }) })
  await expect(accessRow).toContainText('set for this session')

  await panel.getByRole('switch', { name: 'X on' }).check({ force: true })
  await expect(panel.getByTestId('source-status')).toContainText('Connected')
  // The column became a rule tagged with its id, and the stream is open.
  await expect.poll(() => fake.rules.map((r) => r.value)).toContain('jetblue delay')
  await fake.nextStream(true)
  // Saving the form again leaves the source on: on/off belongs to the switch alone.
  await form.getByLabel('Replying account').fill('JetBlueCares')
  await form.getByRole('button', { name: 'Save X settings' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved')
  await expect(panel.getByRole('switch', { name: 'X on' })).toBeChecked()
  await expect(panel.getByTestId('source-status')).toContainText('Connected')
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: `${ARTIFACTS}/sources-x-2560x1440.png` })
  await page.keyboard.press('Escape')

  const tag = fake.rules.find((r) => r.value === 'jetblue delay')!.tag!
  fake.streamPost(
    {
      id: fake.newId(),
      text: 'Another jetblue delay at JFK, third this week',
      author_id: '42',
      created_at: new Date().toISOString(),
    },
    [{ id: '42', username: 'flyer_fran', name: 'Fran Flyer', public_metrics: { followers_count: 310 } }],
    [tag],
  )
  const card = app.cards('JetBlue delays').first()
  await expect(card).toContainText('Another jetblue delay at JFK', { timeout: 15_000 })
  await expect(card).toContainText('@flyer_fran')
  expect(await page.content()).not.toContain(token)
  expect(await page.content()).not.toContain(BEARER)
})
