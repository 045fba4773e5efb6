// Words for the composer's thread: how a post relates to the one below it,
// and the note for an ancestor that could not be loaded.
import type { ThreadAncestor } from '../../../shared/contracts/thread'
import type { MentionInput, MentionKind } from '../../../shared/domain'

const VERB: Record<MentionKind, string> = { reply: 'replies to', quote: 'quotes', repost: 'reposts', post: 'refers to' }

/** The post an ancestor stands for, or null when it could not be loaded. */
export function ancestorPost(a: ThreadAncestor): MentionInput | null {
  return a.from === 'archive' ? a.mention : a.from === 'network' ? a.post : null
}

/**
 * "The post it replies to could not be loaded: …" for the nearest ancestor;
 * "The post that one quotes …" further up. `child` is the post just below.
 */
export function missingNote(reason: string, child: Pick<MentionInput, 'kind'>, nearest: boolean): string {
  return `The post ${nearest ? 'it' : 'that one'} ${VERB[child.kind]} could not be loaded: ${reason}`
}
