// Jetstream v1 wire events, validated with zod, and the mapping of a post
// commit to our MentionInput. Only the fields we read are declared; anything
// else in a record passes through untouched (records are open unions).
import { z } from 'zod'
import type { Author, MentionInput, MentionKind } from '../../../../shared/domain'

const StrongRef = z.object({ uri: z.string(), cid: z.string() })

const Facet = z.object({
  index: z.object({ byteStart: z.number().int(), byteEnd: z.number().int() }),
  features: z.array(z.looseObject({ $type: z.string(), uri: z.string().optional() })),
})

export const PostRecordSchema = z.looseObject({
  text: z.string(),
  createdAt: z.string(),
  langs: z.array(z.string()).optional(),
  reply: z.object({ root: StrongRef, parent: StrongRef }).optional(),
  facets: z.array(Facet).optional(),
  embed: z
    .looseObject({
      $type: z.string(),
      record: z.unknown().optional(),
    })
    .optional(),
})
export type PostRecord = z.infer<typeof PostRecordSchema>

export const JetstreamEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('commit'),
    did: z.string().startsWith('did:'),
    time_us: z.number().int(),
    commit: z.object({
      operation: z.enum(['create', 'update', 'delete']),
      collection: z.string(),
      rkey: z.string(),
      record: z.record(z.string(), z.unknown()).optional(),
      cid: z.string().optional(),
    }),
  }),
  z.object({
    kind: z.literal('identity'),
    did: z.string().startsWith('did:'),
    time_us: z.number().int(),
    identity: z.object({ did: z.string(), handle: z.string().optional() }),
  }),
  z.object({
    kind: z.literal('account'),
    did: z.string().startsWith('did:'),
    time_us: z.number().int(),
    account: z.looseObject({ active: z.boolean() }),
  }),
])
export type JetstreamEvent = z.infer<typeof JetstreamEventSchema>

export const POST_COLLECTION = 'app.bsky.feed.post'

export function postUri(did: string, rkey: string): string {
  return `at://${did}/${POST_COLLECTION}/${rkey}`
}

/** The DID of the repository an at:// URI names. */
export function uriDid(uri: string): string | null {
  const m = /^at:\/\/(did:[^/]+)\//.exec(uri)
  return m ? m[1]! : null
}

/** https://bsky.app/profile/HANDLE/post/RKEY (bsky.app accepts a DID in place of a handle). */
export function postUrl(uri: string, handle: string): string | null {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(uri)
  return m ? `https://bsky.app/profile/${handle.startsWith('did:') ? m[1] : handle}/post/${m[2]}` : null
}

/** The post a quote embeds (a plain record embed or a record with media). */
function quotedUri(embed: PostRecord['embed']): string | null {
  if (!embed) return null
  const record = embed.record as { uri?: unknown; record?: { uri?: unknown } } | undefined
  if (embed.$type === 'app.bsky.embed.record' && typeof record?.uri === 'string') return record.uri
  if (embed.$type === 'app.bsky.embed.recordWithMedia' && typeof record?.record?.uri === 'string')
    return record.record.uri
  return null
}

const MEDIA_EMBEDS = new Set(['app.bsky.embed.images', 'app.bsky.embed.video', 'app.bsky.embed.recordWithMedia'])

/**
 * Post text with shortened links replaced by their full facet URIs: the app
 * shows `example.com/long...` and the real target lives in the facet, which is
 * what `url:` and `has:links` must see.
 */
export function expandLinks(record: PostRecord): string {
  const links = (record.facets ?? [])
    .map((f) => ({ ...f.index, uri: f.features.find((x) => x.$type === 'app.bsky.richtext.facet#link')?.uri }))
    .filter((f): f is { byteStart: number; byteEnd: number; uri: string } => typeof f.uri === 'string')
    .sort((a, b) => b.byteStart - a.byteStart)
  if (links.length === 0) return record.text
  let bytes = Buffer.from(record.text, 'utf8')
  for (const l of links) {
    if (l.byteStart < 0 || l.byteEnd > bytes.length || l.byteStart >= l.byteEnd) continue
    bytes = Buffer.concat([bytes.subarray(0, l.byteStart), Buffer.from(l.uri, 'utf8'), bytes.subarray(l.byteEnd)])
  }
  return bytes.toString('utf8')
}

export interface PostContext {
  author: Author
  /** Handle of the author of the parent post, when known (else its DID). */
  replyTo: string | null
  /** Handle of the author of the quoted or parent post. */
  refAuthor: string | null
  receivedAt: number
}

export function toMention(did: string, rkey: string, record: PostRecord, c: PostContext): MentionInput {
  const uri = postUri(did, rkey)
  const quoted = quotedUri(record.embed)
  const kind: MentionKind = record.reply ? 'reply' : quoted ? 'quote' : 'post'
  const created = Date.parse(record.createdAt)
  return {
    source: 'bluesky',
    externalId: uri,
    url: postUrl(uri, c.author.handle),
    // A client clock can be far off: a post cannot come from the future.
    createdAt: Number.isFinite(created) ? Math.min(created, c.receivedAt) : c.receivedAt,
    author: c.author,
    text: expandLinks(record).slice(0, 20_000),
    lang: record.langs?.[0]?.slice(0, 16) ?? null,
    kind,
    refId: record.reply?.parent.uri ?? quoted,
    replyTo: record.reply ? c.replyTo : null,
    refAuthor: c.refAuthor,
    hasMedia: record.embed !== undefined && MEDIA_EMBEDS.has(record.embed.$type),
  }
}
