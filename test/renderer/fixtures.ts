// Test helpers: minimal valid mentions for the renderer's pure functions.
import type { Mention } from '../../src/shared/domain'

export function mention(id: number, createdAt: number, patch: Partial<Mention> = {}): Mention {
  return {
    id,
    createdAt,
    receivedAt: createdAt,
    source: 'demo',
    externalId: `ext-${id}`,
    url: null,
    author: {
      handle: `user${id}`,
      name: `User ${id}`,
      followers: 10,
      avatarUrl: null,
      verified: false,
    },
    text: `mention ${id}`,
    lang: 'en',
    kind: 'post',
    refId: null,
    hasMedia: false,
    sentiment: 0,
    sentimentLabel: 'neutral',
    ...patch,
  }
}

/** Mentions with ids from..to (inclusive), createdAt = id * 1000, newest first. */
export function range(from: number, to: number): Mention[] {
  const out: Mention[] = []
  for (let id = to; id >= from; id--) out.push(mention(id, id * 1000))
  return out
}

export function ids(list: readonly Mention[]): number[] {
  return list.map((m) => m.id)
}
