// Browser mode's export download: GET /export/<id> streams a prepared export
// as a file attachment (behind the same Host, Origin and token checks as every
// other request). A download the browser abandons cancels the export.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Core } from '../core/app/core'

export const EXPORT_PATH = /^\/export\/([0-9a-f-]{36})$/

export async function sendExport(
  core: Core,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<boolean> {
  const file = core.archive.exports.describe(id)
  if (!file) return false
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  res.writeHead(200, {
    ...headers,
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    'Cache-Control': 'no-store',
  })
  if (req.method === 'HEAD') {
    res.end()
    return true
  }
  res.on('close', () => {
    if (res.writableFinished) return
    try {
      core.archive.exports.cancel(id)
    } catch {
      // Already over (it failed and was forgotten): nothing to cancel.
    }
  })
  await core.archive.exports.run(id, res)
  return true
}
