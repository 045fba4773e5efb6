// "Collapse reposts" from the column menu: the demo stream's reposts leave
// the column and show as counts on their originals; turning it off brings
// them back.
import { expect, test } from './app'

test.use({ serverArgs: ['--demo-rate', '200', '--demo-seed', '7'] })

test('a column collapses reposts into counts on the originals', async ({ app, page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await app.parkPointer()
  await app.waitForMentions('JetBlue', 8)
  const reposts = app.cards('JetBlue').locator('.card-kind', { hasText: 'Repost' })
  await expect.poll(() => reposts.count(), { timeout: 30_000 }).toBeGreaterThan(0)

  await page.getByRole('button', { name: 'Column menu for JetBlue' }).click()
  await page.getByRole('menuitemcheckbox', { name: 'Collapse reposts' }).click()
  await app.parkPointer()
  await expect.poll(() => app.cards('JetBlue').locator('.card-reposts').count(), { timeout: 30_000 }).toBeGreaterThan(0)
  await expect(reposts).toHaveCount(0)
  await expect(app.cards('JetBlue').locator('.card-reposts').first()).toHaveText(/\d+ reposts?/)
  await app.column('JetBlue').screenshot({ path: 'e2e/artifacts/reposts-collapsed-column.png' })

  await page.getByRole('button', { name: 'Column menu for JetBlue' }).click()
  await expect(page.getByRole('menuitemcheckbox', { name: 'Collapse reposts' })).toHaveAttribute('aria-checked', 'true')
  await page.getByRole('menuitemcheckbox', { name: 'Collapse reposts' }).click()
  await app.parkPointer()
  await expect.poll(() => reposts.count(), { timeout: 30_000 }).toBeGreaterThan(0)
})
