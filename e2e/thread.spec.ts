// The composer's thread with the demo source and no account: select a demo
// reply whose parent is in the archive, press r, and the post it answers is
// shown above it (taken from the archive, so not marked as fetched). The
// archive file itself says which post that is.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, test } from './app'
import { screenshot } from './screenshot'

test.use({ serverArgs: ['--demo-rate', '12', '--demo-seed', '7'] })

interface Parent {
  id: number
  text: string
  depth: number
}

/** The stored post a mention refers to, and how many stored posts are above the mention. */
function parentsOf(path: string, ids: number[]): Map<number, Parent> {
  const db = new Database(path, { readonly: true, fileMustExist: true })
  try {
    const parent = db.prepare<[number], { id: number; text: string; ref: string | null; source: string }>(
      `SELECT p.id, p.text, p.ref_id AS ref, p.source FROM mentions r
       JOIN mentions p ON p.source = r.source AND p.external_id = r.ref_id
       WHERE r.id = ? AND r.kind = 'reply'`,
    )
    const out = new Map<number, Parent>()
    for (const id of ids) {
      const p = parent.get(id)
      if (!p) continue
      let depth = 1
      for (let up = parent.get(p.id); up && depth < 5; up = parent.get(up.id)) depth++
      out.set(id, { id: p.id, text: p.text, depth })
    }
    return out
  } finally {
    db.close()
  }
}

test('a demo reply shows the post it answers above it in the composer', async ({ app, page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 })
  await app.waitForMentions('Comcast / Xfinity', 8)
  const column = app.column('Comcast / Xfinity')
  // Hovering holds new mentions back, so the card stays where it is while it is picked.
  await column.hover()
  const replies = column.locator('article').filter({ has: page.locator('.card-kind', { hasText: 'Reply' }) })
  let chosen: { id: number; parent: Parent } | null = null
  await expect
    .poll(
      async () => {
        const ids = (
          await replies.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-mention-id'))))
        ).filter((id) => id > 0)
        const parents = parentsOf(app.server.archivePath, ids)
        // The deepest thread on screen makes the clearest picture.
        const best = [...parents].sort((a, b) => b[1].depth - a[1].depth)[0]
        chosen = best ? { id: best[0], parent: best[1] } : null
        return chosen !== null
      },
      { timeout: 45_000 },
    )
    .toBe(true)
  const { id, parent } = chosen!

  await column.locator(`article[data-mention-id="${id}"]`).click()
  await page.keyboard.press('r')
  const composer = page.getByRole('complementary', { name: /^Reply to @/ })
  const conversation = composer.getByRole('list', { name: 'Conversation, oldest first' })
  const above = conversation.locator(`article[data-mention-id="${parent.id}"]`)
  const current = conversation.locator(`li[aria-current="true"] article[data-mention-id="${id}"]`)
  // Links are shown shortened: compare the words before the first one.
  const words = parent.text
    .split(/https?:\/\//)[0]!
    .trim()
    .slice(0, 60)
  await expect(above).toContainText(words)
  await expect(above).not.toContainText('Not in your archive')
  await expect(current).toBeVisible()
  const [a, c] = [await above.boundingBox(), await current.boundingBox()]
  expect(a!.y + a!.height).toBeLessThanOrEqual(c!.y)
  await expect(composer.getByRole('textbox', { name: 'Reply text' })).toBeFocused()
  await screenshot(page, 'thread-2560x1440')
  await composer.screenshot({ path: join(__dirname, 'artifacts', 'thread-composer-2560x1440.png') })

  await page.setViewportSize({ width: 1600, height: 1000 })
  await expect(above).toBeVisible()
  await screenshot(page, 'thread-1600x1000')
  await composer.screenshot({ path: join(__dirname, 'artifacts', 'thread-composer-1600x1000.png') })
})
