// The composer thread's words: what an ancestor stands for and the note for
// one that could not be loaded, by how the post below relates to it.
import { describe, expect, it } from 'vitest'
import { ancestorPost, missingNote } from '../../src/renderer/src/lib/threadView'
import { mention } from './fixtures'

describe('thread view', () => {
  it('names the relation of the post below and how far up the missing post is', () => {
    expect(missingNote('it was deleted or is not public (404)', { kind: 'reply' }, true)).toBe(
      'The post it replies to could not be loaded: it was deleted or is not public (404)',
    )
    expect(missingNote('X rate limit reached (429)', { kind: 'quote' }, false)).toBe(
      'The post that one quotes could not be loaded: X rate limit reached (429)',
    )
  })

  it('gives the post of a stored or fetched ancestor and nothing for a missing one', () => {
    const post = mention(1, 1_000)
    expect(ancestorPost({ from: 'network', post })).toBe(post)
    expect(ancestorPost({ from: 'archive', mention: post })).toBe(post)
    expect(ancestorPost({ from: 'missing', externalId: '1', author: null, reason: 'gone' })).toBeNull()
  })
})
