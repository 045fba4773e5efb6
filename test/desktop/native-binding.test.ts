// The desktop app's second build of SQLite's addon: which file a process
// loads (core/store/native-binding.ts), that the builder script
// (bin/electron-native.cjs) keeps it where the app looks, that a failed build
// says so in one line and leaves nothing behind, and that the packaging
// config in package.json is one electron-builder accepts and that carries the build.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import {
  ELECTRON_NATIVE_COMMAND,
  electronAddonPath,
  NativeBindingError,
  selectNativeBinding,
  type NativeRuntime,
} from '../../src/main/core/store/native-binding'
import { tempDir } from '../helpers'

const ROOT = resolve(__dirname, '..', '..')
const require = createRequire(import.meta.url)
const builder = require('../../bin/electron-native.cjs') as {
  nativeDir(root?: string): string
  electronAddonPath(dir: string, abi: string, platform: string, arch: string): string
  electronTarget(root?: string): { version: string; abi: string } | undefined
  addonFor(target: { version: string; abi: string }, root?: string): string
  buildElectronAddon(options: { root?: string; log?: (line: string) => void }): string
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string
  devDependencies: Record<string, string>
  build: Record<string, unknown> & { files: string[]; extraResources: { from: string; filter: string[] }[] }
}
const NODE_ADDON = join(
  dirname(require.resolve('better-sqlite3/package.json')),
  'build',
  'Release',
  'better_sqlite3.node',
)

function electronRuntime(nativeDir: string | undefined, modules = '150'): NativeRuntime {
  return { electron: '45.4.1', modules, platform: process.platform, arch: process.arch, nativeDir }
}

describe('choosing the addon', () => {
  it('under Node it is better-sqlite3 own build, whatever the native folder holds', () => {
    const dir = tempDir()
    const runtime = { ...electronRuntime(dir, process.versions.modules), electron: undefined }
    mkdirSync(dirname(electronAddonPath(dir, runtime.modules, runtime.platform, runtime.arch)), { recursive: true })
    writeFileSync(electronAddonPath(dir, runtime.modules, runtime.platform, runtime.arch), 'not an addon')
    expect(selectNativeBinding(runtime)).toBeUndefined()
  })

  it('inside Electron with no native folder set it is the default build', () => {
    expect(selectNativeBinding(electronRuntime(undefined))).toBeUndefined()
  })

  it("inside Electron it is the build for Electron's own ABI, platform and architecture", () => {
    const dir = tempDir()
    const path = electronAddonPath(dir, '150', process.platform, process.arch)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, '')
    expect(selectNativeBinding(electronRuntime(dir))).toBe(path)
  })

  it('refuses a missing build with the command that makes it, even when another ABI is built', () => {
    const dir = tempDir()
    const other = electronAddonPath(dir, '140', process.platform, process.arch)
    mkdirSync(dirname(other), { recursive: true })
    writeFileSync(other, '')
    const attempt = () => selectNativeBinding(electronRuntime(dir))
    expect(attempt).toThrow(NativeBindingError)
    expect(attempt).toThrow(`run \`${ELECTRON_NATIVE_COMMAND}\``)
    expect(attempt).toThrow('ABI 150')
  })

  it('the chosen path is one better-sqlite3 loads as its nativeBinding', () => {
    const dir = tempDir()
    // Node's own build, filed as the build for this process's ABI: the path form is what is under test.
    const path = electronAddonPath(dir, process.versions.modules, process.platform, process.arch)
    mkdirSync(dirname(path), { recursive: true })
    copyFileSync(NODE_ADDON, path)
    const chosen = selectNativeBinding(electronRuntime(dir, process.versions.modules))
    expect(chosen).toBe(path)
    const db = new Database(':memory:', { nativeBinding: chosen! })
    expect(db.prepare('select sqlite_version() as v').get()).toHaveProperty('v')
    db.close()
  })
})

describe('the builder script', () => {
  it('names the build as the app looks for it, for the Electron installed here', () => {
    for (const [abi, platform, arch] of [
      ['150', 'linux', 'x64'],
      ['143', 'darwin', 'arm64'],
      ['150', 'win32', 'ia32'],
    ] as const)
      expect(builder.electronAddonPath('/n', abi, platform, arch)).toBe(electronAddonPath('/n', abi, platform, arch))
    const target = builder.electronTarget(ROOT)
    expect(target?.version).toBe(pkg.devDependencies['electron'])
    // Electron's ABI is not Node's: the reason for a second build at all.
    expect(target?.abi).not.toBe(process.versions.modules)
    expect(builder.addonFor(target!, ROOT)).toBe(
      electronAddonPath(join(ROOT, 'node_modules', '.earshot-native'), target!.abi, process.platform, process.arch),
    )
  })

  it('without the electron package it says to install, and builds nothing', () => {
    const root = tempDir()
    expect(() => builder.buildElectronAddon({ root, log: () => {} })).toThrow(
      'the electron package is not installed: run `npm install` first',
    )
    expect(existsSync(builder.nativeDir(root))).toBe(false)
  })

  it('a build that cannot be made fails in one line, leaves no stage or partial file, and Node’s build untouched', () => {
    // A root whose electron and better-sqlite3 are real packages, with a compiler that always fails,
    // so the outcome does not depend on this machine's network.
    const root = tempDir()
    const modules = join(root, 'node_modules')
    for (const name of ['electron', 'node-abi', 'semver']) linkPackage(modules, name)
    const sqlite = join(modules, 'better-sqlite3')
    mkdirSync(sqlite, { recursive: true })
    writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '0.0.0' }))
    writeFileSync(join(sqlite, 'binding.gyp'), 'not gyp')
    const before = statSync(NODE_ADDON).mtimeMs
    const lines: string[] = []
    const saved = process.env['npm_config_node_gyp']
    process.env['npm_config_node_gyp'] = writeFailingGyp(root)
    try {
      expect(() => builder.buildElectronAddon({ root, log: (l) => lines.push(l) })).toThrow(
        /^could not build SQLite's addon for Electron \d+\.\d+\.\d+: /,
      )
    } finally {
      if (saved === undefined) delete process.env['npm_config_node_gyp']
      else process.env['npm_config_node_gyp'] = saved
    }
    expect(lines.join('\n')).toContain('rebuild --release --runtime=electron')
    expect(readdirSync(builder.nativeDir(root))).toEqual([])
    expect(statSync(NODE_ADDON).mtimeMs).toBe(before)
  })
})

describe('packaging a Linux build (electron-builder)', () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(): void }): Promise<void>
  }
  const debug = { isEnabled: false, add() {} }

  it("package.json's build config passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(pkg.build, debug)).resolves.toBeUndefined()
  })

  it('the schema check can fail: an unknown key is refused', async () => {
    await expect(validateConfiguration({ ...pkg.build, fles: ['out/**'] }, debug)).rejects.toThrow(
      "unknown property 'fles'",
    )
  })

  it('targets AppImage and deb, carries the built app and the Electron build, and never rebuilds Node’s', () => {
    const linux = pkg.build['linux'] as { target: string[] }
    expect(linux.target).toEqual(['AppImage', 'deb'])
    expect(pkg.main.startsWith('./out/')).toBe(true)
    expect(pkg.build.files).toContain('out/**')
    const carried = pkg.build.extraResources.find((r) => join(ROOT, r.from) === builder.nativeDir(ROOT))
    expect(carried?.filter).toEqual(['electron-v*/better_sqlite3.node'])
    expect(pkg.build['npmRebuild']).toBe(false)
  })
})

function linkPackage(modules: string, name: string): void {
  const real = dirname(require.resolve(`${name}/package.json`))
  mkdirSync(modules, { recursive: true })
  // A copy of package.json is enough for electron (its version); node-abi and semver need their code.
  if (name === 'electron') {
    mkdirSync(join(modules, name), { recursive: true })
    copyFileSync(join(real, 'package.json'), join(modules, name, 'package.json'))
  } else {
    symlinkSync(real, join(modules, name), 'dir')
  }
}

function writeFailingGyp(root: string): string {
  const path = join(root, 'failing-gyp.js')
  writeFileSync(path, "console.error('gyp: compiler says no'); process.exit(1)\n")
  return path
}
