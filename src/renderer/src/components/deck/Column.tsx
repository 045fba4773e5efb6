// One deck column: `<section role="region" aria-label={title}>` with its
// header, feed list and resize handle; also the drop target when another
// column's header is dragged over it. Its set width (scaled with the font)
// is a minimum: on a wide deck columns share the spare width.
import { memo, useState, type CSSProperties } from 'react'
import type { ColumnId } from '../../../../shared/domain'
import { reorderIds } from '../../lib/columns'
import { reorderColumns, updateColumn, useColumn, useDeckStore } from '../../state/deck'
import { notifyError } from '../../state/notices'
import { useFontScale } from '../../state/settings'
import { useSelectionStore } from '../../state/selection'
import { setDragging, setDrop, useUiStore } from '../../state/ui'
import { ColumnHeader } from './ColumnHeader'
import { FeedList } from './FeedList'
import { ResizeHandle } from './ResizeHandle'

/** Spare deck width is shared in proportion to the set widths, up to this factor. */
const MAX_GROW = 1.6

/** The set width is the column's basis; it grows (never shrinks) to fill a wide deck. */
function columnSize(width: number, fontScale: number): CSSProperties {
  const px = Math.round(width * fontScale)
  return {
    flexBasis: px,
    flexGrow: width,
    maxWidth: Math.round(px * MAX_GROW),
  }
}

interface ColumnProps {
  id: ColumnId
  isFirst: boolean
  isLast: boolean
}

export const Column = memo(function Column({ id, isFirst, isLast }: ColumnProps) {
  const column = useColumn(id)
  const fontScale = useFontScale()
  const [preview, setPreview] = useState<number | null>(null)
  const dropSide = useUiStore((s) => (s.drop?.id === id ? s.drop.side : null))
  const dragged = useUiStore((s) => s.dragging === id)
  const active = useSelectionStore((s) => s.columnId === id)
  if (!column) return null
  const width = preview ?? column.width

  const commitWidth = (next: number): void => {
    setPreview(next)
    updateColumn(id, { width: next })
      .catch((err: unknown) => notifyError(`Could not resize “${column.title}”`, err))
      .finally(() => setPreview(null))
  }

  const classes = [
    'column',
    active ? 'column--active' : '',
    dragged ? 'column--dragged' : '',
    dropSide ? `column--drop-${dropSide}` : '',
  ]
  return (
    <section
      role="region"
      aria-label={column.title}
      id={`column-${id}`}
      data-column-id={id}
      className={classes.join(' ')}
      style={columnSize(width, fontScale)}
      onDragOver={(e) => {
        const moving = useUiStore.getState().dragging
        if (moving === null || moving === id) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'move'
        const rect = e.currentTarget.getBoundingClientRect()
        setDrop({
          id,
          side: e.clientX < rect.left + rect.width / 2 ? 'before' : 'after',
        })
      }}
      onDragLeave={(e) => {
        if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return
        if (useUiStore.getState().drop?.id === id) setDrop(null)
      }}
      onDrop={(e) => {
        const { dragging, drop } = useUiStore.getState()
        setDragging(null)
        if (dragging === null || dragging === id || drop?.id !== id) return
        e.preventDefault()
        const ids = useDeckStore.getState().columns.map((c) => c.id)
        reorderColumns(reorderIds(ids, dragging, id, drop.side)).catch((err: unknown) =>
          notifyError('Could not reorder the columns', err),
        )
      }}
    >
      <ColumnHeader column={column} isFirst={isFirst} isLast={isLast} />
      <FeedList columnId={id} title={column.title} query={column.query} />
      <ResizeHandle
        title={column.title}
        width={width}
        fontScale={fontScale}
        onPreview={setPreview}
        onCommit={commitWidth}
      />
    </section>
  )
})
