// GET /2/tweets?ids= and GET /2/tweets/:id of the fake X API: found posts in
// `data` with their authors in `includes.users`; a post that is not there
// (deleted, protected, never was) is a resource-not-found entry in `errors`,
// still with HTTP 200 (shared/fixtures/x-api-v2/partial_error_200.json). A
// single-post look-up that finds nothing carries only `errors`.
import type { FakeTweet, FakeUser } from './server'

export type KnownPost = { tweet: FakeTweet; users: FakeUser[] } | undefined

export function lookupBody(ids: string[], find: (id: string) => KnownPost, single: boolean): Record<string, unknown> {
  const found = ids.map(find).filter((p): p is NonNullable<KnownPost> => p !== undefined)
  const missing = ids.filter((id) => find(id) === undefined)
  const users = [...new Map(found.flatMap((p) => p.users).map((u) => [u.id, u])).values()]
  const errors = missing.map((id) => ({
    value: id,
    detail: `Could not find tweet with ${single ? 'id' : 'ids'}: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter: single ? 'id' : 'ids',
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  }))
  return {
    ...(found.length > 0 ? { data: single ? found[0]!.tweet : found.map((p) => p.tweet) } : {}),
    ...(found.length > 0 && users.length > 0 ? { includes: { users } } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  }
}
