// The reply composer, docked right of the deck for the selected mention: the
// mention in its thread (ComposerThread: the posts above it, other replies,
// earlier replies from here), the network's policy (counting, limit, whether
// a direct reply is allowed), a live count, canned replies, and Send
// (Ctrl+Enter) through the outbox. The draft is saved as you type (with the
// idempotency key chosen when it was started) and comes back after a restart;
// the same draft never posts twice.
import { useEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CannedReply } from '../../../../shared/contracts/triage'
import type { ColumnId, Mention } from '../../../../shared/domain'
import { countText } from '../../../../shared/text-count'
import { insertAt } from '../../lib/insertText'
import { fillTemplate } from '../../lib/triageView'
import {
  closeComposerDraft,
  editComposerDraft,
  openComposerDraft,
  sendComposerDraft,
  useComposerStore,
} from '../../state/composer'
import { useColumn } from '../../state/deck'
import { usePresenceStore } from '../../state/presence'
import { closeComposer, useSelectionStore } from '../../state/selection'
import { useReplyState, useTriageStore } from '../../state/triage'
import { CannedPicker } from './CannedPicker'
import { ComposerThread } from './ComposerThread'
import { TriageChips } from '../triage/TriageChips'

/** "Dana is replying", "Dana and Lee are replying". */
function replyingLine(names: readonly string[]): string {
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
  return `${who} ${names.length === 1 ? 'is' : 'are'} replying to this too`
}

export function Composer() {
  const composing = useSelectionStore((s) => s.composing)
  if (!composing) return null
  return (
    <ComposerPanel
      key={composing.mention.id}
      columnId={composing.columnId}
      mention={composing.mention}
      deleted={composing.deleted === true}
    />
  )
}

function ComposerPanel({ columnId, mention, deleted }: { columnId: ColumnId; mention: Mention; deleted: boolean }) {
  const column = useColumn(columnId)
  const brandPref = useTriageStore((s) => s.prefs.brand)
  const reply = useReplyState(mention.id)
  const { policy, policyError, earlier, text, mode, draft, sending, sendError, answeredAlready } = useComposerStore(
    useShallow((s) => s),
  )
  const others = usePresenceStore((s) => s.others)
  const [picker, setPicker] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    openComposerDraft(mention.id)
    return closeComposerDraft
  }, [mention.id])

  const edit = (next: string, nextMode = mode): void => editComposerDraft(next, nextMode)

  // The newest reply follows its live state (queued → sent or failed); the list was read when the composer opened.
  const shownEarlier = reply ? [reply, ...earlier.filter((i) => i.id !== reply.id)] : earlier
  const count = policy ? countText(text, policy.counting, policy.limit) : null
  const blocked = policy !== null && mode === 'reply' && !policy.reply.allowed
  const canSend =
    policy !== null && count !== null && count.fits && text.trim() !== '' && !blocked && !sending && !deleted

  const send = async (): Promise<void> => {
    if (canSend) await sendComposerDraft()
  }

  const insertCanned = (c: CannedReply): void => {
    const el = area.current
    const author = mention.author.name.trim().split(/\s+/)[0] || `@${mention.author.handle}`
    const filled = fillTemplate(c.text, { author, brand: brandPref || column?.title || '' })
    const at = insertAt(text, filled, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length)
    edit(at.value)
    setPicker(false)
    // Back to the reply at once (the picker's search box goes with the picker, and a key pressed
    // meanwhile would land nowhere); the caret once React has rendered the new text.
    el?.focus()
    requestAnimationFrame(() => area.current?.setSelectionRange(at.caret, at.caret))
  }

  const network = policy?.counting === 'x' ? 'X' : mention.source
  return (
    <aside className="composer" aria-label={`Reply to @${mention.author.handle}`}>
      <header className="composer-head">
        <h2 className="composer-title">
          {mode === 'quote' ? 'Quote' : 'Reply to'} @{mention.author.handle}
        </h2>
        <button type="button" className="icon-btn" aria-label="Close the composer" onClick={closeComposer}>
          ✕
        </button>
      </header>
      {others.length > 0 && (
        <p className="composer-msg composer-msg--presence" role="status">
          {replyingLine(others)}
        </p>
      )}
      <ComposerThread mention={mention} earlier={shownEarlier} />
      {deleted && (
        <p className="composer-msg composer-msg--warn" role="alert">
          The author deleted this post. It has left the archive and can no longer be answered.
        </p>
      )}
      {policyError && <p className="composer-msg composer-msg--error">{policyError}</p>}
      {policy && (
        <p className="composer-from">
          From {policy.account ? `@${policy.account}` : 'your account'} on {network} · {policy.limit}{' '}
          {policy.counting === 'x' ? 'weighted characters' : 'characters'}
        </p>
      )}
      {blocked && (
        <div className="composer-msg composer-msg--warn" role="status">
          <p>{policy.reply.reason ?? 'A direct reply is not allowed here.'}</p>
          <div className="composer-msg-actions">
            {policy.quote && (
              <button type="button" className="btn btn--small" onClick={() => edit(text, 'quote')}>
                Quote instead
              </button>
            )}
            {policy.openUrl && (
              <a className="btn btn--small" href={policy.openUrl} target="_blank" rel="noreferrer">
                Open on X
              </a>
            )}
          </div>
        </div>
      )}
      {picker && <CannedPicker current={text} onPick={insertCanned} onClose={() => setPicker(false)} />}
      <textarea
        ref={area}
        className="composer-text"
        aria-label="Reply text"
        placeholder="Write a reply…"
        value={text}
        autoFocus
        onChange={(e) => edit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            void send()
          } else if (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            setPicker(true)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            closeComposer()
          }
        }}
      />
      <div className="composer-bar">
        {count && (
          <span
            className={count.fits ? 'composer-count' : 'composer-count composer-count--over'}
            aria-label={count.fits ? `${count.used} of ${count.limit} characters` : `${count.over} characters over`}
          >
            {count.used} / {count.limit}
            {!count.fits && ` · ${count.over} over`}
          </span>
        )}
        <span className="composer-draft" role="status">
          {draft === 'saved'
            ? 'Draft saved'
            : draft === 'unsaved'
              ? 'Saving…'
              : draft === 'error'
                ? 'Draft not saved'
                : ''}
        </span>
        <button type="button" className="btn btn--small" onClick={() => setPicker((p) => !p)}>
          Canned…
        </button>
        {mode === 'quote' && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => edit(text, 'reply')}
            disabled={policy?.reply.allowed === false}
          >
            Reply instead
          </button>
        )}
        <button
          type="button"
          className="btn btn--primary"
          disabled={!canSend}
          title="Ctrl+Enter"
          onClick={() => void send()}
        >
          {sending ? 'Sending…' : mode === 'quote' ? 'Quote' : 'Send'}
        </button>
      </div>
      {sendError && (
        <div className="composer-msg composer-msg--error" role="alert">
          <p>{sendError}</p>
          {answeredAlready && canSend && (
            <div className="composer-msg-actions">
              <button type="button" className="btn btn--small" onClick={() => void sendComposerDraft(true)}>
                Send again
              </button>
            </div>
          )}
        </div>
      )}
      {reply && (
        <p className="composer-state">
          Latest: <TriageChips state={undefined} reply={reply} />
        </p>
      )}
    </aside>
  )
}
