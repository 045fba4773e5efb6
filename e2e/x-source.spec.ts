// The X source end to end: `earshot serve` with X enabled and its bearer token
// in the environment, pointed at the fake X API (EARSHOT_X_API_BASE). Posts
// streamed for a column's rule appear in that column with their links
// expanded; a column whose rule X refuses says so in its header.
import { test, expect } from '@playwright/test'
import { FakeXApi } from '../test/fakes/x-api'
import { App } from './app'
import type { ServerHandle } from './server'
import { startEarshotWithX } from './x-server'

const BEARER = 'e2e-bearer-7f3a9c0d1e2b'
const REFUSED =
  "Reference to invalid operator 'recall'. Operator is not available in current product or product packaging."

let fake: FakeXApi
let server: ServerHandle | undefined

test.beforeEach(async () => {
  fake = new FakeXApi({ bearerToken: BEARER })
  fake.invalidRules.set('ford recall', [REFUSED])
  await fake.start()
})

test.afterEach(async () => {
  await server?.stop()
  await fake.close()
})

test('X posts reach their column and a refused rule shows on its column', async ({ page }) => {
  server = await startEarshotWithX(fake, { EARSHOT_X_BEARER_TOKEN: BEARER })
  await page.setViewportSize({ width: 2560, height: 1440 })
  await page.goto(server.url)
  const app = new App(page, server)
  await app.waitForColumn('Comcast / Xfinity')
  const stream = await fake.nextStream(true)
  const tagOf = (word: string) => fake.rules.find((r) => r.value.toLowerCase().includes(word))!.tag!.split(',')[0]!

  const users = [
    { id: '101', username: 'denver_dan', name: 'Dan in Denver', public_metrics: { followers_count: 412 } },
    { id: '102', username: 'mia_r', name: 'Mia R.', verified: true, public_metrics: { followers_count: 18_300 } },
    { id: '103', username: 'frequentflyer', name: 'Frequent Flyer', public_metrics: { followers_count: 2_040 } },
  ]
  const post = (id: string, author: string, text: string, extra: object = {}) => ({
    id,
    text,
    author_id: author,
    created_at: new Date().toISOString(),
    lang: 'en',
    edit_history_tweet_ids: [id],
    ...extra,
  })
  stream.keepAlive()
  fake.streamPost(
    post(
      '1880000000000000101',
      '101',
      'Comcast internet down again in Denver, third time this week https://t.co/a1B2c3',
      {
        entities: {
          urls: [
            {
              start: 66,
              end: 89,
              url: 'https://t.co/a1B2c3',
              expanded_url: 'https://downdetector.com/status/comcast-xfinity/',
              display_url: 'downdetector.com/status/comcast…',
            },
          ],
        },
      },
    ),
    users,
    [tagOf('comcast')],
  )
  fake.streamPost(post('1880000000000000102', '102', '@ComcastCares xfinity has been out since 6am, any ETA?'), users, [
    tagOf('comcast'),
  ])
  fake.streamPost(
    post('1880000000000000103', '103', 'JetBlue crew at JFK gate 7 turned a 3 hour delay into a party. Thank you!'),
    users,
    [tagOf('jetblue')],
  )
  await app.parkPointer()
  await app.waitForMentions('Comcast / Xfinity', 2)
  await app.waitForMentions('JetBlue', 1)
  const comcast = app.cards('Comcast / Xfinity')
  await expect(comcast.filter({ hasText: 'third time this week' })).toContainText('downdetector.com')
  await expect(comcast.filter({ hasText: 'any ETA?' })).toContainText('@mia_r')

  await app.addColumn('Ford recalls', 'ford recall')
  const notice = app.column('Ford recalls').getByRole('list', { name: 'Source notices' })
  await expect(notice).toContainText('X refused the rule')
  await expect(notice).toContainText("invalid operator 'recall'")
  // The other columns kept their rules and the stream stayed up.
  expect(fake.streamsOpened()).toBe(1)
  await page.screenshot({ path: 'e2e/artifacts/x-source-2560x1440.png' })
  await app.column('Ford recalls').locator('header').screenshot({ path: 'e2e/artifacts/x-column-notice.png' })
})
