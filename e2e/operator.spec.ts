// The operator workflow without the mouse: select a demo mention with the
// keyboard, mark it done, assign and tag it, reply through the composer with
// a canned reply (the demo sink "posts" it) and see it sent on the card; the
// mark-read watermark; a mute hiding mentions with the count shown; an
// invalid pattern explained; drafts surviving a reload; `?` opening the map.
import type { Locator, Page } from '@playwright/test'
import { KEYMAP, COMPOSER_KEYS } from '../src/shared/keymap'
import { expect, test } from './app'
import { screenshot } from './screenshot'

test.use({ serverArgs: ['--demo-rate', '2', '--demo-seed', '7'] })

const selectedIn = (column: Locator): Locator => column.locator('article[aria-current="true"]')

async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const k of keys) await page.keyboard.press(k)
}

test('keyboard-only triage and reply of a demo mention', async ({ app, page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await app.parkPointer()
  await app.waitForMentions('JetBlue', 3)
  const column = app.column('JetBlue')

  // 2 jumps to the second column and selects its newest card; j moves down.
  await press(page, '2')
  await expect(column).toHaveClass(/column--active/)
  const first = await selectedIn(column).getAttribute('data-mention-id')
  await press(page, 'j')
  const card = column.locator('article[aria-current="true"]')
  await expect(card).not.toHaveAttribute('data-mention-id', first!)
  const id = (await card.getAttribute('data-mention-id'))!
  const target = column.locator(`article[data-mention-id="${id}"]`)
  // Selecting marks read.
  await expect(target.locator('.card-unread-dot')).toHaveCount(0)

  await press(page, 'e')
  await expect(target).toHaveClass(/card--done/)
  await expect(target.getByText('✓ Done')).toBeVisible()

  await press(page, 'a')
  const assign = page.getByRole('dialog', { name: 'Assign' })
  await expect(assign).toBeVisible()
  await page.keyboard.type('Dana')
  await press(page, 'Enter')
  await expect(assign).toBeHidden()
  await expect(target.getByText('@Dana', { exact: true })).toBeVisible()

  await press(page, 't')
  await expect(page.getByRole('dialog', { name: 'Tags' })).toBeVisible()
  await page.keyboard.type('billing, Urgent')
  await press(page, 'Enter')
  await expect(target.getByText('#billing')).toBeVisible()
  await expect(target.getByText('#urgent')).toBeVisible()

  // r opens the composer beside the deck with the mention in it, focus in the text.
  await press(page, 'r')
  const composer = page.getByRole('complementary', { name: /^Reply to @/ })
  await expect(composer).toBeVisible()
  await expect(composer.locator(`article[data-mention-id="${id}"]`)).toBeVisible()
  const text = composer.getByRole('textbox', { name: 'Reply text' })
  await expect(text).toBeFocused()
  await expect(composer.getByText(/From @earshot_demo/)).toBeVisible()
  await page.keyboard.type('Thanks for flagging this. ')
  await expect(composer.getByText('26 / 280')).toBeVisible()

  // Ctrl+K: canned replies, searchable; Enter inserts with {{brand}} filled.
  await press(page, 'Control+k')
  await expect(composer.getByRole('searchbox', { name: 'Search canned replies' })).toBeFocused()
  await page.keyboard.type('dm')
  await press(page, 'Enter')
  await expect(text).toHaveValue(
    /Thanks for flagging this\. Hi .+, could you send us a DM .* so JetBlue can take a look\?/,
  )
  await expect(text).toBeFocused()

  await screenshot(page, 'operator-2560x1440', { readme: true })

  await press(page, 'Control+Enter')
  await expect(target.getByText('✓ Reply sent')).toBeVisible()
  await expect(text).toHaveValue('')
  await expect(composer.getByRole('list', { name: 'Replies from here' })).toContainText('Thanks for flagging this.')

  // Escape closes the composer; the card keeps its triage after a reload.
  await press(page, 'Escape')
  await expect(composer).toBeHidden()
  await page.reload()
  await app.waitForColumn('JetBlue')
  const again = app.column('JetBlue').locator(`article[data-mention-id="${id}"]`)
  await expect(again).toHaveClass(/card--done/)
  await expect(again.getByText('@Dana', { exact: true })).toBeVisible()
  await expect(again.getByText('✓ Reply sent')).toBeVisible()
})

test('a reply draft survives a reload', async ({ app, page }) => {
  await app.parkPointer()
  await app.waitForMentions('Ford', 2)
  await press(page, '4', 'j')
  const card = selectedIn(app.column('Ford'))
  const id = (await card.getAttribute('data-mention-id'))!
  await press(page, 'r')
  const composer = page.getByRole('complementary', { name: /^Reply to @/ })
  await expect(composer.getByRole('textbox', { name: 'Reply text' })).toBeFocused()
  await page.keyboard.type('Half-written reply 👍')
  await expect(composer.getByText('Draft saved')).toBeVisible()
  await page.reload()
  await app.waitForColumn('Ford')
  await app.column('Ford').locator(`article[data-mention-id="${id}"]`).click()
  await press(page, 'r')
  await expect(page.getByRole('textbox', { name: 'Reply text' })).toHaveValue('Half-written reply 👍')
})

test('canned replies: save the reply being written, find it, insert it with {{author}}, delete it', async ({
  app,
  page,
}) => {
  await app.parkPointer()
  await app.waitForMentions('Ford', 1)
  await press(page, '4', 'r')
  const composer = page.getByRole('complementary', { name: /^Reply to @/ })
  const text = composer.getByRole('textbox', { name: 'Reply text' })
  await expect(text).toBeFocused()
  await page.keyboard.type('Thanks {{author}}, {{brand}} will call you today.')
  await press(page, 'Control+k')
  await page.keyboard.type('Callback')
  await composer.getByRole('button', { name: 'Save this reply as “Callback”' }).click()
  const search = composer.getByRole('searchbox', { name: 'Search canned replies' })
  await search.fill('call you today')
  const found = composer.getByRole('option', { name: /Callback/ })
  await expect(found).toBeVisible()
  await text.fill('')
  await search.focus()
  await press(page, 'Enter')
  await expect(text).toHaveValue(/^Thanks \S+, Ford will call you today\.$/)
  await expect(text).toBeFocused()
  await press(page, 'Control+k')
  await composer.getByRole('button', { name: 'Delete canned reply Callback' }).click()
  await search.fill('call you today')
  await expect(composer.getByText('No canned reply matches')).toBeVisible()
})

test('mark read up to here sets the column watermark', async ({ app, page }) => {
  await app.parkPointer()
  await app.waitForMentions('Whole Foods', 4)
  const column = app.column('Whole Foods')
  await press(page, '3', 'j')
  const selected = selectedIn(column)
  const id = (await selected.getAttribute('data-mention-id'))!
  // The card below the selection was never visited: unread until the watermark.
  const ids = await column.locator('article').evaluateAll((els) => els.map((e) => e.getAttribute('data-mention-id')))
  const belowId = ids[ids.indexOf(id) + 1]!
  const belowLocator = column.locator(`article[data-mention-id="${belowId}"]`)
  await expect(belowLocator.locator('.card-unread-dot')).toHaveCount(1)

  await page.getByRole('button', { name: 'Column menu for Whole Foods' }).click()
  await page.getByRole('button', { name: 'Mark read up to here' }).click()
  await expect(belowLocator.locator('.card-unread-dot')).toHaveCount(0)

  await page.reload()
  await app.waitForColumn('Whole Foods')
  await expect(belowLocator).toBeVisible()
  await expect(belowLocator.locator('.card-unread-dot')).toHaveCount(0)
})

test('a muted word hides matching mentions and says how many; a bad pattern is explained', async ({ app, page }) => {
  await app.parkPointer()
  await app.waitForMentions('JetBlue', 3)
  await press(page, '2', 'f')
  const dialog = page.getByRole('dialog', { name: 'Filters and mutes: JetBlue' })
  await expect(dialog).toBeVisible()

  await dialog.getByLabel(/^Muted patterns/).fill('(')
  await expect(dialog.getByRole('alert')).toHaveText('Invalid regular expression: /(/: Unterminated group')
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled()
  await dialog.getByLabel(/^Muted patterns/).fill('')

  await dialog.getByLabel(/^Muted words/).fill('jetblue')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  const column = app.column('JetBlue')
  await expect(column.getByRole('button', { name: /\d+ muted/ })).toBeVisible()
  await expect(column.locator('article', { hasText: /jetblue/i })).toHaveCount(0)
})

test('? opens the key map', async ({ app, page }) => {
  await app.waitForColumn('JetBlue')
  await press(page, '?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('row')).toHaveCount(KEYMAP.length + COMPOSER_KEYS.length)
  for (const b of KEYMAP) await expect(dialog.getByRole('row', { name: new RegExp(escape(b.label)) })).toBeVisible()
  await press(page, 'Escape')
  await expect(dialog).toBeHidden()
  // Also from the top bar, for whoever reaches for the mouse first.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
  await expect(dialog).toBeVisible()
})

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

test('wall mode keeps the focus ring and the composer readable', async ({ app, page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await app.parkPointer()
  await page.getByRole('button', { name: 'Display' }).click()
  const wall = page.getByRole('button', { name: 'Wall mode', exact: true })
  await wall.click()
  await expect(wall).toHaveAttribute('aria-pressed', 'true')
  await press(page, 'Escape')
  await expect(page.locator('html')).toHaveAttribute('data-wall', 'on')
  await app.waitForMentions('Whole Foods', 2)
  await press(page, '3', 'j', 'e', 'r')
  const composer = page.getByRole('complementary', { name: /^Reply to @/ })
  await expect(composer.getByRole('textbox', { name: 'Reply text' })).toBeFocused()
  await page.keyboard.type('Sorry about that — we are on it 🙏')
  const selected = selectedIn(app.column('Whole Foods'))
  await expect(selected).toHaveClass(/card--done/)
  // The composer docks beside the columns, never over them.
  const columns = await page
    .locator('section[role="region"][data-column-id]')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))
  const dock = (await composer.boundingBox())!
  for (const right of columns) expect(right).toBeLessThanOrEqual(dock.x + 1)
  await screenshot(page, 'operator-wall-2560x1440', { readme: true })
})
