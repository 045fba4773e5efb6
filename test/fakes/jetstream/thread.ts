// app.bsky.feed.getPostThread on the fake AppView: the post as a
// #threadViewPost with its parents up to `parentHeight` (a parent that is not
// there is a #notFoundPost), or 400 NotFound when the post itself is missing,
// in the shapes the lexicon (and so @atproto/api's response check) requires.
import type { FakeProfile, StoredRecord } from './server'

const PARENT = (r: StoredRecord) =>
  (r.value.reply as { parent?: { uri?: unknown } } | undefined)?.parent?.uri as string | undefined

export function postThread(
  params: URLSearchParams,
  records: ReadonlyMap<string, StoredRecord>,
  profiles: ReadonlyMap<string, FakeProfile>,
): { status: number; body: unknown } {
  const uri = params.get('uri') ?? ''
  const height = Number(params.get('parentHeight') ?? 80)
  const view = (record: StoredRecord, left: number): Record<string, unknown> => {
    const did = record.uri.split('/')[2]!
    const profile = profiles.get(did)
    const parentUri = PARENT(record)
    const parent = parentUri === undefined || left <= 0 ? undefined : records.get(parentUri)
    return {
      $type: 'app.bsky.feed.defs#threadViewPost',
      post: {
        uri: record.uri,
        cid: record.cid,
        author: {
          did,
          handle: profile?.handle ?? 'handle.invalid',
          ...(profile?.displayName ? { displayName: profile.displayName } : {}),
        },
        record: record.value,
        replyCount: 0,
        repostCount: 0,
        likeCount: 0,
        indexedAt: typeof record.value.createdAt === 'string' ? record.value.createdAt : new Date(0).toISOString(),
      },
      ...(parentUri !== undefined && left > 0
        ? {
            parent: parent
              ? view(parent, left - 1)
              : { $type: 'app.bsky.feed.defs#notFoundPost', uri: parentUri, notFound: true },
          }
        : {}),
    }
  }
  const record = records.get(uri)
  if (!record) return { status: 400, body: { error: 'NotFound', message: `Post not found: ${uri}` } }
  return { status: 200, body: { thread: view(record, height) } }
}
