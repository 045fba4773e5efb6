// The desktop side of files: native open/save dialogs for archive files and
// exports, and "Save PDF" of the report through webContents.printToPDF.
// Handed to the core as its DesktopShell, so the core never imports electron.
import { app, BrowserWindow, dialog } from 'electron'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DesktopShell } from './core/desktop-shell'

const ARCHIVE_FILTERS = [
  { name: 'Earshot archives', extensions: ['sqlite', 'db'] },
  { name: 'All files', extensions: ['*'] },
]

function focused(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
}

export function electronShell(): DesktopShell {
  return {
    async chooseArchivePath(purpose) {
      const win = focused()
      if (purpose === 'open') {
        const options = {
          title: 'Open an archive for review',
          properties: ['openFile' as const],
          filters: ARCHIVE_FILTERS,
        }
        const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
        return r.canceled ? null : (r.filePaths[0] ?? null)
      }
      const options = {
        title: 'Save a copy of the archive',
        defaultPath: 'earshot-copy.sqlite',
        filters: ARCHIVE_FILTERS,
      }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled ? null : (r.filePath ?? null)
    },
    async chooseExportPath(suggestedName) {
      const win = focused()
      const options = { title: 'Export', defaultPath: join(app.getPath('downloads'), suggestedName) }
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
    async printToPdf(title) {
      const win = focused()
      if (!win) return null
      const options = {
        title: 'Save the report as PDF',
        defaultPath: `${title.replace(/[^\w .-]+/g, '-')}.pdf`,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }
      const r = await dialog.showSaveDialog(win, options)
      if (r.canceled || !r.filePath) return null
      // The page's @media print rules (styles/reports.css) lay the report out for paper.
      const pdf = await win.webContents.printToPDF({ printBackground: true, landscape: true, pageSize: 'A4' })
      await writeFile(r.filePath, pdf)
      return r.filePath
    },
  }
}
