// Serves the built renderer's files, confined to its folder.
import { createReadStream, promises as fs } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/** Resolves a URL path inside root, or undefined when it would escape it. */
export function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const full = normalize(join(root, decoded))
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined
}

export async function sendFile(
  res: ServerResponse,
  root: string,
  pathname: string,
  headers: Record<string, string>,
): Promise<boolean> {
  const target = resolveInside(root, pathname === '/' ? '/index.html' : pathname)
  if (!target) return false
  let stat
  try {
    stat = await fs.stat(target)
  } catch {
    return false
  }
  if (!stat.isFile()) return false
  const ext = extname(target)
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': String(stat.size),
    // Hashed asset names can be cached; the page itself never.
    'Cache-Control': ext === '.html' ? 'no-store' : 'private, max-age=31536000, immutable',
  })
  createReadStream(target).pipe(res)
  return true
}
