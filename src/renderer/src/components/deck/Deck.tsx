// The deck: columns side by side in a horizontally scrolling row, each its
// own full-height vertical scroll, then a tile for adding another column
// that also fills any width the columns leave free. In wall mode the columns
// are sized so a whole number of them fills the screen, and the tile goes.
import { useRef, type CSSProperties } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useWallColumns } from '../../hooks/useWallColumns'
import { useDeckStore } from '../../state/deck'
import { useDisplay } from '../../state/settings'
import { openDialog } from '../../state/ui'
import { Column } from './Column'

export function Deck() {
  const ids = useDeckStore(useShallow((s) => s.columns.map((c) => c.id)))
  const wall = useDisplay().wall === true
  const ref = useRef<HTMLElement>(null)
  const fit = useWallColumns(ref, wall, ids.length)
  const style = fit ? ({ '--wall-column-width': `${fit.width}px` } as CSSProperties) : undefined
  return (
    <main
      ref={ref}
      className={wall ? 'deck deck--wall' : 'deck'}
      aria-label="Columns"
      style={style}
      data-per-screen={fit?.perScreen}
    >
      {ids.map((id, i) => (
        <Column key={id} id={id} isFirst={i === 0} isLast={i === ids.length - 1} />
      ))}
      {!wall && (
        <div className={ids.length === 0 ? 'add-tile add-tile--alone' : 'add-tile'}>
          {ids.length === 0 && <p className="add-tile-text">No columns yet. Add one to start listening.</p>}
          <button type="button" className="add-tile-btn" onClick={() => openDialog({ kind: 'add' })}>
            <span className="add-tile-plus" aria-hidden="true">
              +
            </span>
            New column
          </button>
        </div>
      )}
    </main>
  )
}
