// The `App` helper: specs read like what an operator does. Each test gets its
// own browser-mode server on a fresh archive.
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { startEarshot, type ServerHandle } from './server'

export class App {
  constructor(
    readonly page: Page,
    readonly server: ServerHandle,
  ) {}

  column(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true })
  }

  cards(title: string): Locator {
    return this.column(title).locator('article')
  }

  async waitForColumn(title: string): Promise<void> {
    await expect(this.column(title)).toBeVisible()
  }

  async waitForMentions(title: string, atLeast = 1): Promise<void> {
    await expect.poll(() => this.cards(title).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(atLeast)
  }

  async columnTitles(): Promise<string[]> {
    return this.page
      .locator('section[role="region"][data-column-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
  }

  async addColumn(title: string, query: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add column' }).first().click()
    const dialog = this.page.getByRole('dialog', { name: 'Add column' })
    await dialog.getByLabel('Title').fill(title)
    await dialog.getByLabel('Query', { exact: true }).fill(query)
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(dialog).toBeHidden()
    await this.waitForColumn(title)
  }

  /** Moves the pointer off every column so live insertion is not paused by hover. */
  async parkPointer(): Promise<void> {
    await this.page.mouse.move(2, 2)
  }
}

export const test = base.extend<{ app: App; serverArgs: string[]; serverEnv: Record<string, string> }>({
  serverArgs: [['--demo-rate', '60', '--demo-seed', '7'], { option: true }],
  /** Extra environment of the server (source secrets, API bases). */
  serverEnv: [{}, { option: true }],
  app: async ({ page, serverArgs, serverEnv }, use, testInfo) => {
    const server = await startEarshot(serverArgs, undefined, serverEnv)
    try {
      await page.goto(server.url)
      await use(new App(page, server))
    } finally {
      const code = await server.stop()
      // What the server said is part of the evidence when a test fails.
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('earshot-serve-output', { body: `${server.output()}\nexit code: ${code}` })
      }
    }
  },
})

export { expect }
