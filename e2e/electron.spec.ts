// The desktop app through Playwright's Electron driver. It needs Electron's
// own binary, which `npm install` deliberately does not download (see the
// README); on machines without it this one file is skipped, saying why.
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const { electronBinary } = createRequire(__filename)('../bin/electron-binary.cjs') as {
  electronBinary: () => string | undefined
}
const binary = electronBinary()

test('the desktop app opens the console with the demo columns', async () => {
  test.skip(
    !binary,
    'Electron binary not installed here (npm install skips its download; run `npm run desktop:fetch-electron` where it can download).',
  )
  const app = await electron.launch({
    executablePath: binary,
    args: [resolve(__dirname, '..')],
    env: {
      ...process.env,
      ELECTRON_ENABLE_LOGGING: '1',
      EARSHOT_USER_DATA: join(__dirname, '..', 'test-results', 'electron-profile'),
    },
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByRole('region', { name: 'JetBlue', exact: true })).toBeVisible()
    const isolated = await window.evaluate(
      () => typeof (window as unknown as { require?: unknown }).require === 'undefined',
    )
    expect(isolated).toBe(true)
  } finally {
    await app.close()
  }
})
