// Where Electron's binary is, if it is installed. Never `require('electron')`
// to find out: that tries to download the binary when it is missing.
const { existsSync, readFileSync } = require('node:fs')
const { join, dirname } = require('node:path')

/** @returns {string | undefined} */
function electronBinary() {
  let dir
  try {
    dir = dirname(require.resolve('electron/package.json'))
  } catch {
    return undefined
  }
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const relative = readFileSync(pathFile, 'utf-8').trim()
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist')
  const full = join(base, relative)
  return existsSync(full) ? full : undefined
}

module.exports = { electronBinary }
