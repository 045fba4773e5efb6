// A mention card in a deck column: the card plus its triage (unread, done,
// chips, reply state) and the keyboard selection. Clicking or focusing it
// selects it; a new selection (j/k/h/l, 1–9) or the composer closing moves
// DOM focus onto the selected card once it is rendered, so a screen reader
// announces it and Tab goes on from there (the WAI-ARIA feed pattern).
import { memo, useEffect, useRef } from 'react'
import type { ColumnId, Mention } from '../../../../shared/domain'
import { isRead } from '../../lib/triageView'
import { openComposer, select, useFocusRequest, useIsSelected } from '../../state/selection'
import { useMayReply } from '../../state/session'
import { useColumnTriage, useReplyState, useTriageState } from '../../state/triage'
import { MentionCard } from './MentionCard'
import { TriageChips } from '../triage/TriageChips'

interface DeckCardProps {
  columnId: ColumnId
  mention: Mention
  phrases: readonly (readonly string[])[]
  /** The column's one card in the tab order: the selected one, else the first. */
  tabbable: boolean
  posInSet: number
  setSize: number
}

/** Focus may move to the card unless the operator is somewhere else on purpose (a field, the composer, a menu). */
function mayTakeFocus(): boolean {
  const active = document.activeElement
  return active === null || active === document.body || active.closest('.feed') !== null
}

export const DeckCard = memo(function DeckCard({
  columnId,
  mention,
  phrases,
  tabbable,
  posInSet,
  setSize,
}: DeckCardProps) {
  const state = useTriageState(mention.id)
  const column = useColumnTriage(columnId)
  const reply = useReplyState(mention.id)
  const selected = useIsSelected(columnId, mention.id)
  const focusRequest = useFocusRequest(columnId, mention.id)
  const ref = useRef<HTMLElement>(null)
  const unread = !isRead(mention, state, column)
  const mayReply = useMayReply()

  useEffect(() => {
    const el = ref.current
    if (focusRequest < 0 || !el || el === document.activeElement || !mayTakeFocus()) return
    // The list scrolls the card into view itself (the virtualizer); the browser's scroll would fight it.
    el.focus({ preventScroll: true })
  }, [focusRequest])

  return (
    <div
      className="deck-card"
      onClick={(e) => {
        if (e.target instanceof HTMLElement && e.target.closest('a, button')) return
        select(columnId, mention)
      }}
    >
      <MentionCard
        mention={mention}
        phrases={phrases}
        status={{ unread, done: state?.done === true, selected }}
        triage={<TriageChips state={state} reply={reply} />}
        actions={
          mayReply ? (
            <button
              type="button"
              className="btn btn--small card-reply"
              aria-keyshortcuts="r"
              title="Reply (r)"
              onClick={() => {
                select(columnId, mention)
                openComposer()
              }}
            >
              Reply
            </button>
          ) : undefined
        }
        feed={{
          ref,
          tabbable,
          posInSet,
          setSize,
          onFocus: (e) => {
            // Tab (or a screen reader's cursor) onto the card itself selects it, as j/k would.
            if (e.target === e.currentTarget && !selected) select(columnId, mention)
          },
        }}
      />
    </div>
  )
})
