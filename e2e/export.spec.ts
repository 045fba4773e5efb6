// Export and import through the UI, in browser mode: a column exported as CSV
// is a real download that parses and has exactly the chosen fields; search
// results export as JSONL; a twarc2 file with a broken line imports the rest
// and lists the bad line; a generic CSV goes through the mapping step.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { expect, test } from './app'

const ARTIFACTS = join(__dirname, 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })
// Three servers and real downloads on a shared build machine: more than the default minute.
test.describe.configure({ timeout: 150_000 })

test('export a column as CSV with chosen fields: the downloaded file parses and has them', async ({ app, page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await app.parkPointer()
  await app.waitForMentions('Comcast / Xfinity', 5)
  await page.getByRole('button', { name: 'Column menu for Comcast / Xfinity' }).click()
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export Comcast / Xfinity' })
  await expect(dialog).toBeVisible()
  // Chosen fields: the defaults minus the link and language, plus the tags.
  await dialog.getByLabel('Link').uncheck()
  await dialog.getByLabel('Language').uncheck()
  await dialog.getByLabel('Tags').check()
  await dialog.getByLabel('Byte-order mark for Excel').check()
  await page.screenshot({ path: join(ARTIFACTS, 'export-dialog-2560x1440.png') })

  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^earshot-comcast-xfinity-\d{8}-\d{4}\.csv$/)
  const file = join(ARTIFACTS, 'column-export.csv')
  await download.saveAs(file)
  await expect(dialog.getByRole('status')).toContainText(/Exported [\d,]+ mentions/)
  await page.screenshot({ path: join(ARTIFACTS, 'export-done-2560x1440.png') })

  const text = readFileSync(file, 'utf8')
  expect(text.startsWith('\ufeff')).toBe(true)
  const rows = parse(text, { bom: true }) as string[][]
  expect(rows[0]).toEqual([
    'id',
    'source',
    'created_at',
    'author_handle',
    'author_name',
    'author_followers',
    'text',
    'sentiment',
    'sentiment_label',
    'sentiment_scorer',
    'columns',
    'tags',
  ])
  expect(rows.length).toBeGreaterThan(5)
  for (const row of rows.slice(1)) {
    expect(row).toHaveLength(12)
    expect(row[1]).toBe('demo')
    expect(row[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(['positive', 'neutral', 'negative', 'unscored']).toContain(row[8])
    expect(row[9]).toBe('earshot-linear/1')
    expect(row[10]).toContain('Comcast / Xfinity')
    expect(row[6]).toMatch(/comcast|xfinity/i)
  }
})

test('export archive search results as JSONL', async ({ app, page }) => {
  await app.waitForMentions('JetBlue', 3)
  await page.getByRole('button', { name: 'Search archive' }).click()
  const search = page.getByRole('dialog', { name: 'Archive search' })
  await search.getByLabel('Search query').fill('jetblue')
  await search.getByRole('button', { name: 'Export results…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export search results' })
  await dialog.getByLabel('JSONL (one JSON object per line)').check()
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.jsonl$/)
  const file = join(ARTIFACTS, 'search-export.jsonl')
  await download.saveAs(file)
  const lines = readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(lines.length).toBeGreaterThan(0)
  for (const l of lines) expect(String(l.text)).toMatch(/jetblue/i)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(search).toBeVisible()
})

test('import a twarc2 file with a broken line, then a generic CSV through the mapping step', async ({ app, page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await app.waitForColumn('JetBlue')
  const twarc = join(ARTIFACTS, 'capture.jsonl')
  const page1 = {
    data: [
      {
        id: '1790000000000000001',
        text: 'JetBlue lost my bag again',
        author_id: '9',
        created_at: '2026-01-01T10:00:00Z',
      },
      {
        id: '1790000000000000002',
        text: 'Thanks JetBlue, great crew',
        author_id: '9',
        created_at: '2026-01-01T10:05:00Z',
      },
    ],
    includes: { users: [{ id: '9', username: 'importer', name: 'Imported Person' }] },
  }
  writeFileSync(twarc, `${JSON.stringify(page1)}\n{"data": [\n`)
  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Import mentions…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import mentions' })
  await dialog.getByLabel('File').setInputFiles(twarc)
  await expect(dialog.getByLabel('Format')).toHaveValue('twarc')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog.getByRole('status')).toContainText('Imported 2 of 3 rows')
  await expect(dialog.getByRole('region', { name: 'Bad rows' })).toContainText('line 2')
  await page.screenshot({ path: join(ARTIFACTS, 'import-report-2560x1440.png') })
  await dialog.getByRole('button', { name: 'Close' }).click()
  // The imported mentions are in the archive, with their author.
  await page.getByRole('button', { name: 'Search archive' }).click()
  const search = page.getByRole('dialog', { name: 'Archive search' })
  await search.getByLabel('Search query').fill('from:importer')
  await expect(search.getByText('JetBlue lost my bag again')).toBeVisible()
  await search.getByRole('button', { name: 'Close search' }).click()

  const csv = join(ARTIFACTS, 'generic.csv')
  writeFileSync(csv, 'When,Who,Body,Likes\n2026-01-02 09:00,@flyer,"JetBlue, why the delay?",3\n')
  await page.getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Import mentions…' }).click()
  await dialog.getByLabel('File').setInputFiles(csv)
  await expect(dialog.getByLabel('Format')).toHaveValue('csv')
  await dialog.getByRole('button', { name: 'Next' }).click()
  await expect(dialog.getByRole('table', { name: 'File preview' })).toContainText('why the delay?')
  await expect(dialog.getByLabel('Text *')).toHaveValue('Body')
  await expect(dialog.getByLabel('Posted at (UTC) *')).toHaveValue('When')
  await page.screenshot({ path: join(ARTIFACTS, 'import-mapping-2560x1440.png') })
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog.getByRole('status')).toContainText('Imported 1 of 1 rows')
})
