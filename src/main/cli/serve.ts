// `earshot serve`: the core with the console in a browser, on 127.0.0.1.
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../../package.json'
import { DEMO_RATE } from '../../shared/domain'
import { createCore } from '../core/app/core'
import { startServer } from '../serve/server'
import { archiveOption, makeArchiveFolder, shownArchive, intOption, secretStoreFrom, UsageError } from './args'
import { onShutdown } from './shutdown'

export const SERVE_USAGE = `  earshot serve [--port N] [--db PATH] [--credentials FILE] [--demo-rate N] [--demo-seed N] [--no-demo]
      Run the console in browser mode on 127.0.0.1 and print its address (with its secret token).
      --port N        port to listen on (default 5321; 0 picks a free one)
      --demo-rate N   demo source mentions per second, ${DEMO_RATE.min}-${DEMO_RATE.max}
      --demo-seed N   demo source seed (same seed, same stream)
      --no-demo       do not run the demo source`

export async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      credentials: { type: 'string' },
      'demo-rate': { type: 'string' },
      'demo-seed': { type: 'string' },
      'no-demo': { type: 'boolean' },
    },
    strict: true,
  })
  const port = intOption(values.port, 'port', 0, 65535) ?? 5321
  const rate = intOption(values['demo-rate'], 'demo-rate', DEMO_RATE.min, DEMO_RATE.max)
  const seed = intOption(values['demo-seed'], 'demo-seed', 0, 2 ** 31 - 1)
  const archivePath = archiveOption(values.db)
  const secrets = secretStoreFrom(values.credentials)
  makeArchiveFolder(archivePath)

  const demo = {
    ...(rate !== undefined ? { rate } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values['no-demo'] ? { enabled: false } : {}),
  }
  const core = createCore({
    archivePath,
    mode: 'browser',
    version,
    demo,
    secrets,
    sentimentWorker: join(__dirname, 'sentiment-worker.js'),
    exportWorker: join(__dirname, 'export-worker.js'),
    reportWorker: join(__dirname, 'report-worker.js'),
  })
  let server
  try {
    server = await startServer({ core, port, rendererDir: join(__dirname, '..', 'renderer') })
  } catch (err) {
    await core.stop()
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UsageError(`port ${port} is in use; pass --port with another number (or 0)`)
    throw err
  }
  core.start()
  console.log(`Earshot console: ${server.url}`)
  console.log(`Archive: ${shownArchive(archivePath)}`)
  const running = server
  onShutdown(() => running.close().then(() => core.stop()))
}
