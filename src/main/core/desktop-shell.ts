// What only the desktop app can do: native file dialogs (archive files,
// exports) and printing a window to PDF. Electron main supplies it (src/main/
// index.ts); the core stays free of electron, and browser mode, which has no
// shell, answers these commands with `unavailable` (the UI falls back to a
// path field and the browser's own print).
export interface DesktopShell {
  /** A native open or save dialog for an archive file; null when cancelled. */
  chooseArchivePath(purpose: 'open' | 'save'): Promise<string | null>
  /** A native save dialog for an export, starting at this file name; null when cancelled. */
  chooseExportPath(suggestedName: string): Promise<string | null>
  /** Asks where to save, prints the focused window to PDF there; null when cancelled. */
  printToPdf(title: string): Promise<string | null>
}
