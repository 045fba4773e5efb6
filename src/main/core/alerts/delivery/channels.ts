// Sending one delivery: an HTTP POST (webhooks and Slack) or a mail over SMTP
// (nodemailer), each with a time limit, and what came of it in one shape: sent,
// worth retrying (a network error, 408/429/5xx, an SMTP 4xx reply; with the
// receiver's Retry-After when it gave one), or not (another 4xx, an SMTP 5xx).
import nodemailer from 'nodemailer'
import type { ConnectionOptions } from 'node:tls'
import type { EmailConfig } from '../../../../shared/contracts/delivery'
import { retryAfterMs } from '../../connectors/backoff'
import type { MailContent } from './message'

export interface Outcome {
  ok: boolean
  /** HTTP status or SMTP reply code, when the receiver answered. */
  status: number | null
  error: string | null
  retryable: boolean
  /** The receiver asked to wait this long (Retry-After). */
  retryAfterMs: number | null
}

const TIMEOUT_MS = 10_000

const describe = (err: unknown): string => {
  const e = err as { name?: string; code?: string; cause?: { code?: string; message?: string }; message?: string }
  if (e.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000} s`
  const code = e.cause?.code ?? e.code
  return code ? `could not connect (${code})` : (e.cause?.message ?? e.message ?? String(err))
}

/** POSTs a JSON body; the receiver's answer body is read (and dropped) so the connection is reused. */
export async function postJson(url: string, body: string, headers: Record<string, string>): Promise<Outcome> {
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'Earshot alerts', ...headers },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
  } catch (err) {
    return { ok: false, status: null, error: describe(err), retryable: true, retryAfterMs: null }
  }
  const answer = await res.text().catch(() => '')
  if (res.ok) return { ok: true, status: res.status, error: null, retryable: false, retryAfterMs: null }
  const retryable = res.status === 408 || res.status === 429 || res.status >= 500
  const detail = answer.trim().replace(/\s+/g, ' ').slice(0, 200)
  return {
    ok: false,
    status: res.status,
    error: `HTTP ${res.status}${detail ? `: ${detail}` : ''}`,
    retryable,
    retryAfterMs: retryable ? retryAfterMs(res.headers) : null,
  }
}

/** Sends one mail; `tls` adds trust (a private CA) for servers with their own certificates. */
export async function sendMail(
  config: EmailConfig,
  password: string | undefined,
  content: MailContent,
  tls: ConnectionOptions = {},
): Promise<Outcome> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    ...(config.username ? { auth: { user: config.username, pass: password ?? '' } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    tls: { minVersion: 'TLSv1.2', ...tls },
  })
  try {
    const info = await transport.sendMail({
      from: config.from,
      to: config.to,
      subject: content.subject,
      text: content.text,
      html: content.html,
    })
    const code = Number(/^(\d{3})/.exec(String(info.response ?? ''))?.[1] ?? 250)
    return { ok: true, status: code, error: null, retryable: false, retryAfterMs: null }
  } catch (err) {
    const e = err as { responseCode?: number; code?: string; message?: string }
    const status = typeof e.responseCode === 'number' ? e.responseCode : null
    // SMTP 4xx is "try again later"; 5xx is final. No reply at all (connection, TLS, timeout): try again.
    const retryable = status === null ? e.code !== 'EAUTH' : status < 500
    // nodemailer wraps socket errors (ESOCKET, ECONNECTION); the system's own code is in the message.
    const system = /\b(ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ECONNRESET|ETIMEDOUT|EAI_AGAIN)\b/.exec(e.message ?? '')?.[1]
    const message =
      e.code === 'EAUTH'
        ? 'the SMTP server refused the login'
        : system
          ? `could not connect (${system})`
          : e.code === 'ETLS' || /certificate|TLS/i.test(e.message ?? '')
            ? `TLS failed: ${e.message ?? 'unknown error'}`
            : describe(err)
    return { ok: false, status, error: message, retryable, retryAfterMs: null }
  } finally {
    transport.close()
  }
}
