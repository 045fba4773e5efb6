// Top-bar "Archive" menu: export everything in a time range, and import
// mentions from a capture file (twarc2, X API v2, CSV, JSONL).
import { openDialog } from '../state/ui'
import { Popover } from './Popover'

export function ArchiveMenu() {
  return (
    <Popover label="Archive" align="right" panelClassName="menu">
      <button
        type="button"
        className="menu-item"
        onClick={() => openDialog({ kind: 'export', scope: { kind: 'query', query: '' }, title: 'a time range' })}
      >
        Export a time range…
      </button>
      <button type="button" className="menu-item" onClick={() => openDialog({ kind: 'import' })}>
        Import mentions…
      </button>
    </Popover>
  )
}
