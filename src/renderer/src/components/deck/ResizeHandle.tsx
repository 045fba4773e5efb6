// The drag handle on a column's right edge. Dragging previews the width
// (through `onPreview`) and stores it when released; arrow keys resize by
// 20 px steps for keyboard users. Widths are logical px (before font scale).
import { useRef } from 'react'
import { COLUMN_WIDTH } from '../../../../shared/domain'
import { clampWidth } from '../../lib/columns'

interface ResizeHandleProps {
  title: string
  width: number
  fontScale: number
  onPreview: (width: number | null) => void
  onCommit: (width: number) => void
}

const KEY_STEP = 20

export function ResizeHandle({ title, width, fontScale, onPreview, onCommit }: ResizeHandleProps) {
  const drag = useRef<{
    pointerId: number
    startX: number
    startWidth: number
    last: number
  } | null>(null)

  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${title}`}
      aria-valuemin={COLUMN_WIDTH.min}
      aria-valuemax={COLUMN_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(e) => {
        if (e.button !== 0) return
        e.preventDefault()
        e.currentTarget.setPointerCapture(e.pointerId)
        drag.current = {
          pointerId: e.pointerId,
          startX: e.clientX,
          startWidth: width,
          last: width,
        }
      }}
      onPointerMove={(e) => {
        const d = drag.current
        if (!d || d.pointerId !== e.pointerId) return
        d.last = clampWidth(d.startWidth + (e.clientX - d.startX) / fontScale)
        onPreview(d.last)
      }}
      onPointerUp={(e) => {
        const d = drag.current
        if (!d || d.pointerId !== e.pointerId) return
        drag.current = null
        if (d.last !== d.startWidth) onCommit(d.last)
        else onPreview(null)
      }}
      onPointerCancel={() => {
        drag.current = null
        onPreview(null)
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
        e.preventDefault()
        const next = clampWidth(width + (e.key === 'ArrowLeft' ? -KEY_STEP : KEY_STEP))
        if (next !== width) onCommit(next)
      }}
    />
  )
}
