// Parses a text frame from the browser-mode server into a ServerFrame, or
// null when it is not one (never throws). Shapes are checked just enough to
// route it; payloads are trusted as the contract's types.
import { ERROR_CODES, type ErrorBody, type ErrorCode, type Reply } from '../../../shared/contract'
import type { ServerFrame } from '../../../shared/wire'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const isErrorCode = (v: unknown): v is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(v)

function parseReply(v: unknown): Reply | null {
  if (!isRecord(v)) return null
  if (v.ok === true) return { ok: true, result: v.result }
  if (v.ok === false && isRecord(v.error)) {
    const e = v.error
    const body: ErrorBody = {
      code: isErrorCode(e.code) && e.code !== 'internal' ? e.code : 'internal',
      message: typeof e.message === 'string' ? e.message : 'Unknown error',
    }
    if (Array.isArray(e.issues)) body.issues = e.issues.filter((x): x is string => typeof x === 'string')
    return { ok: false, error: body }
  }
  return null
}

export function parseServerFrame(text: string): ServerFrame | null {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  if (!isRecord(v)) return null
  if (v.t === 'reply' && typeof v.id === 'number') {
    const reply = parseReply(v.reply)
    return reply ? { t: 'reply', id: v.id, reply } : null
  }
  if (v.t === 'event' && typeof v.name === 'string') return { t: 'event', name: v.name, payload: v.payload }
  return null
}
