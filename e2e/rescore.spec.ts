// Re-scoring through the UI: mentions from an older Earshot export (scored by
// VADER, all neutral) are imported; Archive → Re-score sentiment… shows who
// scored them and re-scores them with the model, with progress; the deck's
// cards then show the new labels and a column filtering on sentiment holds
// the negative one, without a reload.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type App } from './app'

const ARTIFACTS = join(__dirname, 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })
const COMCAST = 'Comcast / Xfinity'

test.use({ serverArgs: ['--no-demo'] })

const OLD_EXPORT = [
  { id: 'old-1', text: 'Comcast es un desastre, llevo tres días sin internet y nadie responde', lang: 'es' },
  { id: 'old-2', text: 'Comcast のサービスは最悪です', lang: 'ja' },
  { id: 'old-3', text: 'I love Comcast, the technician was amazing and fixed it fast!', lang: 'en' },
].map((row, i) => ({
  ...row,
  source: 'import',
  created_at: `2026-12-01T10:0${i}:00Z`,
  author_handle: `customer${i}`,
  sentiment: 0,
  sentiment_label: 'neutral',
  sentiment_scorer: 'vader/1',
}))

/** Imports the three VADER-scored mentions through the Import dialog. */
async function importOldExport(app: App, page: Page): Promise<void> {
  await app.waitForColumn(COMCAST)
  const file = join(ARTIFACTS, 'old-export.jsonl')
  writeFileSync(file, OLD_EXPORT.map((r) => JSON.stringify(r)).join('\n') + '\n')
  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Import mentions…' }).click()
  const importing = page.getByRole('dialog', { name: 'Import mentions' })
  await importing.getByLabel('File').setInputFiles(file)
  await importing.getByLabel('Format').selectOption('jsonl')
  await importing.getByRole('button', { name: 'Import' }).click()
  await expect(importing.getByRole('status')).toContainText('Imported 3 of 3 rows')
  await importing.getByRole('button', { name: 'Close' }).click()
}

test('re-score an archive scored by VADER: progress, new labels on the cards, sentiment columns rebuilt', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await importOldExport(app, page)

  await app.addColumn('Angry', 'sentiment:negative')
  await app.parkPointer()
  const cards = app.cards(COMCAST)
  await expect(cards).toHaveCount(3)
  await expect(cards.locator('.sentiment--neutral')).toHaveCount(3)
  await expect(app.cards('Angry')).toHaveCount(0)

  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Re-score sentiment…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Re-score sentiment' })
  const scorers = dialog.getByRole('table', { name: 'Mentions by scorer' })
  await expect(scorers.getByRole('row', { name: /vader\/1/ })).toContainText('3')
  await expect(dialog.getByRole('status')).toHaveText(/^3 mentions to re-score with earshot-linear\//)
  await page.screenshot({ path: join(ARTIFACTS, 'rescore-dialog-2560x1440.png') })
  await dialog.getByRole('button', { name: 'Re-score 3 mentions' }).click()
  await expect(dialog.getByRole('status')).toContainText('Re-scored 3 mentions')
  await expect(dialog.getByRole('status')).toContainText('1 column filtering on sentiment rebuilt')
  await expect(dialog.getByRole('progressbar', { name: 'Re-score progress' })).toHaveAttribute('value', '3')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()

  // The deck follows without a reload: each card's new label, and the sentiment column's new hit.
  const byText = (text: string) => cards.filter({ hasText: text })
  await expect(byText('desastre').locator('.sentiment')).toHaveText(/^NEG /)
  await expect(byText('最悪').locator('.sentiment')).toHaveText('UNSCORED')
  await expect(byText('amazing').locator('.sentiment')).toHaveText(/^POS /)
  await expect(app.cards('Angry')).toHaveCount(1)
  await expect(app.cards('Angry')).toContainText('desastre')

  // A second look says there is nothing left to do.
  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Re-score sentiment…' }).click()
  await expect(dialog.getByRole('status')).toHaveText(/^Every mention is scored by the current model/)
  await expect(dialog.getByRole('button', { name: 'Re-score', exact: true })).toBeDisabled()
})

test('Home and End select the newest and the oldest card of the column', async ({ app, page }) => {
  await importOldExport(app, page)
  await app.parkPointer()
  const column = app.column(COMCAST)
  await expect(app.cards(COMCAST)).toHaveCount(3)
  const selected = column.locator('article[aria-current="true"]')
  await page.keyboard.press('1')
  await expect(selected).toContainText('amazing')
  await page.keyboard.press('End')
  await expect(selected).toContainText('desastre')
  await page.keyboard.press('k')
  await expect(selected).toContainText('最悪')
  await page.keyboard.press('Home')
  await expect(selected).toContainText('amazing')
})
