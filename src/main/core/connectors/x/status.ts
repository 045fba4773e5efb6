// The words of the X source's status line, one place for both modes.
import type { ConnectorContext } from '../connector'
import type { XFailure } from './client'

export const clockTime = (ms: number) => `${new Date(ms).toISOString().slice(11, 19)} UTC`

export function reportRetry(ctx: ConnectorContext, rateLimited: boolean, until: number, reason: string): void {
  const seconds = Math.max(0, Math.ceil((until - ctx.now()) / 1000))
  ctx.status(
    rateLimited
      ? { state: 'rate_limited', detail: `Rate-limited by X until ${clockTime(until)} (${reason})`, until }
      : { state: 'reconnecting', detail: `Reconnecting in ${seconds} s (${reason})`, until },
  )
}

/** 401 and 403 do not heal by waiting: the credentials or the access level need fixing. */
export function isAuthFailure(f: XFailure): boolean {
  return f.kind === 'http' && (f.status === 401 || f.status === 403)
}

export function reportAuthFailure(ctx: ConnectorContext, f: XFailure): void {
  const hint =
    f.kind === 'http' && f.status === 403
      ? ' Check the app has access to this endpoint (without filtered-stream access, use search mode).'
      : ' Check the bearer token in Sources.'
  ctx.status({ state: 'error', detail: `X refused the credentials: ${f.message}.${hint}`, until: null })
}
