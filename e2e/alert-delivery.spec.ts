// Alert destinations through the UI: a signed webhook is added from the alert
// panel (a bad address is refused at its field), a test send reaches a real
// receiver on loopback that verifies the signature, the delivery log shows
// it; a receiver that fails makes the destination "failing", shown on the
// bell and in the alert panel with the reason.
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { verifySignature } from '../src/main/core/alerts/delivery/sign'
import { expect, test } from './app'

const ARTIFACTS = join(__dirname, 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })
const SECRET = 'e2e-signing-secret-42'

test.use({ serverArgs: ['--no-demo'] })

test('add a signed webhook, send a test, see the log; a failing receiver shows on the alert panel', async ({
  app,
  page,
}) => {
  const got: Array<{ ok: boolean; body: string }> = []
  let status = 200
  const receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString()))
    req.on('end', () => {
      const ok = verifySignature(
        SECRET,
        req.headers['x-earshot-timestamp'] as string,
        body,
        req.headers['x-earshot-signature'] as string,
      )
      got.push({ ok, body })
      res.writeHead(ok ? status : 401)
      res.end(status === 200 ? '' : 'receiver is down')
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/earshot`
  try {
    await page.setViewportSize({ width: 2560, height: 1440 })
    await app.waitForColumn('Comcast / Xfinity')
    await page.getByRole('button', { name: /^Alerts/ }).click()
    await expect(page.getByText('Only here: no webhook, Slack or email destination yet.')).toBeVisible()
    await page.getByRole('button', { name: 'Destinations…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Alert destinations' })
    await dialog.getByRole('button', { name: 'Add webhook' }).click()
    const form = dialog.getByRole('form', { name: 'Webhook destination' })
    await form.getByLabel('Name').fill('Ops bridge')
    await form.getByLabel('URL').fill('ftp://ops.example.com/hook')
    await form.getByRole('button', { name: 'Add destination' }).click()
    await expect(form.getByText('an http:// or https:// address')).toBeVisible()

    await form.getByLabel('URL').fill(url)
    await form.getByLabel('Signing secret').fill(SECRET)
    await form.getByRole('button', { name: 'Add destination' }).click()
    const item = dialog.getByRole('navigation', { name: 'Destinations' }).getByRole('button', { name: /Ops bridge/ })
    await expect(item).toContainText('Nothing sent yet')
    const saved = dialog.getByRole('form', { name: 'Webhook destination' })
    await expect(saved.getByText('Set: set here, for this session only.')).toBeVisible()
    await expect(saved.getByLabel('Signing secret')).toHaveValue('')

    await saved.getByRole('button', { name: 'Send a test' }).click()
    await expect(saved.getByRole('status')).toHaveText('Test: Sent (200).')
    expect(got).toHaveLength(1)
    expect(got[0]!.ok).toBe(true)
    expect(JSON.parse(got[0]!.body)).toMatchObject({ type: 'earshot.alert', test: true, alert: { kind: 'spike' } })
    await expect(item).toContainText('Delivering')
    const log = saved.getByRole('region', { name: 'Delivery log' })
    await expect(log.getByRole('row').nth(1)).toContainText('sent · 200')
    await page.screenshot({ path: join(ARTIFACTS, 'alert-destinations-2560x1440.png') })

    status = 503
    await saved.getByRole('button', { name: 'Send a test' }).click()
    await expect(saved.getByRole('status')).toHaveText('Test: HTTP 503: receiver is down')
    await expect(item).toContainText('Failing')
    await expect(item).toContainText('HTTP 503')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    const bell = page.getByRole('button', { name: /a destination is failing/ })
    await expect(bell).toBeVisible()
    await bell.click()
    await expect(page.getByRole('list', { name: 'Failing destinations' })).toContainText(
      'Ops bridge is failing: HTTP 503: receiver is down',
    )
  } finally {
    await new Promise<void>((r) => receiver.close(() => r()))
  }
})
