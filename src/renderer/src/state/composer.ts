// Store: the reply being written in the composer. Opening a mention loads
// its network's policy, the replies already sent to it and its saved draft;
// edits save the draft after a short pause (with the idempotency key chosen
// when the draft was started, so a reply never posts twice), closing saves
// what is still unsaved, and send goes through the outbox under that key.
import { create } from 'zustand'
import type { OutboxItem, ReplyMode, ReplyPolicy } from '../../../shared/contracts/replies'
import { CommandError } from '../../../shared/contract'
import { errorLine } from '../lib/errors'
import { client } from './client'
import { startPresence, stopPresence } from './presence'

const SAVE_DELAY_MS = 400

export type DraftStatus = 'loading' | 'empty' | 'unsaved' | 'saved' | 'error'

export interface ComposerState {
  mentionId: number | null
  policy: ReplyPolicy | null
  policyError: string | null
  /** Replies sent from here before, newest first. */
  earlier: OutboxItem[]
  text: string
  mode: ReplyMode
  draft: DraftStatus
  sending: boolean
  sendError: string | null
  /** The send was refused because someone answered the mention a moment ago: sending again replies as well. */
  answeredAlready: boolean
}

const closed: ComposerState = {
  mentionId: null,
  policy: null,
  policyError: null,
  earlier: [],
  text: '',
  mode: 'reply',
  draft: 'loading',
  sending: false,
  sendError: null,
  answeredAlready: false,
}

export const useComposerStore = create<ComposerState>()(() => closed)

/** The open draft's idempotency key: chosen when it starts, spent when it is queued. */
let key: string | null = null
let saveTimer: ReturnType<typeof setTimeout> | null = null
/** Bumped on open and close, so answers for an earlier mention are dropped. */
let session = 0

const newKey = (): string => `earshot-${crypto.randomUUID()}`
const set = (patch: Partial<ComposerState>): void => useComposerStore.setState(patch)

/** Starts composing a reply to `mentionId`: loads its policy, earlier replies and draft. */
export function openComposerDraft(mentionId: number): void {
  const at = ++session
  const live = (): boolean => at === session
  key = null
  set({ ...closed, mentionId })
  startPresence(mentionId)
  const api = client()
  api.call('replies.policy', { mentionId }).then(
    (policy) => live() && set({ policy }),
    (err: unknown) => live() && set({ policyError: errorLine(err) }),
  )
  api.call('replies.list', { mentionId, limit: 20 }).then(
    (earlier) => live() && set({ earlier }),
    () => undefined,
  )
  api.call('drafts.get', { mentionId }).then(
    (d) => {
      if (!live()) return
      // The draft keeps its key; its text wins unless typing started while it loaded.
      if (d) key = d.key
      const typed = useComposerStore.getState().text !== ''
      if (d && !typed) set({ text: d.text, mode: d.mode, draft: d.text !== '' ? 'saved' : 'empty' })
      else if (!typed) set({ draft: 'empty' })
    },
    () => {
      if (live() && useComposerStore.getState().draft === 'loading') set({ draft: 'empty' })
    },
  )
}

/** Leaves the draft: typing not yet saved is saved now. */
export function closeComposerDraft(): void {
  if (saveTimer !== null) {
    clearTimeout(saveTimer)
    saveDraft()
  }
  session++
  stopPresence()
  set(closed)
}

function saveDraft(): void {
  saveTimer = null
  const { mentionId, text, mode } = useComposerStore.getState()
  if (mentionId === null) return
  const at = session
  const live = (): boolean => at === session
  if (text.trim() === '') {
    key = null
    client()
      .call('drafts.delete', { mentionId })
      .then(
        () => live() && set({ draft: 'empty' }),
        () => live() && set({ draft: 'error' }),
      )
    return
  }
  key ??= newKey()
  client()
    .call('drafts.save', { mentionId, text, mode, key })
    .then(
      (d) => {
        if (!live()) return
        key = d.key
        if (useComposerStore.getState().text === text) set({ draft: 'saved' })
      },
      () => live() && set({ draft: 'error' }),
    )
}

/** The operator typed (or switched between reply and quote): saved after a pause. */
export function editComposerDraft(text: string, mode = useComposerStore.getState().mode): void {
  set({ text, mode, draft: 'unsaved', sendError: null })
  if (saveTimer !== null) clearTimeout(saveTimer)
  saveTimer = setTimeout(saveDraft, SAVE_DELAY_MS)
}

/** Queues the reply in the outbox. The caller checks it fits and may be sent. */
export async function sendComposerDraft(again = false): Promise<void> {
  const { mentionId, text, mode, sending } = useComposerStore.getState()
  if (mentionId === null || sending) return
  if (saveTimer !== null) clearTimeout(saveTimer)
  saveTimer = null
  const at = session
  const sendKey = (key ??= newKey())
  set({ sending: true, sendError: null, answeredAlready: false })
  try {
    // The draft holds the key before anything goes out: a crash mid-send resends under the same key.
    await client().call('drafts.save', { mentionId, text, mode, key: sendKey })
    const item = await client().call('replies.send', { key: sendKey, mentionId, mode, text, again })
    if (at !== session) return
    // Queued under this key: the core dropped the draft that held it, and the key is spent.
    key = null
    set({
      earlier: [item, ...useComposerStore.getState().earlier.filter((i) => i.id !== item.id)],
      text: '',
      draft: 'empty',
    })
  } catch (err) {
    if (at === session)
      set({
        sendError: errorLine(err),
        answeredAlready: !again && err instanceof CommandError && err.message.startsWith('already answered'),
      })
  } finally {
    if (at === session) set({ sending: false })
  }
}
