// A mention card in a deck column: the card plus its triage (unread, done,
// chips, reply state) and the keyboard selection. Clicking selects it.
import { memo } from 'react'
import type { ColumnId, Mention } from '../../../../shared/domain'
import { isRead } from '../../lib/triageView'
import { select, useIsSelected } from '../../state/selection'
import { useColumnTriage, useReplyState, useTriageState } from '../../state/triage'
import { MentionCard } from './MentionCard'
import { TriageChips } from '../triage/TriageChips'

interface DeckCardProps {
  columnId: ColumnId
  mention: Mention
  phrases: readonly (readonly string[])[]
}

export const DeckCard = memo(function DeckCard({ columnId, mention, phrases }: DeckCardProps) {
  const state = useTriageState(mention.id)
  const column = useColumnTriage(columnId)
  const reply = useReplyState(mention.id)
  const selected = useIsSelected(columnId, mention.id)
  const unread = !isRead(mention, state, column)
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
      />
    </div>
  )
})
