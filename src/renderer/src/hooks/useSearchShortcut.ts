// "/" opens the archive search, unless focus is in a text field or a dialog
// is already open (and only once the deck is loaded).
import { useEffect } from 'react'
import { useAppStore } from '../state/app'
import { openDialog, useUiStore } from '../state/ui'

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

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)
    return true
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)
}

export function useSearchShortcut(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return
      if (isTextEntry(e.target) || useUiStore.getState().dialog !== null) return
      if (useAppStore.getState().load.status !== 'ready') return
      e.preventDefault()
      openDialog({ kind: 'search' })
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])
}
