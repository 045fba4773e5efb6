// The `earshot` command line, under plain Node: `serve` runs the core with the
// console in a browser. Usage errors exit 2, runtime failures 1.
import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { version } from '../../package.json'
import { DEMO_RATE } from '../shared/domain'
import { createCore } from './core/core'
import { ArchiveTooNewError } from './core/store/migrations/migration'
import { startServer } from './serve/server'

const USAGE = `Earshot ${version}: real-time social listening console

Usage:
  earshot serve [--port N] [--db PATH] [--demo-rate N] [--demo-seed N] [--no-demo]
      Run the console in browser mode on 127.0.0.1 and print its address (with its secret token).

Options:
  --port N        port to listen on (default 5321; 0 picks a free one)
  --db PATH       archive file (default $EARSHOT_DB or ~/.local/share/earshot/archive.sqlite)
  --demo-rate N   demo source mentions per second, ${DEMO_RATE.min}-${DEMO_RATE.max}
  --demo-seed N   demo source seed (same seed, same stream)
  --no-demo       do not run the demo source
  -h, --help      show this help`

class UsageError extends Error {}

function defaultArchive(): string {
  if (process.env.EARSHOT_DB) return process.env.EARSHOT_DB
  const data = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(data, 'earshot', 'archive.sqlite')
}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`)
  return n
}

async function serve(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      db: { type: 'string' },
      'demo-rate': { type: 'string' },
      'demo-seed': { type: 'string' },
      'no-demo': { type: 'boolean' },
    },
    strict: true,
  })
  const port = intOption(values.port, 'port', 0, 65535) ?? 5321
  const rate = intOption(values['demo-rate'], 'demo-rate', DEMO_RATE.min, DEMO_RATE.max)
  const seed = intOption(values['demo-seed'], 'demo-seed', 0, 2 ** 31 - 1)
  const archivePath = resolve(values.db ?? defaultArchive())
  mkdirSync(dirname(archivePath), { recursive: true })

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
    sentimentWorker: join(__dirname, 'sentiment-worker.js'),
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
  console.log(`Archive: ${archivePath}`)

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    void server
      .close()
      .then(() => core.stop())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          console.error('earshot: shutdown failed:', err)
          process.exit(1)
        },
      )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    console.log(USAGE)
    return
  }
  if (command === 'serve') return serve(rest)
  throw new UsageError(`unknown command "${command}"`)
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`earshot: ${(err as Error).message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (err instanceof ArchiveTooNewError) {
    console.error(`earshot: ${err.message}`)
    process.exit(1)
  }
  console.error('earshot:', err instanceof Error ? err.message : err)
  process.exit(1)
})
