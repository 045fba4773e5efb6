// Screenshots of the console for people to look at: every run writes them to
// e2e/artifacts (ignored by git). The copies in e2e/screenshots, which the
// README shows, are refreshed only on request (EARSHOT_UPDATE_SCREENSHOTS=1),
// so a test run never edits tracked files.
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'

const ARTIFACTS = join(__dirname, 'artifacts')
const SCREENSHOTS = join(__dirname, 'screenshots')

/** Saves a screenshot named `name` and returns its path; `readme` ones also refresh the README's copy on request. */
export async function screenshot(page: Page, name: string, { readme = false } = {}): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  const path = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path })
  if (readme && process.env.EARSHOT_UPDATE_SCREENSHOTS === '1') copyFileSync(path, join(SCREENSHOTS, `${name}.png`))
  return path
}
