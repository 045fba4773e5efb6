// One column on its own, for a pop-out window (Electron) or tab (browser
// mode): `?column=ID`. Live like the deck (same store, same events); the
// window's title follows the column's, and a removed column says so.
import { useEffect } from 'react'
import { useColumn } from '../../state/deck'
import { Column } from './Column'

export function PopoutColumn({ id }: { id: string }) {
  const column = useColumn(id)
  const title = column?.title
  useEffect(() => {
    document.title = title ? `${title} · Earshot` : 'Earshot'
  }, [title])
  return (
    <main className="deck deck--popout" aria-label={title ? `${title}, popped out` : 'Popped-out column'}>
      {column ? (
        <Column id={id} isFirst isLast />
      ) : (
        <p className="popout-missing">
          This column is not on the deck any more. Close this window or pick another column.
        </p>
      )}
    </main>
  )
}
