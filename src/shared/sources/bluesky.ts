// Bluesky source settings: Jetstream for listening, a PDS for replies.
import { z } from 'zod'

export const JETSTREAM_INSTANCES = [
  'wss://jetstream1.us-east.bsky.network',
  'wss://jetstream2.us-east.bsky.network',
  'wss://jetstream1.us-west.bsky.network',
  'wss://jetstream2.us-west.bsky.network',
] as const

// What createSession accepts as an identifier: a domain handle, a DID or an e-mail address.
const BLUESKY_IDENTIFIER =
  /^(?:did:[a-z]+:[A-Za-z0-9._:%-]+|[^\s@]+@[^\s@]+\.[^\s@]+|@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/

export const BlueskyConfigSchema = z.object({
  enabled: z.boolean(),
  /** Jetstream instance base URL (ws or wss). */
  jetstream: z.url({ protocol: /^wss?$/, error: 'Jetstream must be a ws:// or wss:// URL' }),
  /** Service that resolves handles and takes replies (https). */
  service: z.url({ protocol: /^https?$/, error: 'service must be an http(s) URL' }),
  /** Handle, DID or e-mail of the replying account (its app password is a secret). */
  identifier: z
    .string()
    .max(253)
    .regex(BLUESKY_IDENTIFIER, 'use a handle (alice.bsky.social), a DID (did:plc:…) or the account e-mail')
    .nullable(),
})
export type BlueskyConfig = z.infer<typeof BlueskyConfigSchema>

export const DEFAULT_BLUESKY: BlueskyConfig = {
  enabled: false,
  jetstream: JETSTREAM_INSTANCES[0],
  service: 'https://bsky.social',
  identifier: null,
}
