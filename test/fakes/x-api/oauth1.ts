// OAuth 1.0a request verification (RFC 5849 §3.4, HMAC-SHA1), as X checks a
// user-context request: the signature over the method, the URL the client
// really requested and every query and oauth_* parameter, with the consumer
// and token secrets. JSON bodies are not part of the signature.
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export interface OAuth1Credentials {
  appKey: string
  appSecret: string
  accessToken: string
  accessSecret: string
}

const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** Why the request fails verification, or null when it is signed by these credentials. */
export function verifyOAuth1(req: IncomingMessage, url: URL, creds: OAuth1Credentials): string | null {
  const header = req.headers.authorization ?? ''
  if (!header.startsWith('OAuth ')) return 'no OAuth header'
  const oauth = new Map(
    [...header.slice(6).matchAll(/([\w]+)="([^"]*)"/g)].map((m) => [m[1]!, decodeURIComponent(m[2]!)] as const),
  )
  if (oauth.get('oauth_consumer_key') !== creds.appKey) return 'unknown consumer key'
  if (oauth.get('oauth_token') !== creds.accessToken) return 'unknown token'
  if (oauth.get('oauth_signature_method') !== 'HMAC-SHA1') return 'unsupported signature method'
  const signature = oauth.get('oauth_signature')
  if (!signature) return 'no signature'
  const params: Array<[string, string]> = [
    ...[...oauth].filter(([k]) => k !== 'oauth_signature' && k !== 'realm'),
    ...url.searchParams,
  ].map(([k, v]) => [encode(k), encode(v)])
  params.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1))
  const base = [
    (req.method ?? 'GET').toUpperCase(),
    encode(`http://${req.headers.host}${url.pathname}`),
    encode(params.map(([k, v]) => `${k}=${v}`).join('&')),
  ].join('&')
  const expected = createHmac('sha1', `${encode(creds.appSecret)}&${encode(creds.accessSecret)}`)
    .update(base)
    .digest()
  const given = Buffer.from(signature, 'base64')
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'bad signature'
}
