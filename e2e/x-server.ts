// `earshot serve` with the X source already on (filtered stream, replying as
// ComcastCares) and pointed at a fake X API: a fresh archive configured as a
// user would have left it, and the secrets in the server's environment.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openArchive } from '../src/main/core/store/db'
import { saveSourceConfig } from '../src/main/core/store/source-state'
import { DEFAULT_X } from '../src/shared/sources/x'
import type { FakeXApi } from '../test/fakes/x-api'
import { startEarshot, type ServerHandle } from './server'

export async function startEarshotWithX(fake: FakeXApi, secrets: Record<string, string>): Promise<ServerHandle> {
  const archive = join(mkdtempSync(join(tmpdir(), 'earshot-e2e-x-')), 'archive.sqlite')
  const db = openArchive(archive)
  saveSourceConfig(db, 'x', { ...DEFAULT_X, enabled: true, mode: 'stream', account: 'ComcastCares' }, Date.now())
  db.close()
  return startEarshot(['--no-demo'], archive, { ...secrets, EARSHOT_X_API_BASE: fake.url })
}
