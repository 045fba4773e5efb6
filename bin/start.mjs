// `npm start`: build when the sources changed, then open the desktop app where
// Electron's binary is installed, or browser mode where it is not.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const built = join(root, 'out', 'main', 'cli.js')

function newest(dir) {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const stale =
  !existsSync(built) || Math.max(newest(join(root, 'src')), newest(join(root, 'resources'))) > statSync(built).mtimeMs
if (stale) {
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: root, stdio: 'inherit' },
  )
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const require = createRequire(import.meta.url)
const { electronBinary } = require('./electron-binary.cjs')
const { addonFor, buildElectronAddon, electronTarget } = require('./electron-native.cjs')

/** The desktop app needs SQLite's addon built for Electron's ABI too: made once, here, if missing. */
function electronAddonReady() {
  const target = electronTarget()
  if (target && existsSync(addonFor(target))) return true
  try {
    buildElectronAddon()
    return true
  } catch (err) {
    console.error(`earshot: ${err.message}; starting in browser mode instead (retry with \`npm run desktop:native\`).`)
    return false
  }
}

const args = process.argv.slice(2)
const binary = process.env.EARSHOT_BROWSER_MODE ? undefined : electronBinary()
const electron = binary && electronAddonReady() ? binary : undefined
let child
if (electron) {
  child = spawn(electron, [root, ...args], { stdio: 'inherit' })
} else {
  if (!binary)
    console.log(
      'Electron binary not installed here, so Earshot starts in browser mode: open the address below in a browser.',
    )
  child = spawn(process.execPath, [join(root, 'bin', 'earshot.mjs'), 'serve', ...args], { stdio: 'inherit' })
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
