// The second build of better-sqlite3's addon, for Electron's ABI, kept apart
// from the one npm built for Node (which the CLI, browser mode and the tests
// load). Made by `npm run desktop:fetch-electron` after the binary arrives, by
// `npm start` when it is missing, or by hand with `npm run desktop:native`.
// The way the Electron ecosystem does it: better-sqlite3's own prebuilt addon
// for Electron through prebuild-install, else node-gyp against Electron's
// headers. Both run on a copy of the package, so Node's build is never touched.
// The desktop app picks the file (src/main/core/store/native-binding.ts names
// it the same way; a test holds the two together).
const { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, copyFileSync } = require('node:fs')
const { spawnSync } = require('node:child_process')
const { dirname, join } = require('node:path')

const ROOT = join(__dirname, '..')

/** Where Electron builds are kept: the desktop app reads $EARSHOT_NATIVE_DIR, which defaults to this. */
function nativeDir(root = ROOT) {
  return join(root, 'node_modules', '.earshot-native')
}

/** The file the build for one ABI, platform and architecture is kept in. */
function electronAddonPath(dir, abi, platform, arch) {
  return join(dir, `electron-v${abi}-${platform}-${arch}`, 'better_sqlite3.node')
}

/** Electron's version and ABI as installed here, or undefined when the electron package is absent. */
function electronTarget(root = ROOT) {
  let version
  try {
    version = require(require.resolve('electron/package.json', { paths: [root] })).version
  } catch {
    return undefined
  }
  const abi = require(require.resolve('node-abi', { paths: [root] })).getAbi(version, 'electron')
  return { version, abi: String(abi) }
}

/** The Electron build's path for the installed Electron, present or not. */
function addonFor(target, root = ROOT, platform = process.platform, arch = process.arch) {
  return electronAddonPath(nativeDir(root), target.abi, platform, arch)
}

function run(command, args, cwd, log) {
  log(`  $ ${[command, ...args].join(' ')}`)
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: process.env })
  if (r.error) log(`  ${command}: ${r.error.message}`)
  return r.status === 0
}

function resolveFrom(dir, request) {
  try {
    return require.resolve(request, { paths: [dir] })
  } catch {
    return undefined
  }
}

/** node-gyp as npm runs it: the path npm hands to scripts, else the copy inside npm, else PATH's. */
function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp]
  const npmCli = process.env.npm_execpath
  if (npmCli) candidates.push(join(dirname(npmCli), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))
  candidates.push(
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  )
  const script = candidates.find((p) => p && existsSync(p))
  return script ? [process.execPath, script] : ['node-gyp']
}

/**
 * Build the addon for the installed Electron; returns its path. Throws one
 * clear line when neither the prebuilt download nor the source build works
 * (no network to GitHub or electronjs.org, no compiler).
 */
function buildElectronAddon({ root = ROOT, log = console.error } = {}) {
  const target = electronTarget(root)
  if (!target) throw new Error('the electron package is not installed: run `npm install` first')
  const out = addonFor(target, root)
  const source = dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }))
  mkdirSync(nativeDir(root), { recursive: true })
  const stage = mkdtempSync(join(nativeDir(root), 'stage-'))
  try {
    const copy = join(stage, 'better-sqlite3')
    cpSync(source, copy, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) })
    log(`Building SQLite's addon for Electron ${target.version} (ABI ${target.abi}), apart from Node's:`)
    const prebuilt = resolveFrom(source, 'prebuild-install/bin.js')
    const common = [`--runtime=electron`, `--target=${target.version}`, `--arch=${process.arch}`]
    const ok =
      (prebuilt !== undefined &&
        run(process.execPath, [prebuilt, ...common, '--platform', process.platform], copy, log)) ||
      run(
        nodeGyp()[0],
        [...nodeGyp().slice(1), 'rebuild', '--release', ...common, '--dist-url=https://electronjs.org/headers'],
        copy,
        log,
      )
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node')
    if (!ok || !existsSync(built))
      throw new Error(
        `could not build SQLite's addon for Electron ${target.version}: neither better-sqlite3's prebuilt addon ` +
          "(GitHub) nor Electron's headers (electronjs.org) could be had, or the compiler failed (see above)",
      )
    mkdirSync(dirname(out), { recursive: true })
    copyFileSync(built, `${out}.partial`)
    renameSync(`${out}.partial`, out)
    log(`Built ${out}`)
    return out
  } finally {
    rmSync(stage, { recursive: true, force: true })
  }
}

module.exports = { nativeDir, electronAddonPath, electronTarget, addonFor, buildElectronAddon }

if (require.main === module) {
  try {
    buildElectronAddon()
  } catch (err) {
    console.error(`earshot: ${err.message}`)
    process.exit(1)
  }
}
