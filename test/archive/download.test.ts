// Browser mode's export download: GET /export/<id> streams the prepared file
// as an attachment, once, and only with the token cookie and our own Host.
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app/core'
import { startServer, type RunningServer } from '../../src/main/serve/server'
import { TOKEN_COOKIE } from '../../src/shared/wire'
import type { ExportJob } from '../../src/shared/contracts/archive'
import { mentionInput, tempArchive } from '../helpers'

function get(server: RunningServer, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('export download', () => {
  let core: Core
  let server: RunningServer
  beforeEach(async () => {
    core = createCore({ archivePath: tempArchive(), mode: 'browser', version: 'test', demo: { enabled: false } })
    core.start()
    core.ingest.push([mentionInput({ externalId: 'x1', text: '=1+1 café' })])
    server = await startServer({ core, rendererDir: tmpdir() })
  })
  afterEach(async () => {
    await server.close()
    await core.stop()
  })

  it('streams the file once, with the cookie and our Host only', async () => {
    const reply = await core.call('export.start', {
      scope: { kind: 'query', query: '' },
      format: 'csv',
      fields: ['id', 'text'],
    })
    if (!reply.ok) throw new Error(reply.error.message)
    const job = reply.result as ExportJob
    const cookie = `${TOKEN_COOKIE}=${server.token}`
    expect((await get(server, job.downloadPath)).status).toBe(401)
    expect((await get(server, job.downloadPath, { cookie, host: 'evil.example:80' })).status).toBe(421)
    expect((await get(server, job.downloadPath, { cookie, origin: 'http://evil.example' })).status).toBe(403)
    const ok = await get(server, job.downloadPath, { cookie })
    expect(ok.status).toBe(200)
    expect(ok.headers['content-type']).toBe('text/csv; charset=utf-8; header=present')
    expect(ok.headers['content-disposition']).toBe(
      `attachment; filename="${job.filename}"; filename*=UTF-8''${job.filename}`,
    )
    expect(ok.body).toBe("id,text\r\nx1,'=1+1 café\r\n")
    expect((await get(server, job.downloadPath, { cookie })).status).toBe(404)
  })
})
