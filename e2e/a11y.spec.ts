// Screen-reader focus and automated accessibility checks. The columns are
// WAI-ARIA feeds whose cards are focusable articles with their place in the
// list; the keyboard selection (j/k/h/l) moves DOM focus with a roving
// tabindex, and closing the composer or a dialog puts focus back on the card.
// axe-core checks labels, roles and contrast on the main views.
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './app'

test.use({ serverArgs: ['--demo-rate', '2', '--demo-seed', '7'], viewport: { width: 2560, height: 1440 } })

const focused = (page: Page): Locator => page.locator('*:focus')

/** The id of the card holding DOM focus ('' when focus is not on a card). */
async function focusedCardId(page: Page): Promise<string> {
  const card = page.locator('article:focus')
  return (await card.count()) === 1 ? ((await card.getAttribute('data-mention-id')) ?? '') : ''
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** How many places further down the feed card `b` is than card `a` (aria-posinset, read in one go). */
function placeGap(page: Page, a: string, b: string): Promise<number> {
  return page.locator('article[data-mention-id]').evaluateAll(
    (els, [x, y]) => {
      const at = (id: string) =>
        Number(els.find((e) => e.getAttribute('data-mention-id') === id)?.getAttribute('aria-posinset'))
      return at(y!) - at(x!)
    },
    [a, b],
  )
}

async function expectFocusOnSelected(column: Locator): Promise<string> {
  const selected = column.locator('article[aria-current="true"]')
  await expect(selected).toBeFocused()
  await expect(selected).toHaveAttribute('tabindex', '0')
  return (await selected.getAttribute('data-mention-id'))!
}

test('keyboard selection moves focus along the feed, and focus comes back to the card', async ({ app, page }) => {
  await app.parkPointer()
  await app.waitForMentions('Comcast / Xfinity', 3)
  await app.waitForMentions('JetBlue', 2)
  const first = app.column('Comcast / Xfinity')
  const second = app.column('JetBlue')
  const feed = first.getByRole('feed', { name: 'Mentions for Comcast / Xfinity' })
  await expect(feed).toBeVisible()

  // Before any selection each column has exactly one stop in the tab order: its first card.
  await expect(first.locator('article[tabindex="0"]')).toHaveCount(1)
  await expect(first.locator('article[tabindex="0"]')).toHaveAttribute('aria-posinset', '1')

  // j: the first card is selected and focused; its name is the author, its description the text.
  await page.keyboard.press('j')
  const one = await expectFocusOnSelected(first)
  const card = first.locator(`article[data-mention-id="${one}"]`)
  const author = (await card.locator('.card-name').getAttribute('title'))!
  await expect(focused(page)).toHaveAccessibleName(new RegExp(`^${escapeRegExp(author)}( verified)?$`))
  await expect(focused(page)).toHaveAccessibleDescription((await card.locator('.card-text').innerText()).trim())
  await expect(focused(page)).toHaveAttribute('aria-setsize', /^(-1|\d+)$/)

  // j again: focus follows to the second article; the first leaves the tab order (roving tabindex).
  await page.keyboard.press('j')
  const two = await expectFocusOnSelected(first)
  expect(two).not.toBe(one)
  // Live mentions arrive on top meanwhile, so places are compared with each other, read at once.
  expect(await placeGap(page, one, two)).toBe(1)
  await expect(card).toHaveAttribute('tabindex', '-1')
  await expect(first.locator('article[tabindex="0"]')).toHaveCount(1)

  // The accessibility tree as a screen reader gets it: a feed of articles named by their authors.
  const tree = await feed.ariaSnapshot()
  expect(tree).toContain('- feed "Mentions for Comcast / Xfinity"')
  expect(tree).toContain(`- article "${author}`)

  // Page Down, the feed pattern's own key, moves to the next article too.
  await page.keyboard.press('PageDown')
  await expect.poll(() => focusedCardId(page)).not.toBe(two)
  expect(await placeGap(page, two, await focusedCardId(page))).toBe(1)
  await page.keyboard.press('PageUp')
  expect(await focusedCardId(page)).toBe(two)

  // l: the next column's card at about the same place takes focus.
  await page.keyboard.press('l')
  const other = await expectFocusOnSelected(second)

  // r opens the composer with focus in the reply; Esc closes it and focus is back on the card.
  await page.keyboard.press('r')
  const composer = page.getByRole('complementary', { name: /^Reply to @/ })
  await expect(composer).toBeVisible()
  await expect(composer.getByRole('textbox').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(composer).toBeHidden()
  expect(await focusedCardId(page)).toBe(other)

  // A dialog opened from the card (t: tags) gives focus back to it when it closes.
  await page.keyboard.press('t')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  expect(await focusedCardId(page)).toBe(other)

  // Tab goes on from the card (into it, or to the next column), never back to the top of the page.
  await page.keyboard.press('Tab')
  const after = await focused(page).evaluate((el) => el.closest('[data-column-id]')?.getAttribute('aria-label'))
  expect(['JetBlue', 'Whole Foods', 'Ford']).toContain(after)

  // Tab onto another column's card selects it, as j/k would: each column is one stop.
  let landed = ''
  for (let i = 0; i < 40 && landed === ''; i++) {
    await page.keyboard.press('Tab')
    const id = await focusedCardId(page)
    if (id !== '' && id !== other) landed = id
  }
  expect(landed).not.toBe('')
  await expect(page.locator(`article[data-mention-id="${landed}"]`).first()).toHaveAttribute('aria-current', 'true')
})

/** axe's findings as lines a person can act on. */
async function axeViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  if (include) builder = builder.include(include)
  const result = await builder.analyze()
  return result.violations.flatMap((v) =>
    v.nodes.slice(0, 5).map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? v.help}`),
  )
}

test('axe finds no label, role or contrast problems on the main views', async ({ app, page }) => {
  test.slow()
  await app.parkPointer()
  await app.waitForMentions('Comcast / Xfinity', 3)

  // The deck with a selected card.
  await page.keyboard.press('j')
  expect(await axeViolations(page), 'deck').toEqual([])

  // The composer.
  await page.keyboard.press('r')
  await expect(page.getByRole('complementary', { name: /^Reply to @/ })).toBeVisible()
  expect(await axeViolations(page), 'composer').toEqual([])
  await page.keyboard.press('Escape')

  // Archive search with results.
  await page.getByRole('button', { name: 'Search archive' }).click()
  const search = page.getByRole('dialog', { name: 'Archive search' })
  await search.getByLabel('Search query').fill('comcast')
  await expect(search.locator('article').first()).toBeVisible()
  expect(await axeViolations(page), 'archive search').toEqual([])
  await page.keyboard.press('Escape')
  await expect(search).toBeHidden()

  // The Sources panel.
  await page.getByRole('button', { name: 'Sources' }).click()
  await expect(page.getByRole('dialog', { name: 'Sources' })).toBeVisible()
  expect(await axeViolations(page), 'sources').toEqual([])
  await page.keyboard.press('Escape')

  // A column's report.
  await page.getByRole('button', { name: 'Column menu for Comcast / Xfinity' }).click()
  await page.getByRole('button', { name: 'Report', exact: true }).click()
  const reports = page.getByRole('region', { name: 'Reports' })
  await expect(reports.getByRole('region', { name: 'Top authors' }).locator('li').first()).toBeVisible()
  expect(await axeViolations(page), 'reports').toEqual([])
})
