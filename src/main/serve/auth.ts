// Browser mode's gate: the per-run secret token (from ?token= once, then an
// HttpOnly cookie), the Host check against DNS rebinding, and the Origin check
// against cross-site requests and sockets.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { TOKEN_COOKIE, TOKEN_PARAM } from '../../shared/wire'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export interface Gate {
  readonly token: string
  /** Host names this server answers to, with the port. */
  allowedHosts(): string[]
  hostAllowed(req: IncomingMessage): boolean
  /** No Origin (a top-level navigation or a non-browser client) or our own. */
  originAllowed(req: IncomingMessage): boolean
  tokenFromQuery(url: URL): boolean
  tokenFromCookie(req: IncomingMessage): boolean
  cookieHeader(): string
}

export function createGate(token: string, port: () => number): Gate {
  const allowedHosts = () => [`127.0.0.1:${port()}`, `localhost:${port()}`]
  return {
    token,
    allowedHosts,
    hostAllowed: (req) => allowedHosts().includes(req.headers.host ?? ''),
    originAllowed: (req) => {
      const origin = req.headers.origin
      return origin === undefined || allowedHosts().some((h) => origin === `http://${h}`)
    },
    tokenFromQuery: (url) => {
      const given = url.searchParams.get(TOKEN_PARAM)
      return given !== null && sameSecret(given, token)
    },
    tokenFromCookie: (req) => {
      const given = cookieValue(req, TOKEN_COOKIE)
      return given !== undefined && sameSecret(given, token)
    },
    cookieHeader: () => `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
  }
}
