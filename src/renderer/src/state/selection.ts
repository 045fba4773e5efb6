// Store: the keyboard focus of the deck (which column and which mention are
// selected) and the reply composer (open for which mention). Moving the
// selection marks the mention read, as TweetDeck and Gmail do; `u` makes it
// unread again. Navigation walks each column's visible list (filters and
// mutes applied), so the selection never lands on a hidden card, and the
// selected card stays in that list even when a filter (only unread) would
// now hide it.
import { create } from 'zustand'
import type { ColumnId, Mention } from '../../../shared/domain'
import { popoutColumnId } from '../lib/route'
import { useDeckStore } from './deck'
import { notifyError } from './notices'
import { setTriage, useTriageStore, viewOf } from './triage'

export interface SelectionState {
  columnId: ColumnId | null
  mentionId: number | null
  /** The mention the composer is open for; `deleted` once its author deleted it at the source. */
  composing: { columnId: ColumnId; mention: Mention; deleted?: boolean } | null
  /**
   * Bumped whenever DOM focus should go to the selected card (a new selection,
   * the composer closing): the card takes focus when it is rendered (roving
   * tabindex, WAI-ARIA feed pattern), so a screen reader announces it.
   */
  focusRequest: number
}

export const useSelectionStore = create<SelectionState>()(() => ({
  columnId: null,
  mentionId: null,
  composing: null,
  focusRequest: 0,
}))

/** A column's visible list as the deck shows it: the selected mention stays in it, whatever the filters say. */
function shown(columnId: ColumnId): readonly Mention[] {
  const sel = useSelectionStore.getState()
  return viewOf(columnId, sel.columnId === columnId ? sel.mentionId : null).items
}

export function selectedMention(): { columnId: ColumnId; mention: Mention } | null {
  const { columnId, mentionId } = useSelectionStore.getState()
  if (columnId === null || mentionId === null) return null
  const mention = shown(columnId).find((m) => m.id === mentionId)
  return mention ? { columnId, mention } : null
}

function markRead(m: Mention): void {
  if (useTriageStore.getState().states[m.id]?.read) return
  setTriage({ mentionIds: [m.id], read: true }).catch((err: unknown) => notifyError('Could not mark read', err))
}

export function select(columnId: ColumnId, mention: Mention | null): void {
  useSelectionStore.setState((s) => ({
    columnId,
    mentionId: mention?.id ?? null,
    focusRequest: s.focusRequest + 1,
  }))
  if (mention) markRead(mention)
}

const popout = popoutColumnId()

/** The columns on screen, in order: the deck's, or the one a pop-out window shows. */
function columnIds(): ColumnId[] {
  return popout !== null ? [popout] : useDeckStore.getState().columns.map((c) => c.id)
}

/** j / k: the next or previous visible mention in the selected column (the first one when none is). */
export function moveItem(delta: 1 | -1): void {
  const ids = columnIds()
  const columnId = useSelectionStore.getState().columnId ?? ids[0]
  if (columnId === undefined) return
  const items = shown(columnId)
  if (items.length === 0) return select(columnId, null)
  const cur = items.findIndex((m) => m.id === useSelectionStore.getState().mentionId)
  const next = cur < 0 ? 0 : Math.min(items.length - 1, Math.max(0, cur + delta))
  select(columnId, items[next]!)
}

/** Home / End: the first (newest) or the last loaded mention of the selected column. */
export function moveToEdge(edge: 'first' | 'last'): void {
  const columnId = useSelectionStore.getState().columnId ?? columnIds()[0]
  if (columnId === undefined) return
  const items = shown(columnId)
  select(columnId, (edge === 'first' ? items[0] : items.at(-1)) ?? null)
}

/** h / l: the column to the left or right, at about the same position in its list. */
export function moveColumn(delta: 1 | -1): void {
  const ids = columnIds()
  if (ids.length === 0) return
  const { columnId, mentionId } = useSelectionStore.getState()
  const at = columnId === null ? -1 : ids.indexOf(columnId)
  const target = at < 0 ? 0 : Math.min(ids.length - 1, Math.max(0, at + delta))
  const index =
    columnId === null
      ? 0
      : Math.max(
          0,
          shown(columnId).findIndex((m) => m.id === mentionId),
        )
  jumpToColumn(target, index)
}

/** 1–9: that column (1-based), its first mention or the one at `index`. */
export function jumpToColumn(n: number, index = 0): void {
  const id = columnIds()[n]
  if (id === undefined) return
  const items = shown(id)
  select(id, items[Math.min(index, items.length - 1)] ?? null)
}

export function openComposer(): void {
  const sel = selectedMention()
  if (sel) useSelectionStore.setState({ composing: { columnId: sel.columnId, mention: sel.mention } })
}

/** The author deleted these mentions: an open composer for one says so and sends nothing. */
export function composingRemoved(ids: readonly number[]): void {
  const { composing } = useSelectionStore.getState()
  if (composing && ids.includes(composing.mention.id))
    useSelectionStore.setState({ composing: { ...composing, deleted: true } })
}

/** The author edited these mentions: an open composer shows the new text. */
export function composingRevised(mentions: readonly Mention[]): void {
  const { composing } = useSelectionStore.getState()
  const edited = composing && mentions.find((m) => m.id === composing.mention.id)
  if (edited) useSelectionStore.setState({ composing: { ...composing, mention: edited } })
}

/** Closes the composer; focus goes back to the selected card. */
export function closeComposer(): void {
  useSelectionStore.setState((s) => ({ composing: null, focusRequest: s.focusRequest + 1 }))
}

export function useIsSelected(columnId: ColumnId, mentionId: number): boolean {
  return useSelectionStore((s) => s.columnId === columnId && s.mentionId === mentionId)
}

/** The selected card's pending focus request (-1 for every other card, so they do not re-render). */
export function useFocusRequest(columnId: ColumnId, mentionId: number): number {
  return useSelectionStore((s) => (s.columnId === columnId && s.mentionId === mentionId ? s.focusRequest : -1))
}
