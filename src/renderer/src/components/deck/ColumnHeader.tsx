// A column's header: drag grip and title (drag to reorder, double-click to
// rename), archive total, menu, the keyword query with move left/right
// buttons, and the sentiment sparkline.
import { useState } from 'react'
import type { Column } from '../../../../shared/domain'
import { formatCompact, formatExact } from '../../lib/format'
import { useColumnStats } from '../../state/stats'
import { setDragging } from '../../state/ui'
import { ColumnMenu, move } from './ColumnMenu'
import { ColumnNotices } from './ColumnNotices'
import { ColumnTitle } from './ColumnTitle'
import { Sparkline } from './Sparkline'

export const COLUMN_DRAG_TYPE = 'application/x-earshot-column'

interface ColumnHeaderProps {
  column: Column
  isFirst: boolean
  isLast: boolean
}

export function ColumnHeader({ column, isFirst, isLast }: ColumnHeaderProps) {
  const [renaming, setRenaming] = useState(false)
  const stats = useColumnStats(column.id)
  return (
    <header
      className="column-header"
      draggable={!renaming}
      onDragStart={(e) => {
        e.dataTransfer.setData(COLUMN_DRAG_TYPE, column.id)
        e.dataTransfer.effectAllowed = 'move'
        setDragging(column.id)
      }}
      onDragEnd={() => setDragging(null)}
    >
      <div className="column-titlebar">
        <span className="column-grip" aria-hidden="true" title="Drag to reorder" />
        <ColumnTitle column={column} renaming={renaming} onRenamingChange={setRenaming} />
        {stats && (
          <span className="column-total" title={`${formatExact(stats.total)} mentions in the archive`}>
            {formatCompact(stats.total)}
          </span>
        )}
        <ColumnMenu column={column} isFirst={isFirst} isLast={isLast} onRename={() => setRenaming(true)} />
      </div>
      <div className="column-subbar">
        <p className="column-query" title={column.query}>
          {column.query.trim() === '' ? 'No keywords' : column.query}
        </p>
        <button
          type="button"
          className="move-btn"
          aria-label={`Move ${column.title} left`}
          title="Move left"
          disabled={isFirst}
          onClick={() => move(column, -1)}
        >
          ‹
        </button>
        <button
          type="button"
          className="move-btn"
          aria-label={`Move ${column.title} right`}
          title="Move right"
          disabled={isLast}
          onClick={() => move(column, 1)}
        >
          ›
        </button>
      </div>
      <ColumnNotices columnId={column.id} />
      <Sparkline stats={stats} />
    </header>
  )
}
