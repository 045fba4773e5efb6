// The composer on an X mention (the fake X API behind the X source): X lets
// apps reply only to posts that summon the account, so for any other post the
// composer says why, disables Send, and offers "Quote instead" and "Open on X";
// a post that mentions the account can be answered directly. Counting is X's.
import { expect, test } from '@playwright/test'
import { FakeXApi } from '../test/fakes/x-api'
import { App } from './app'
import type { ServerHandle } from './server'
import { startEarshotWithX } from './x-server'

const BEARER = 'e2e-bearer-composer-0c1d'

let fake: FakeXApi
let server: ServerHandle | undefined

test.beforeEach(async () => {
  fake = new FakeXApi({ bearerToken: BEARER })
  await fake.start()
})

test.afterEach(async () => {
  await server?.stop()
  await fake.close()
})

test('an X post that does not summon the account offers a quote or opening it on X', async ({ page }) => {
  // The bearer token streams; the four OAuth 1.0a user tokens make replies possible at all.
  server = await startEarshotWithX(fake, {
    EARSHOT_X_BEARER_TOKEN: BEARER,
    EARSHOT_X_APP_KEY: 'e2e-app-key',
    EARSHOT_X_APP_SECRET: 'e2e-app-secret',
    EARSHOT_X_ACCESS_TOKEN: 'e2e-access-token',
    EARSHOT_X_ACCESS_SECRET: 'e2e-access-secret',
  })
  await page.goto(server.url)
  const app = new App(page, server)
  await app.waitForColumn('Comcast / Xfinity')
  const stream = await fake.nextStream(true)
  const tag = fake.rules.find((r) => r.value.toLowerCase().includes('comcast'))!.tag!.split(',')[0]!
  const users = [
    { id: '201', username: 'denver_dan', name: 'Dan in Denver', public_metrics: { followers_count: 412 } },
    { id: '202', username: 'mia_r', name: 'Mia R.', public_metrics: { followers_count: 1_830 } },
  ]
  const post = (id: string, author: string, text: string) => ({
    id,
    text,
    author_id: author,
    created_at: new Date().toISOString(),
    lang: 'en',
    edit_history_tweet_ids: [id],
  })
  stream.keepAlive()
  fake.streamPost(post('1880000000000000201', '201', 'Comcast internet down again in Denver'), users, [tag])
  fake.streamPost(post('1880000000000000202', '202', '@ComcastCares xfinity out since 6am, any ETA?'), users, [tag])
  await app.parkPointer()
  await app.waitForMentions('Comcast / Xfinity', 2)
  const column = app.column('Comcast / Xfinity')

  await column.locator('article', { hasText: 'internet down again in Denver' }).click()
  await page.keyboard.press('r')
  const composer = page.getByRole('complementary', { name: 'Reply to @denver_dan' })
  await expect(composer.getByRole('status').filter({ hasText: 'X lets apps reply only to posts' })).toBeVisible()
  await expect(composer.getByRole('link', { name: 'Open on X' })).toHaveAttribute('href', /1880000000000000201/)
  await page.keyboard.type('We hear you, Dan — 你好 https://example.com/status')
  // X counts the URL as 23 and each CJK character as 2.
  await expect(composer.getByText('47 / 280')).toBeVisible()
  await expect(composer.getByRole('button', { name: 'Send' })).toBeDisabled()
  await composer.getByRole('button', { name: 'Quote instead' }).click()
  await expect(composer.getByRole('heading', { name: 'Quote @denver_dan' })).toBeVisible()
  await expect(composer.getByRole('button', { name: 'Quote', exact: true })).toBeEnabled()
  await page.keyboard.press('Escape')
  await expect(composer).toBeHidden()

  // A post that mentions the account can be answered directly.
  await column.locator('article', { hasText: 'any ETA' }).click()
  await page.keyboard.press('r')
  const direct = page.getByRole('complementary', { name: 'Reply to @mia_r' })
  await expect(direct.getByText(/From @ComcastCares on X/)).toBeVisible()
  await page.keyboard.type('Hi Mia, checking now.')
  await expect(direct.getByRole('button', { name: 'Send' })).toBeEnabled()
  await expect(direct.getByText('X lets apps reply only')).toHaveCount(0)
})
