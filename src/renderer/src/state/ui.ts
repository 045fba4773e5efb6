// Store: UI-only state shared across components: which dialog is open (the
// column editor, remove confirmation, archive search, export or import, the
// keyboard map, a column's filters and mutes, the triage prompts) and
// the column drag-and-drop in progress (who is dragged, where it would land).
import { create } from 'zustand'
import type { ExportScope } from '../../../shared/contracts/archive'
import type { ColumnId } from '../../../shared/domain'
import type { DropSide } from '../lib/columns'

export type DialogState =
  | { kind: 'add' }
  | { kind: 'edit'; columnId: ColumnId }
  | { kind: 'remove'; columnId: ColumnId }
  | { kind: 'search' }
  /** Export a column, a search's results or a time range (scope query ''). */
  | { kind: 'export'; scope: ExportScope; title: string; since?: number | null; until?: number | null }
  | { kind: 'import' }
  | { kind: 'rescore' }
  | { kind: 'destinations' }
  | { kind: 'sources' }
  /** The keyboard map (`?`). */
  | { kind: 'keys' }
  /** A column's filters and mutes. */
  | { kind: 'column-triage'; columnId: ColumnId }
  /** Assign, tag or annotate one mention. */
  | { kind: 'assign'; mentionId: number }
  | { kind: 'tag'; mentionId: number }
  | { kind: 'note'; mentionId: number }
  /** The operator's name and brand. */
  | { kind: 'operator' }
  /** Team mode's audit log (admins). */
  | { kind: 'audit' }
  | null

export interface UiState {
  dialog: DialogState
  dragging: ColumnId | null
  drop: { id: ColumnId; side: DropSide } | null
}

export const useUiStore = create<UiState>()(() => ({
  dialog: null,
  dragging: null,
  drop: null,
}))

export function openDialog(dialog: DialogState): void {
  useUiStore.setState({ dialog })
}

export function closeDialog(): void {
  useUiStore.setState({ dialog: null })
}

export function setDragging(id: ColumnId | null): void {
  useUiStore.setState({ dragging: id, drop: null })
}

export function setDrop(drop: { id: ColumnId; side: DropSide } | null): void {
  const cur = useUiStore.getState().drop
  if (cur?.id === drop?.id && cur?.side === drop?.side) return
  useUiStore.setState({ drop })
}
