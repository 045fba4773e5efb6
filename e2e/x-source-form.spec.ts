// The X settings form in Chromium, served alone by a Vite dev server from
// test/renderer/harness (the Sources panel frame lives elsewhere): secrets are
// write-only (state and origin shown, never a value), typed secrets are sent
// once and cleared, "Forget" sends null, the core's validation errors show.
import { resolve } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import type { ViteDevServer } from 'vite'

const ROOT = resolve(__dirname, '..')
let vite: ViteDevServer
let url: string

test.beforeAll(async () => {
  const { createServer } = await import('vite')
  const react = (await import('@vitejs/plugin-react')).default
  vite = await createServer({
    configFile: false,
    root: resolve(ROOT, 'test/renderer/harness'),
    plugins: [react()],
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, fs: { allow: [ROOT] }, hmr: false },
  })
  await vite.listen()
  url = `${vite.resolvedUrls!.local[0]}x-form.html`
})

test.afterAll(async () => vite?.close())

const saved = (page: Page) => page.evaluate(() => (globalThis as unknown as { saved: unknown[] }).saved)

test('X settings: write-only secrets, forget, validation errors', async ({ page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await page.goto(url)
  const form = page.getByRole('form', { name: 'X settings' })
  await expect(form.getByText('set by environment variable')).toBeVisible()
  await expect(form.getByText('set for this session')).toHaveCount(2)
  await expect(form.getByText('not set')).toHaveCount(2)
  await page.screenshot({ path: 'e2e/artifacts/x-source-form-2560x1440.png' })

  // A bad API base: the core's error is shown and nothing changes.
  await form.getByLabel('API base').fill('ftp://gateway.local')
  await form.getByRole('button', { name: 'Save X settings' }).click()
  await expect(form.getByRole('alert')).toContainText('API base must be an http(s) URL')

  const token = 'access-token-typed-in-the-form-123'
  await form.getByLabel('API base').fill('https://x-gateway.example.com')
  await form.getByLabel('Recent search').check()
  await form.getByLabel('Seconds between polls of a column').fill('45')
  await form.getByLabel('Replying account').fill('@JetBlue')
  await expect(form.getByLabel('Replying account')).toHaveValue('JetBlue')
  await form.getByLabel('Access token', { exact: true }).fill(token)
  await form.getByRole('button', { name: 'Forget API key secret' }).click()
  await form.getByRole('button', { name: 'Save X settings' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved')

  const last = (await saved(page)).at(-1)
  expect(last).toEqual({
    source: 'x',
    config: {
      enabled: true,
      mode: 'search',
      apiBase: 'https://x-gateway.example.com',
      pollSeconds: 45,
      account: 'JetBlue',
    },
    secrets: { appSecret: null, accessToken: token },
  })
  // The typed value is gone from the page; only its state remains.
  await expect(form.getByLabel('Access token', { exact: true })).toHaveValue('')
  expect(await page.content()).not.toContain(token)
  const accessRow = form.locator('.x-secret').filter({ has: page.getByLabel('Access token', { exact: true }) })
  await expect(accessRow).toContainText('set for this session')
  const secretRow = form.locator('.x-secret').filter({ has: page.getByLabel('API key secret', { exact: true }) })
  await expect(secretRow).toContainText('not set')
  await page.screenshot({ path: 'e2e/artifacts/x-source-form-saved-2560x1440.png' })
})
