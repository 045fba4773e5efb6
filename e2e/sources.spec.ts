// The Sources panel end to end: a fake Jetstream + Bluesky service on
// 127.0.0.1 is configured through the UI (a bad URL first, refused with a
// message on its field), switched on, and its matching posts appear in a
// column with resolved handles; posts no column wants do not. An edited post's
// card shows the new text, marked edited; a deleted post's card goes, and the
// composer open for it says so.
import { mkdirSync } from 'node:fs'
import { FakeFeeds, rss2 } from '../test/fakes/feeds/server'
import { deleteEvent, FakeBluesky, postEvent, updateEvent } from '../test/fakes/jetstream/server'
import { expect, test } from './app'

const ALICE = 'did:plc:alice000000000000000000'
const BOB = 'did:plc:bob00000000000000000000'
const ARTIFACTS = 'e2e/artifacts'

test.use({ serverArgs: ['--no-demo'] })

test('a fake Bluesky configured in the Sources panel feeds a matching column', async ({ app, page }) => {
  const fake = await new FakeBluesky().start()
  try {
    fake.addProfile({ did: ALICE, handle: 'alice.bsky.social', displayName: 'Alice Example', followersCount: 1234 })
    fake.addProfile({ did: BOB, handle: 'bob.example.com', displayName: 'Bob' })
    await page.setViewportSize({ width: 2560, height: 1440 })
    await app.addColumn('Bluesky outages', 'outage source:bluesky')

    await page.getByRole('button', { name: 'Sources' }).click()
    const panel = page.getByRole('dialog', { name: 'Sources' })
    await expect(panel.getByRole('tab')).toHaveText([
      /^X/,
      /^Bluesky/,
      /^Mastodon/,
      /^RSS/,
      /^Hacker News/,
      /^Reddit/,
      /^App Store/,
    ])
    await panel.getByRole('tab', { name: /Bluesky/ }).click()
    const form = panel.getByRole('form', { name: 'Bluesky settings' })
    await form.getByLabel('Jetstream instance').selectOption('custom')
    await form.getByLabel('Custom Jetstream URL').fill(fake.serviceUrl)
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form.getByText('Jetstream must be a ws:// or wss:// URL')).toBeVisible()
    await expect(form.getByLabel('Custom Jetstream URL')).toHaveAttribute('aria-invalid', 'true')

    await form.getByLabel('Custom Jetstream URL').fill(fake.jetstreamUrl)
    await form.getByLabel('Service').fill(fake.serviceUrl)
    await form.getByLabel('Reply account').fill('brand.example.com')
    await form.getByLabel('App password').fill('abcd-efgh-ijkl-mnop')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form.getByText('Saved')).toBeVisible()
    await expect(form.getByText('Set: set here, for this session only.')).toBeVisible()
    await expect(form.getByLabel('App password')).toHaveValue('')

    await panel.getByRole('switch', { name: 'Bluesky on' }).check({ force: true })
    await expect(panel.getByTestId('source-status')).toContainText('Connected')
    await expect(panel.getByTestId('source-status')).toContainText(`127.0.0.1:${fake.port}`)
    await expect.poll(() => fake.clientCount).toBe(1)
    await expect(panel.locator('.secret-store-line')).not.toBeEmpty()
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: `${ARTIFACTS}/sources-bluesky-2560x1440.png` })

    const now = Date.now() * 1000
    const denver = postEvent(ALICE, now, 'Big outage in Denver, nothing loads')
    const noon = postEvent(BOB, now + 2, 'Same outage here since noon')
    fake.push(denver)
    fake.push(postEvent(BOB, now + 1, 'A lovely sunny day'))
    fake.push(noon)
    await page.keyboard.press('Escape')
    await expect(panel).toBeHidden()
    await app.parkPointer()
    await app.waitForMentions('Bluesky outages', 2)
    const cards = app.cards('Bluesky outages')
    await expect(cards).toHaveCount(2)
    await expect(cards.filter({ hasText: 'Big outage in Denver' })).toContainText('@alice.bsky.social')
    await expect(cards.filter({ hasText: 'Big outage in Denver' })).toContainText('Alice Example')
    await expect(cards.filter({ hasText: 'Same outage here' })).toContainText('@bob.example.com')
    await expect(app.column('Bluesky outages')).not.toContainText('sunny day')
    await page.screenshot({ path: `${ARTIFACTS}/sources-column-2560x1440.png` })

    // The author edits a post: the card shows the new text, marked edited.
    fake.push(updateEvent(denver, now + 3, 'Big outage in Denver, fixed by 5pm'))
    const denverCard = cards.filter({ hasText: 'fixed by 5pm' })
    await expect(denverCard).toContainText('edited')
    await expect(app.column('Bluesky outages')).not.toContainText('nothing loads')

    // The author deletes the post being answered: its card goes, the composer says why.
    await page.keyboard.press('5')
    await expect(app.column('Bluesky outages').locator('article[aria-current="true"]')).toContainText('since noon')
    await page.keyboard.press('r')
    const composer = page.getByRole('complementary', { name: 'Reply to @bob.example.com' })
    await expect(composer).toBeVisible()
    fake.push(deleteEvent(noon, now + 4))
    await expect(cards).toHaveCount(1)
    await expect(app.column('Bluesky outages')).not.toContainText('since noon')
    await expect(composer.getByRole('alert')).toHaveText(/The author deleted this post/)
    await expect(composer.getByRole('button', { name: 'Send' })).toBeDisabled()
  } finally {
    await fake.close()
  }
})

test('RSS feeds are added and removed in the panel, with the duplicate refused on its row', async ({ app, page }) => {
  const feeds = await new FakeFeeds().start()
  try {
    feeds.set('/alerts.xml', {
      body: rss2('Alerts', [
        {
          guid: 'a1',
          title: 'Outage reported downtown',
          link: 'https://news.example.com/a1',
          description: '<p>Power <b>outage</b>.</p>',
        },
      ]),
    })
    await page.setViewportSize({ width: 2560, height: 1440 })
    await app.addColumn('Feed outages', 'outage source:rss')
    await page.getByRole('button', { name: 'Sources' }).click()
    const panel = page.getByRole('dialog', { name: 'Sources' })
    await panel.getByRole('tab', { name: /RSS/ }).click()
    const form = panel.getByRole('form', { name: 'RSS settings' })
    await form.getByRole('button', { name: '+ Add feed' }).click()
    await form.getByRole('button', { name: '+ Add feed' }).click()
    await form.getByLabel('Feed 1 URL').fill(feeds.url('/alerts.xml'))
    await form.getByLabel('Feed 1 title').fill('City alerts')
    await form.getByLabel('Feed 2 URL').fill(feeds.url('/alerts.xml'))
    await form.getByLabel('Feed 2 interval in seconds').fill('10')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form.getByText('this feed is already listed')).toBeVisible()
    await expect(form.getByLabel('Feed 2 URL')).toHaveAttribute('aria-invalid', 'true')
    await page.screenshot({ path: `${ARTIFACTS}/sources-rss-errors-2560x1440.png` })
    await form.getByRole('button', { name: 'Remove feed 2' }).click()
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form.getByText('Saved')).toBeVisible()
    await panel.getByRole('switch', { name: 'RSS on' }).check({ force: true })
    await expect(panel.getByTestId('source-status')).toContainText('1 feed polled')
    await page.keyboard.press('Escape')
    await app.parkPointer()
    await app.waitForMentions('Feed outages', 1)
    await expect(app.cards('Feed outages').first()).toContainText('Outage reported downtown')
  } finally {
    await feeds.close()
  }
})
