// A query input with live validation (see QueryStatus) and the cheat sheet:
// the `?` button, or `?` typed into the empty field, opens it; an example
// clicked there is inserted at the caret. Used by the column editor and the
// archive search.
import { useId, useRef, useState } from 'react'
import type { CheckedQuery } from '../../hooks/useCheckedQuery'
import { insertAt } from '../../lib/insertText'
import { shownCheck } from '../../lib/queryCheck'
import { CheatSheet } from '../shell/CheatSheet'
import { QueryStatus } from './QueryStatus'

interface QueryFieldProps {
  label: string
  field: CheckedQuery
  showX: boolean
  idleHint: string
  autoFocus?: boolean
  placeholder?: string
}

export function QueryField({ label, field, showX, idleHint, autoFocus, placeholder }: QueryFieldProps) {
  const [sheet, setSheet] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const selection = useRef<[number, number] | null>(null)
  const id = useId()
  const statusId = useId()
  const shown = shownCheck(field.check)
  const invalid = shown !== null && !shown.result.ok && shown.query === field.query

  const openSheet = (): void => {
    const input = inputRef.current
    selection.current = input ? [input.selectionStart ?? input.value.length, input.selectionEnd ?? 0] : null
    setSheet(true)
  }

  const insert = (example: string): void => {
    const [start, end] = selection.current ?? [field.query.length, field.query.length]
    const next = insertAt(field.query, example, start, Math.max(start, end))
    field.setQuery(next.value)
    setSheet(false)
    requestAnimationFrame(() => {
      const input = inputRef.current
      if (!input) return
      input.focus()
      input.setSelectionRange(next.caret, next.caret)
    })
  }

  return (
    <div className="field query-field">
      <label htmlFor={id}>{label}</label>
      <div className="query-input-row">
        <input
          id={id}
          ref={inputRef}
          className="input query-input"
          value={field.query}
          maxLength={2000}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          data-autofocus={autoFocus ? true : undefined}
          aria-invalid={invalid}
          aria-describedby={statusId}
          onChange={(e) => field.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === '?' && field.query === '' && !e.ctrlKey && !e.metaKey && !e.altKey) {
              e.preventDefault()
              openSheet()
            }
          }}
        />
        <button
          type="button"
          className="btn query-help-btn"
          aria-label="Query cheat sheet"
          aria-haspopup="dialog"
          title="Query cheat sheet (type ? in an empty query)"
          onClick={openSheet}
        >
          ?
        </button>
      </div>
      <QueryStatus id={statusId} check={field.check} showX={showX} idleHint={idleHint} />
      {sheet && <CheatSheet onInsert={insert} onClose={() => setSheet(false)} />}
    </div>
  )
}
