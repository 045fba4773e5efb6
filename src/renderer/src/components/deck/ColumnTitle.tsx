// A column's title, or the inline field that renames it (Enter or leaving
// the field saves, Escape cancels). Double-click the title to start.
import { useEffect, useRef, useState } from 'react'
import type { Column } from '../../../../shared/domain'
import { updateColumn } from '../../state/deck'
import { notifyError } from '../../state/notices'

interface ColumnTitleProps {
  column: Column
  renaming: boolean
  onRenamingChange: (renaming: boolean) => void
}

function RenameField({ column, onDone }: { column: Column; onDone: () => void }) {
  const [draft, setDraft] = useState(column.title)
  const inputRef = useRef<HTMLInputElement>(null)
  const finished = useRef(false)

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  const finish = (save: boolean): void => {
    if (finished.current) return
    finished.current = true
    onDone()
    const title = draft.trim()
    if (!save || title === '' || title === column.title) return
    updateColumn(column.id, { title }).catch((err: unknown) => notifyError(`Could not rename “${column.title}”`, err))
  }

  return (
    <input
      ref={inputRef}
      className="input column-title-input"
      aria-label="Column title"
      value={draft}
      maxLength={80}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => finish(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true)
        if (e.key === 'Escape') {
          e.stopPropagation()
          finish(false)
        }
      }}
    />
  )
}

export function ColumnTitle({ column, renaming, onRenamingChange }: ColumnTitleProps) {
  if (renaming) return <RenameField column={column} onDone={() => onRenamingChange(false)} />
  return (
    <h2
      className="column-title"
      title={`${column.title} (double-click to rename)`}
      onDoubleClick={() => onRenamingChange(true)}
    >
      {column.title}
    </h2>
  )
}
