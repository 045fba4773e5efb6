// Which `window.open` requests from the console become a pop-out column
// window: our own page (the packaged index.html, or the dev server's origin)
// with exactly one `column` parameter and nothing else. Everything else stays
// denied. No electron import, so it is testable under Node.
import { fileURLToPath } from 'node:url'

const MAX_COLUMN_ID = 64

export interface PopoutTarget {
  /** The packaged renderer's index.html (absolute path). */
  indexFile: string
  /** The dev server's address, when running under `electron-vite dev`. */
  devUrl?: string | undefined
}

/** The column id a pop-out request asks for, or null when the URL is not one. */
export function popoutColumn(url: string, target: PopoutTarget): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (target.devUrl) {
    const dev = new URL(target.devUrl)
    if (parsed.origin !== dev.origin || parsed.pathname !== dev.pathname) return null
  } else {
    if (parsed.protocol !== 'file:' || parsed.host !== '') return null
    let path: string
    try {
      path = fileURLToPath(parsed)
    } catch {
      return null
    }
    if (path !== target.indexFile) return null
  }
  if (parsed.hash !== '' || parsed.username !== '' || parsed.password !== '') return null
  const keys = [...parsed.searchParams.keys()]
  if (keys.length !== 1 || keys[0] !== 'column') return null
  const id = parsed.searchParams.get('column') ?? ''
  return id.length > 0 && id.length <= MAX_COLUMN_ID ? id : null
}
