// The deck's keyboard: one keydown listener that looks the key up in the key
// map (lib/keymap) and runs its action. Nothing fires while typing in a field,
// with a modifier held, while a dialog is open or before the deck has loaded.
import { useEffect } from 'react'
import { bindingFor, type KeyAction } from '../../../shared/keymap'
import { useAppStore } from '../state/app'
import { notifyError, notify } from '../state/notices'
import {
  closeComposer,
  jumpToColumn,
  moveColumn,
  moveItem,
  moveToEdge,
  openComposer,
  selectedMention,
  useSelectionStore,
} from '../state/selection'
import { markReadUpTo, setTriage, updateColumnTriage, useTriageStore } from '../state/triage'
import { mayReply } from '../state/session'
import { useDeckStore } from '../state/deck'
import { openDialog, useUiStore } from '../state/ui'
import { NO_MUTES, normalizeHandle } from '../../../shared/triage'

function run(action: KeyAction, key: string): void {
  const sel = selectedMention()
  const state = sel ? useTriageStore.getState().states[sel.mention.id] : undefined
  const fail = (what: string) => (err: unknown) => notifyError(what, err)
  switch (action) {
    case 'next':
      return moveItem(1)
    case 'prev':
      return moveItem(-1)
    case 'first':
    case 'last':
      return moveToEdge(action)
    case 'left':
      return moveColumn(-1)
    case 'right':
      return moveColumn(1)
    case 'column':
      return jumpToColumn(Number(key) - 1)
    case 'search':
      return openDialog({ kind: 'search' })
    case 'keys':
      return openDialog({ kind: 'keys' })
    case 'escape':
      if (useSelectionStore.getState().composing) return closeComposer()
      useSelectionStore.setState({ mentionId: null })
      return
    case 'filters': {
      const columnId = useSelectionStore.getState().columnId ?? useDeckStore.getState().columns[0]?.id
      if (columnId !== undefined) openDialog({ kind: 'column-triage', columnId })
      return
    }
  }
  if (!sel) return
  const ids = [sel.mention.id]
  switch (action) {
    case 'reply':
      // The core would refuse an analyst's reply anyway; the composer does not open for it.
      return mayReply() ? openComposer() : notify('info', 'Replying needs an operator or admin role')
    case 'done':
      void setTriage({ mentionIds: ids, done: state?.done !== true }).catch(fail('Could not mark done'))
      return
    case 'unread':
      void setTriage({ mentionIds: ids, read: state?.read !== true }).catch(fail('Could not change read'))
      return
    case 'assign':
    case 'tag':
    case 'note':
      return openDialog({ kind: action, mentionId: sel.mention.id })
    case 'markUpTo':
      void markReadUpTo(sel.columnId, sel.mention).catch(fail('Could not mark read'))
      return
    case 'mute': {
      const mutes = useTriageStore.getState().columns[sel.columnId]?.mutes ?? NO_MUTES
      const handle = sel.mention.author.handle
      const title = useDeckStore.getState().columns.find((c) => c.id === sel.columnId)?.title ?? 'this column'
      // A second press before the first lands would list the author twice.
      if (mutes.authors.some((a) => normalizeHandle(a) === normalizeHandle(handle))) return
      void updateColumnTriage(sel.columnId, { mutes: { ...mutes, authors: [...mutes.authors, handle] } }).then(
        () => notify('info', `Muted @${handle} in “${title}”`, 'Undo in the column’s Filters and mutes (f).'),
        fail('Could not mute'),
      )
      return
    }
  }
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'url',
  'email',
  'tel',
  'password',
  'number',
  'date',
  'datetime-local',
  'time',
  'month',
  'week',
])

/** Typing in a field: single-key shortcuts stay out of the way. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)
}

export function useKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return
      const binding = bindingFor(e.key)
      if (!binding || isTextEntry(e.target)) return
      if (useUiStore.getState().dialog !== null || useAppStore.getState().load.status !== 'ready') return
      // Inside an open menu, arrows and Escape belong to the menu.
      if (e.target instanceof HTMLElement && e.target.closest('[role="menu"], .popover-panel')) return
      e.preventDefault()
      run(binding.action, e.key)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
