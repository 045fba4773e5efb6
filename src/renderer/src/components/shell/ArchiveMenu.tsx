// Top-bar "Archive" menu: export everything in a time range, import mentions
// from a capture file (twarc2, X API v2, CSV, JSONL), re-score sentiment with
// the current model, open another capture file for review, and save a copy of
// this archive.
import { openFileDialog } from '../../state/review'
import { openDialog } from '../../state/ui'
import { Popover } from '../common/Popover'

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
      <button type="button" className="menu-item" onClick={() => openDialog({ kind: 'rescore' })}>
        Re-score sentiment…
      </button>
      <button type="button" className="menu-item" onClick={() => openFileDialog('open')}>
        Open archive for review…
      </button>
      <button type="button" className="menu-item" onClick={() => openFileDialog('copy')}>
        Save a copy…
      </button>
    </Popover>
  )
}
