// Starts a real `earshot serve` (the built CLI under plain Node) on a fresh
// archive and a free port, and reads the address it prints.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const CLI = resolve(__dirname, '..', 'out', 'main', 'cli.js')

export interface ServerHandle {
  url: string
  origin: string
  token: string
  archivePath: string
  process: ChildProcess
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

export async function startEarshot(
  args: string[] = [],
  archivePath?: string,
  env: Record<string, string> = {},
): Promise<ServerHandle> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`)
  const db = archivePath ?? join(mkdtempSync(join(tmpdir(), 'earshot-e2e-')), 'archive.sqlite')
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', db, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`earshot serve did not print its address:\n${out}`)), 20_000)
    const check = () => {
      const m = /Earshot console: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolveUrl(m[1]!)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`earshot serve exited with ${code}:\n${out}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    archivePath: db,
    process: child,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((done) => {
        if (child.exitCode !== null) return done(child.exitCode)
        child.once('exit', (code) => done(code))
        child.kill(signal)
      }),
  }
}
