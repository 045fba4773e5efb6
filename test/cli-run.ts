// Runs the built `earshot` command line (out/main/cli.js) as a user would.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

export const CLI = resolve(__dirname, '..', 'out', 'main', 'cli.js')

export interface Run {
  code: number | null
  stdout: string
  stderr: string
}

export function earshot(
  args: string[],
  options: { stdin?: string; signalAfter?: RegExp; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.env ? { env: options.env } : {}),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      if (options.signalAfter?.test(stdout)) child.kill('SIGTERM')
    })
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => done({ code, stdout, stderr }))
    child.stdin.end(options.stdin ?? '')
  })
}
