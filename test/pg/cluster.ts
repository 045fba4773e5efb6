// A throwaway PostgreSQL cluster for the tests: initdb into a temporary
// folder, started on 127.0.0.1 at a free port with a random password, as the
// `postgres` user when run as root (PostgreSQL refuses to run as root).
// One owner for its callers: .ci/run starts it before the README's test
// command (cluster-cli.ts), vitest's global setup starts one itself when
// EARSHOT_TEST_PG_URL names none, and so does the team benchmark.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Cluster {
  /** postgres://earshot:<password>@127.0.0.1:<port>/postgres */
  url: string
  dir: string
  stop(): void
}

/** Debian keeps the server programs out of PATH, one folder per major version. */
export function pgBin(program: string): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', program)))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions[0]) return join(root, versions[0], 'bin', program)
  try {
    return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error(
      `PostgreSQL's ${program} was not found: install it (apt-get install -y postgresql) ` +
        'or point the tests at a server with EARSHOT_TEST_PG_URL=postgres://user:password@host:port/db',
    )
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

const isRoot = () => process.getuid?.() === 0

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function run(program: string, args: string[]): void {
  const bin = pgBin(program)
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] })
}

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'earshot-pg-'))
  const password = randomBytes(12).toString('hex')
  const pwfile = join(dir, 'pw')
  writeFileSync(pwfile, password)
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
    chownSync(pwfile, uid, gid)
  }
  chmodSync(dir, 0o700)
  const data = join(dir, 'data')
  run('initdb', [
    '-D',
    data,
    '-U',
    'earshot',
    `--pwfile=${pwfile}`,
    '-A',
    'scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ])
  rmSync(pwfile)
  const port = await freePort()
  // fsync stays on: the durability tests kill processes, not the machine, but
  // the cluster should behave as a real one does.
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'server.log'),
    '-w',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${dir} -c max_connections=200`,
    'start',
  ])
  return {
    url: `postgres://earshot:${password}@127.0.0.1:${port}/postgres`,
    dir,
    stop: () => stopCluster(dir),
  }
}

export function stopCluster(dir: string): void {
  try {
    run('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
