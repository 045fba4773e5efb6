// The composer's canned replies: a searchable list (title and text), arrow
// keys to choose, Enter or a click inserts it with {{author}} and {{brand}}
// filled in, Escape goes back to the reply. The reply being written can be
// saved as a new one (under the search text as its title), and any removed.
import { useState } from 'react'
import type { CannedReply } from '../../../../shared/contracts/triage'
import { notifyError } from '../../state/notices'
import { deleteCanned, saveCanned, useTriageStore } from '../../state/triage'

interface CannedPickerProps {
  /** The reply being written, offered for saving as a canned reply. */
  current: string
  onPick: (c: CannedReply) => void
  onClose: () => void
}

export function CannedPicker({ current, onPick, onClose }: CannedPickerProps) {
  const canned = useTriageStore((s) => s.canned)
  const [q, setQ] = useState('')
  const [active, setActive] = useState(0)
  const needle = q.trim().toLowerCase()
  const list = needle
    ? canned.filter((c) => c.title.toLowerCase().includes(needle) || c.text.toLowerCase().includes(needle))
    : canned
  const at = Math.min(active, Math.max(0, list.length - 1))
  return (
    <div className="canned" role="group" aria-label="Canned replies">
      <input
        type="search"
        className="input canned-search"
        aria-label="Search canned replies"
        placeholder="Search canned replies…"
        value={q}
        autoFocus
        onChange={(e) => {
          setQ(e.target.value)
          setActive(0)
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive(Math.min(at + 1, list.length - 1))
          else if (e.key === 'ArrowUp') setActive(Math.max(at - 1, 0))
          else if (e.key === 'Enter' && list[at]) onPick(list[at])
          else if (e.key === 'Escape') onClose()
          else return
          e.preventDefault()
          e.stopPropagation()
        }}
      />
      <ul className="canned-list" role="listbox" aria-label="Canned replies found">
        {list.length === 0 && <li className="canned-empty">No canned reply matches “{q}”.</li>}
        {list.map((c, i) => (
          <li
            key={c.id}
            role="option"
            aria-selected={i === at}
            className={i === at ? 'canned-item is-active' : 'canned-item'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(c)}
          >
            <span className="canned-item-head">
              <strong>{c.title}</strong>
              <button
                type="button"
                className="chip-btn"
                aria-label={`Delete canned reply ${c.title}`}
                onClick={(e) => {
                  e.stopPropagation()
                  deleteCanned(c.id).catch((err: unknown) => notifyError('Could not delete', err))
                }}
              >
                ✕
              </button>
            </span>
            <span className="canned-text">{c.text}</span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--small"
        disabled={current.trim() === '' || q.trim() === ''}
        title="Type a title in the search box first"
        onClick={() =>
          saveCanned(q.trim(), current.trim()).then(
            () => setQ(''),
            (err: unknown) => notifyError('Could not save the canned reply', err),
          )
        }
      >
        Save this reply as “{q.trim() || 'title'}”
      </button>
    </div>
  )
}
