// Webhook signatures: HMAC-SHA256 over "<timestamp>.<body>" with the
// destination's secret, sent as `X-Earshot-Signature: v1=<hex>` beside
// `X-Earshot-Timestamp: <unix seconds>`. A receiver recomputes it, compares in
// constant time and refuses a timestamp far from its clock (a replay).
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'X-Earshot-Signature'
export const TIMESTAMP_HEADER = 'X-Earshot-Timestamp'
export const DELIVERY_HEADER = 'X-Earshot-Delivery'
/** How far a receiver should let a timestamp be from its own clock. */
export const SIGNATURE_TOLERANCE_S = 300

export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/** What a receiver does (the README shows it; the tests' receiver uses it). */
export function verifySignature(
  secret: string,
  timestampHeader: string | undefined,
  body: string,
  signatureHeader: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = Number(timestampHeader)
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_S) return false
  const expected = Buffer.from(signature(secret, timestamp, body))
  const given = Buffer.from(signatureHeader ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
