// Handlers of the reply commands: the outbox, and the composer's drafts and
// canned replies. Every change is announced so other windows follow.
import type { replyCommands } from '../../../shared/contracts/replies'
import type { triageCommands } from '../../../shared/contracts/triage'
import type { HandlerGroup } from '../dispatch'
import type { EventHub } from '../events'
import type { Store } from '../store'
import type { Outbox } from './outbox'

type ComposerCommands = 'canned.list' | 'canned.save' | 'canned.delete' | 'drafts.get' | 'drafts.save' | 'drafts.delete'

export interface RepliesDeps {
  store: Pick<Store, 'read' | 'write'>
  hub: EventHub
  now: () => number
  outbox: Outbox
}

export function replyHandlers({
  store,
  hub,
  now,
  outbox,
}: RepliesDeps): HandlerGroup<typeof replyCommands> & Pick<HandlerGroup<typeof triageCommands>, ComposerCommands> {
  return {
    'replies.policy': ({ mentionId }) => outbox.policy(mentionId),
    'replies.send': (request) => outbox.send(request),
    'replies.list': ({ mentionId, limit }) => outbox.list(mentionId, limit),
    'replies.retry': ({ id }) => outbox.retry(id),
    'canned.list': () => store.read.listCanned(),
    'canned.save': (c) => {
      const saved = store.write.saveCanned(c, now())
      hub.emit('canned.changed', store.read.listCanned())
      return saved
    },
    'canned.delete': ({ id }) => {
      store.write.deleteCanned(id)
      hub.emit('canned.changed', store.read.listCanned())
      return { id }
    },
    'drafts.get': ({ mentionId }) => store.read.getDraft(mentionId),
    'drafts.save': (d) => store.write.saveDraft(d, now()),
    'drafts.delete': ({ mentionId }) => {
      store.write.deleteDraft(mentionId)
      return { mentionId }
    },
  }
}
