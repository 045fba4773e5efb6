// Reports and review mode through the UI, against a real `earshot serve` with
// the demo source: a column's report renders its charts, the volume brush
// narrows the review window that archive search runs in, a result is
// annotated and marked reviewed, and the series CSV downloads and parses.
// Then archive files: save a copy, open it for review read-only, go back.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './app'

const COMCAST = 'Comcast / Xfinity'

/** Drags a brush handle horizontally by a fraction of the brush's width. */
async function dragTraveller(page: Page, chart: Locator, which: 'first' | 'last', fraction: number) {
  const brush = chart.locator('.recharts-brush').first()
  const box = (await brush.boundingBox())!
  const handle = chart.locator('.recharts-brush-traveller')[which]()
  const h = (await handle.boundingBox())!
  const x = h.x + h.width / 2
  const y = h.y + h.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + box.width * fraction, y, { steps: 12 })
  await page.mouse.up()
}

async function openColumnReport(page: Page, title: string) {
  await page.getByRole('button', { name: `Column menu for ${title}` }).click()
  await page.getByRole('button', { name: 'Report', exact: true }).click()
}

test.use({ viewport: { width: 2560, height: 1440 } })
// Many steps against a live demo stream on a shared machine: give each the slow-test budget.
test.beforeEach(() => test.slow())

test('a column report: charts, brush to a window, search it, annotate, mark reviewed, download the series', async ({
  app,
  page,
}, testInfo) => {
  await app.parkPointer()
  await app.waitForMentions(COMCAST, 5)
  await openColumnReport(page, COMCAST)

  const reports = page.getByRole('region', { name: 'Reports' })
  await expect(reports).toBeVisible()
  await expect(reports.getByRole('button', { name: COMCAST })).toHaveAttribute('aria-pressed', 'true')
  await expect(reports.getByRole('button', { name: 'JetBlue' })).toHaveAttribute('aria-pressed', 'false')
  await reports.getByLabel('Range').selectOption('1h')
  await expect(page.getByTestId('report-meta')).toContainText('1 min buckets')

  const volume = page.getByTestId('volume-chart')
  await expect(volume.locator('.recharts-line path.recharts-curve')).toHaveCount(1)
  await expect(page.getByTestId('sentiment-chart').locator('.recharts-area')).toHaveCount(4) // negative, neutral, positive and unscored
  await expect(reports.getByRole('region', { name: 'Share of voice between columns' })).toContainText('100%')
  await expect(reports.getByRole('region', { name: 'Top authors' }).locator('li').first()).toBeVisible()
  await expect(reports.getByRole('region', { name: 'Top terms' }).locator('li').first()).toBeVisible()
  await expect(reports.getByRole('region', { name: 'Capture gaps' })).toContainText('No capture gaps')

  // The demo's mentions are all in the last minutes of the hour: a window
  // ending half an hour ago holds none of them...
  const review = reports.getByRole('region', { name: 'Review' })
  const fullWindow = await page.getByTestId('review-window').textContent()
  await dragTraveller(page, volume, 'last', -0.5)
  await expect(page.getByTestId('review-window')).not.toHaveText(fullWindow!)
  await review.getByLabel('Search this window').fill('comcast OR xfinity OR comcastcares')
  await review.getByRole('button', { name: 'Search window' }).click()
  await expect(review.getByRole('status')).toHaveText('No matches in this window')

  // ...and a window over the last minutes holds them.
  await reports.getByRole('button', { name: 'Reset window' }).click()
  await dragTraveller(page, volume, 'first', 0.8)
  await expect(review.getByRole('status')).toContainText('matches · 0 reviewed')
  await expect(review.locator('article').first()).toBeVisible()

  const first = review.locator('.review-results > li').first()
  await first.getByLabel('Note').fill('Outage report, forward to support')
  await first.getByLabel('Tags').fill('outage #support')
  await first.getByRole('button', { name: 'Save' }).click()
  await expect(first.getByRole('button', { name: 'Save' })).toBeDisabled()
  await first.getByRole('button', { name: 'Mark reviewed' }).click()
  await expect(first.getByRole('button', { name: '✓ Reviewed' })).toHaveAttribute('aria-pressed', 'true')
  await expect(review.getByRole('status')).toContainText('1 reviewed')

  // Searched again, the annotation comes back from the archive.
  await review.getByRole('button', { name: 'Search window' }).click()
  await review.getByLabel('Search this window').fill('comcast OR xfinity OR comcastcares ')
  await review.getByRole('button', { name: 'Search window' }).click()
  const annotated = review.locator('.review-results > li.is-reviewed')
  await expect(annotated).toHaveCount(1)
  await expect(annotated.getByLabel('Note')).toHaveValue('Outage report, forward to support')
  await expect(annotated.getByLabel('Tags')).toHaveValue('outage support')

  const dir = join(__dirname, 'artifacts')
  mkdirSync(dir, { recursive: true })
  const shot = join(dir, 'reports-2560x1440.png')
  await page.screenshot({ path: shot })
  await testInfo.attach('reports-2560x1440', { path: shot, contentType: 'image/png' })

  const download = page.waitForEvent('download')
  await reports.getByRole('button', { name: 'Download CSV' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^earshot-report-comcast-xfinity-\d{4}-\d{2}-\d{2}\.csv$/)
  const rows = parse(readFileSync((await file.path())!, 'utf8'), { columns: true }) as Record<string, string>[]
  expect(Object.keys(rows[0]!)).toEqual([
    'bucket_start',
    'bucket_end',
    'column',
    'volume',
    'positive',
    'neutral',
    'negative',
    'unscored',
    'positive_share',
    'negative_share',
  ])
  expect(rows.length).toBeGreaterThanOrEqual(60)
  expect(new Set(rows.map((r) => r['column']))).toEqual(new Set([COMCAST]))
  const total = rows.reduce((s, r) => s + Number(r['volume']), 0)
  expect(total).toBeGreaterThanOrEqual(5)
  for (const r of rows)
    expect(Number(r['positive']) + Number(r['neutral']) + Number(r['negative']) + Number(r['unscored'])).toBe(
      Number(r['volume']),
    )

  // All four columns: share of voice between them; then the printed page.
  for (const title of ['JetBlue', 'Whole Foods', 'Ford']) await reports.getByRole('button', { name: title }).click()
  const share = reports.getByRole('region', { name: 'Share of voice between columns' })
  await expect(share.locator('li')).toHaveCount(4)
  await expect(volume.locator('.recharts-line path.recharts-curve')).toHaveCount(4)
  await page.screenshot({ path: join(dir, 'reports-four-columns-2560x1440.png') })
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.topbar')).toBeHidden()
  await expect(review).toBeHidden()
  await expect(volume).toBeVisible()
  await page.screenshot({ path: join(dir, 'reports-print.png'), fullPage: true })
  await page.emulateMedia({ media: 'screen' })

  await reports.getByRole('button', { name: 'Back to the deck' }).click()
  await expect(reports).toBeHidden()
  await app.waitForColumn(COMCAST)
})

test('save a copy, open it for review read-only, and go back to the live archive', async ({ app, page }) => {
  await app.parkPointer()
  await app.waitForMentions(COMCAST, 3)
  const copy = join(mkdtempSync(join(tmpdir(), 'earshot-e2e-copy-')), 'snapshot.sqlite')

  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Save a copy…' }).click()
  const save = page.getByRole('dialog', { name: 'Save a copy of the archive' })
  await save.getByLabel('Save as').fill(copy)
  await save.getByRole('button', { name: 'Save copy' }).click()
  await expect(save).toBeHidden()
  await expect(page.getByText('Copy saved')).toBeVisible()

  // Saving again to the same name is refused, and says why.
  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Save a copy…' }).click()
  await save.getByLabel('Save as').fill(copy)
  await save.getByRole('button', { name: 'Save copy' }).click()
  await expect(save.getByRole('alert')).toContainText('already exists')
  await save.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Open archive for review…' }).click()
  const open = page.getByRole('dialog', { name: 'Open an archive for review' })
  await open.getByLabel('Archive file').fill(copy)
  await open.getByRole('button', { name: 'Open for review' }).click()
  await expect(open).toBeHidden()

  const badge = page.locator('.review-badge')
  await expect(badge).toContainText('snapshot.sqlite')
  await expect(badge).toContainText('read-only')
  const reports = page.getByRole('region', { name: 'Reports' })
  await expect(reports.locator('.reports-archive')).toContainText(`Reviewing ${copy} (read-only)`)
  await expect(reports.getByRole('button', { name: COMCAST })).toBeVisible()
  await expect(page.getByTestId('volume-chart').locator('.recharts-line').first()).toBeVisible()
  const review = reports.getByRole('region', { name: 'Review' })
  await review.getByLabel('Search this window').fill('jetblue')
  await review.getByRole('button', { name: 'Search window' }).click()
  await expect(review.locator('article').first()).toBeVisible()
  await expect(review.getByText('This archive is open read-only: annotations are off.')).toBeVisible()
  await expect(review.getByRole('button', { name: 'Mark reviewed' }).first()).toBeDisabled()

  await badge.getByRole('button', { name: 'Back to live archive' }).click()
  await expect(badge).toBeHidden()
  await expect(reports.locator('.reports-archive')).toHaveText('Live archive')
})
