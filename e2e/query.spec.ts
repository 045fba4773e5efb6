// The query language in the UI: a boolean column query validated live and
// filtering its column, errors with their position (Add disabled), the
// cheat sheet, and archive search (order, date range, "Show in context").
import type { Locator } from '@playwright/test'
import { expect, test } from './app'
import { QUERY_CHEATSHEET } from '../src/shared/query/cheatsheet'

/** Each card's visible text plus its links' full addresses (the card shortens links). */
function cardTexts(cards: Locator): Promise<string[]> {
  return cards.evaluateAll((els) =>
    els.map((el) => {
      const links = [...el.querySelectorAll('a[title]')].map((a) => a.getAttribute('title') ?? '')
      return `${el.textContent ?? ''} ${links.join(' ')}`
    }),
  )
}

test('a boolean query column shows only matching mentions, and no reposts', async ({ app, page }) => {
  await app.parkPointer()
  await app.waitForMentions('JetBlue', 5)
  await page.getByRole('button', { name: 'Add column' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add column' })
  await dialog.getByLabel('Title').fill('JetBlue or Oreo')
  await dialog.getByLabel('Query', { exact: true }).fill('(jetblue OR oreo) -is:repost')
  await expect(dialog.getByText(/archived mentions? match/)).toBeVisible()
  await expect(dialog.locator('.query-description')).toContainText('jetblue')
  await expect(dialog.locator('.query-x-rule')).toContainText('jetblue')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toBeHidden()
  await app.waitForMentions('JetBlue or Oreo', 3)
  const cards = app.cards('JetBlue or Oreo')
  for (const text of await cardTexts(cards)) expect(text).toMatch(/jetblue|oreo/i)
  await expect(cards.locator('.card-kind', { hasText: 'Repost' })).toHaveCount(0)
})

test('an invalid query shows where the error is and disables Add', async ({ app, page }) => {
  await app.waitForColumn('JetBlue')
  await page.getByRole('button', { name: 'Add column' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add column' })
  await dialog.getByLabel('Title').fill('Broken')
  const query = dialog.getByLabel('Query', { exact: true })
  await query.fill('(jetblue')
  await expect(dialog.getByText(/at column 1\b/)).toBeVisible()
  await expect(query).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.locator('.query-marker mark')).toHaveText('(')
  await expect(dialog.getByRole('button', { name: 'Add', exact: true })).toBeDisabled()
  // Fixing it enables Add again.
  await query.fill('(jetblue)')
  await expect(dialog.getByText(/archived mentions? match/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Add', exact: true })).toBeEnabled()
})

test('the cheat sheet opens from ? and inserts examples', async ({ app, page }) => {
  await app.waitForColumn('JetBlue')
  await page.getByRole('button', { name: 'Add column' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Add column' })
  const query = dialog.getByLabel('Query', { exact: true })
  await query.focus()
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Query cheat sheet' })
  await expect(sheet).toBeVisible()
  // A header row plus one row per documented operator.
  await expect(sheet.getByRole('row')).toHaveCount(QUERY_CHEATSHEET.length + 1)
  await sheet.getByRole('button', { name: 'oreo -is:repost' }).click()
  await expect(sheet).toBeHidden()
  await expect(query).toHaveValue('oreo -is:repost')
  await dialog.getByRole('button', { name: 'Query cheat sheet' }).click()
  await expect(sheet).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
  await expect(dialog).toBeVisible()
})

test('archive search: matches, order by followers, date range and context', async ({ app, page }) => {
  await app.parkPointer()
  await app.waitForMentions('Comcast / Xfinity', 10)
  await page.keyboard.press('/')
  const search = page.getByRole('dialog', { name: 'Archive search' })
  await expect(search).toBeVisible()
  await search.getByLabel('Search query').fill('comcast sentiment:negative')
  const results = search.getByRole('region', { name: 'Search results' })
  const cards = results.locator('article')
  await expect.poll(() => cards.count()).toBeGreaterThan(0)
  for (const text of await cardTexts(cards)) expect(text).toMatch(/comcast/i)
  for (const cls of await cards.evaluateAll((els) => els.map((e) => e.className)))
    expect(cls).toContain('card--negative')

  await search.getByLabel('Order').selectOption({ label: 'Most followed first' })
  await expect(results).not.toHaveClass(/is-stale/)
  const followers = () =>
    results
      .locator('.card-followers')
      .evaluateAll((els) => els.map((e) => Number((e.getAttribute('title') ?? '').replace(/\D/g, ''))))
  await expect
    .poll(async () => {
      const list = await followers()
      return list.length > 1 && list.every((n, i) => i === 0 || n <= list[i - 1]!)
    })
    .toBe(true)

  const first = cards.first()
  const handle = (await first.locator('.card-handle').textContent()) ?? ''
  await first.getByRole('button', { name: 'Show in context' }).click()
  const context = search.getByRole('region', { name: 'Mention in context' })
  const chosen = context.locator('li[aria-current="true"] article')
  await expect(chosen).toBeVisible()
  await expect(chosen).toContainText(handle)
  expect(await context.locator('article').count()).toBeGreaterThan(1)

  await search.getByLabel('From').fill('2099-01-01T00:00')
  await expect(results.getByText('No matches')).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(search).toBeHidden()
  await page.getByRole('button', { name: 'Search archive' }).click()
  await expect(search).toBeVisible()
})
