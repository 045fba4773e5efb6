// The deck: columns side by side in a horizontally scrolling row, each its
// own full-height vertical scroll, then a tile for adding another column
// that also fills any width the columns leave free.
import { useShallow } from 'zustand/react/shallow'
import { useDeckStore } from '../state/deck'
import { openDialog } from '../state/ui'
import { Column } from './Column'

export function Deck() {
  const ids = useDeckStore(useShallow((s) => s.columns.map((c) => c.id)))
  return (
    <main className="deck" aria-label="Columns">
      {ids.map((id, i) => (
        <Column key={id} id={id} isFirst={i === 0} isLast={i === ids.length - 1} />
      ))}
      <div className={ids.length === 0 ? 'add-tile add-tile--alone' : 'add-tile'}>
        {ids.length === 0 && <p className="add-tile-text">No columns yet. Add one to start listening.</p>}
        <button type="button" className="add-tile-btn" onClick={() => openDialog({ kind: 'add' })}>
          <span className="add-tile-plus" aria-hidden="true">
            +
          </span>
          New column
        </button>
      </div>
    </main>
  )
}
