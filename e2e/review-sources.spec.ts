// App Store reviews and Hacker News through the Sources panel, against fakes
// of Apple's reviews feed and Algolia's HN search on loopback: a bad app id is
// refused at its field; the saved app's one- and two-star reviews land in a
// `rating:<=2` column with their stars on the card; Hacker News stories land
// in a keyword column, linked to their item.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { App } from './app'
import { startEarshot } from './server'
import { FakeAppStore, review } from '../test/fakes/appstore/server'
import { FakeHackerNews, story } from '../test/fakes/hn/server'

const ARTIFACTS = join(__dirname, 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

base('App Store reviews with their stars in a rating column, and Hacker News stories', async ({ page }) => {
  const apple = await new FakeAppStore().start()
  const hn = await new FakeHackerNews().start()
  apple.add(
    '284882215',
    'us',
    review('900', 30, 1, 'Crashes on launch', 'Since 5.2 the app crashes every time I open it'),
    review('901', 20, 2, 'Slow', 'Takes a minute to load the feed'),
    review('902', 10, 5, 'Love it', 'Best app ever'),
  )
  hn.add(story(4242, Math.floor(Date.now() / 1000) - 60, 'Comcast announces 2 Gbps fiber in Denver'))
  const server = await startEarshot(['--no-demo'], undefined, {
    EARSHOT_APPSTORE_API: apple.origin,
    EARSHOT_HN_API: hn.origin,
  })
  try {
    await page.goto(server.url)
    const app = new App(page, server)
    await page.setViewportSize({ width: 2560, height: 1440 })
    await app.addColumn('Bad reviews', 'source:appstore rating:<=2')
    await app.addColumn('HN', 'comcast source:hackernews')

    await page.getByRole('button', { name: 'Sources' }).click()
    const panel = page.getByRole('dialog', { name: 'Sources' })
    await panel.getByRole('tab', { name: /App Store/ }).click()
    const form = panel.getByRole('form', { name: 'App Store settings' })
    await form.getByRole('button', { name: '+ Add app' }).click()
    await form.getByLabel('App 1 id').fill('facebook')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form.getByText(/the app id: the digits after “id”/)).toBeVisible()
    await form.getByLabel('App 1 id').fill('284882215')
    await form.getByLabel('App 1 name').fill('Facebook')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect(form.getByText('Saved')).toBeVisible()
    await panel.getByRole('switch', { name: 'App Store on' }).check({ force: true })
    await expect(panel.getByTestId('source-status')).toContainText('1 app review feed read')

    await panel.getByRole('tab', { name: /Hacker News/ }).click()
    await panel.getByRole('switch', { name: 'Hacker News on' }).check({ force: true })
    await expect(panel.getByTestId('source-status')).toContainText(/\d+ keywords searched every 60 s/)
    await page.keyboard.press('Escape')

    await app.parkPointer()
    const bad = app.cards('Bad reviews')
    await expect(bad).toHaveCount(2)
    await expect(bad.first().getByRole('img', { name: '2 of 5 stars' })).toBeVisible()
    await expect(bad.nth(1).getByRole('img', { name: '1 of 5 stars' })).toBeVisible()
    await expect(bad.nth(1)).toContainText('Crashes on launch')
    await expect(bad.first()).not.toContainText('followers')
    const hnCard = app.cards('HN').first()
    await expect(hnCard).toContainText('Comcast announces 2 Gbps fiber in Denver')
    await expect(hnCard.getByText('HN', { exact: true })).toBeVisible()
    await page.screenshot({ path: join(ARTIFACTS, 'review-sources-2560x1440.png') })
  } finally {
    await server.stop()
    await apple.close()
    await hn.close()
  }
})
