// Which build of better-sqlite3's addon this process loads. npm builds the
// addon for Node's ABI, where the CLI, browser mode and the tests run. Inside
// Electron (the desktop app and its worker threads) the ABI is Electron's, so
// a second build, made when Electron's binary is fetched
// (bin/electron-native.cjs), lives apart from Node's and is chosen here; a
// packaged app carries that same build in its resources (package.json's
// "build" config), so one mechanism serves a checkout and an install.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The command that makes the Electron build; named in every error. */
export const ELECTRON_NATIVE_COMMAND = 'npm run desktop:native'

export interface NativeRuntime {
  /** process.versions.electron: absent under plain Node. */
  electron?: string | undefined
  /** process.versions.modules: the ABI this process loads addons for. */
  modules: string
  platform: string
  arch: string
  /** Where Electron builds are kept ($EARSHOT_NATIVE_DIR, set by the desktop shell when not packaged). */
  nativeDir?: string | undefined
}

export class NativeBindingError extends Error {}

/** The file an Electron build for one ABI, platform and architecture is kept in. */
export function electronAddonPath(nativeDir: string, modules: string, platform: string, arch: string): string {
  return join(nativeDir, `electron-v${modules}-${platform}-${arch}`, 'better_sqlite3.node')
}

/**
 * The addon to load: undefined for better-sqlite3's own build (Node, or a
 * packaged app), else the Electron build's path. A missing build is refused
 * with the command that makes it, before SQLite is touched.
 */
export function selectNativeBinding(
  runtime: NativeRuntime,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  if (!runtime.electron || !runtime.nativeDir) return undefined
  const path = electronAddonPath(runtime.nativeDir, runtime.modules, runtime.platform, runtime.arch)
  if (exists(path)) return path
  throw new NativeBindingError(
    `SQLite's addon is not built for Electron ${runtime.electron} (ABI ${runtime.modules}, ` +
      `${runtime.platform}-${runtime.arch}): run \`${ELECTRON_NATIVE_COMMAND}\` once, then start again`,
  )
}

let chosen: { binding: string | undefined } | undefined

/** This process's choice, made once. */
export function nativeBinding(): string | undefined {
  chosen ??= {
    binding: selectNativeBinding({
      electron: process.versions.electron,
      modules: process.versions.modules,
      platform: process.platform,
      arch: process.arch,
      nativeDir: process.env.EARSHOT_NATIVE_DIR,
    }),
  }
  return chosen.binding
}
