// Electron main: app lifecycle, the windows with Electron's safety defaults
// (the console, and pop-out column windows with the same preload and web
// preferences), and the contract's IPC channel onto the same core and handler table that
// browser mode uses. Thin on purpose: everything else lives in ./core.
import { app, BrowserWindow, dialog, ipcMain, shell, type WebContents, type WebFrameMain } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { version } from '../../package.json'
import { IPC_COMMAND_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/ipc'
import { createCore, type Core } from './core/app/core'
import type { Session } from './core/app/session'
import { popoutColumn } from './popout'
import { SecretStore } from './core/secrets/secret-store'
import { electronShell } from './desktop-shell'
import { safeStorageSecrets } from './safe-storage-secrets'

const RENDERER_INDEX = join(__dirname, '../renderer/index.html')
const DEV_URL = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined

app.enableSandbox()
// Tests and portable installs can point the profile (and its archive) elsewhere.
if (process.env['EARSHOT_USER_DATA']) app.setPath('userData', process.env['EARSHOT_USER_DATA'])
// SQLite's addon for Electron's ABI is a second build kept apart from Node's
// (bin/electron-native.cjs; chosen in core/store/native-binding.ts): beside
// node_modules in a checkout, in the resources folder of a packaged app.
process.env['EARSHOT_NATIVE_DIR'] ??= app.isPackaged
  ? join(process.resourcesPath, 'native')
  : join(app.getAppPath(), 'node_modules', '.earshot-native')

/** Only our own page's main frame may call the core. */
function trusted(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false
  const url = new URL(frame.url)
  if (DEV_URL) return url.origin === new URL(DEV_URL).origin
  return url.protocol === 'file:' && url.pathname === pathToFileURL(RENDERER_INDEX).pathname
}

const WEB_PREFERENCES: Electron.WebPreferences = {
  preload: join(__dirname, '../preload/index.js'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
}

/**
 * The same rules on every window: a pop-out column request (our own page with
 * `?column=ID`, see ./popout) opens a window with the same preload and web
 * preferences; http(s) links go to the system browser; everything else is
 * denied, and no window navigates away from the console.
 */
function guard(win: BrowserWindow): void {
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (popoutColumn(url, { indexFile: RENDERER_INDEX, devUrl: DEV_URL }) !== null) {
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          width: 560,
          height: 1000,
          minWidth: 320,
          minHeight: 400,
          backgroundColor: '#0d1117',
          title: 'Earshot',
          webPreferences: WEB_PREFERENCES,
        },
      }
    }
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.webContents.on('did-create-window', (child) => guard(child))
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault()
  })
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1600,
    height: 1000,
    minWidth: 800,
    minHeight: 500,
    backgroundColor: '#0d1117',
    title: 'Earshot',
    show: false,
    webPreferences: WEB_PREFERENCES,
  })
  win.once('ready-to-show', () => win.show())
  guard(win)
  if (DEV_URL) void win.loadURL(DEV_URL)
  else void win.loadFile(RENDERER_INDEX)
  return win
}

let core: Core | undefined

/** The core on the profile's archive; exports go through the native save dialog (desktop shell). */
function openCore(): Core {
  return createCore({
    // Team mode: EARSHOT_DB=postgres://… opens the command center's shared archive.
    archivePath: process.env['EARSHOT_DB'] ?? join(app.getPath('userData'), 'archive.sqlite'),
    mode: 'desktop',
    version,
    sentimentWorker: join(__dirname, 'sentiment-worker.js'),
    exportWorker: join(__dirname, 'export-worker.js'),
    reportWorker: join(__dirname, 'report-worker.js'),
    shell: electronShell(),
    secrets: new SecretStore({
      persistent: safeStorageSecrets(join(app.getPath('userData'), 'secrets.bin')),
      ...(process.env['EARSHOT_CREDENTIALS'] ? { credentialsFile: process.env['EARSHOT_CREDENTIALS'] } : {}),
    }),
  })
}

// Ready: the core on the profile's archive, the IPC channel, the first window.
void app.whenReady().then(() => {
  try {
    core = openCore()
  } catch (err) {
    // No window yet to show it in: a missing addon build or an archive from a newer Earshot.
    dialog.showErrorBox('Earshot cannot start', (err as Error).message)
    app.exit(1)
    return
  }
  const running = core
  // Each window is a session: on an archive with operators, it signs in before anything else.
  const sessions = new Map<number, Session>()
  const sessionOf = (contents: WebContents): Session => {
    let session = sessions.get(contents.id)
    if (!session) {
      const opened = running.openSession()
      sessions.set(contents.id, (session = opened))
      contents.once('destroyed', () => {
        sessions.delete(contents.id)
        opened.close()
      })
    }
    return session
  }
  ipcMain.handle(IPC_COMMAND_CHANNEL, (event, name: unknown, input: unknown) => {
    if (!trusted(event.senderFrame)) {
      return { ok: false, error: { code: 'bad_request', message: 'command from an untrusted frame refused' } }
    }
    return sessionOf(event.sender).call(name, input)
  })
  running.hub.subscribe((name, payload) => {
    for (const win of BrowserWindow.getAllWindows())
      if (sessions.get(win.webContents.id)?.wants(name, payload)) win.webContents.send(IPC_EVENT_CHANNEL, name, payload)
  })
  running.start()
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Commit everything accepted before the process ends.
app.on('will-quit', (event) => {
  const running = core
  if (!running) return
  core = undefined
  event.preventDefault()
  void running.stop().finally(() => app.quit())
})
