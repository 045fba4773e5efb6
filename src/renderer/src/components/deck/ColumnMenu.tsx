// A column's menu ("Column menu for <title>"): rename, edit keywords, export, report, move left/right,
// preset widths, pop out into its own window or tab, collapse reposts into counts, filters and mutes,
// mark read up to the selected card (or all), remove (after
// confirmation in a dialog). The
// header also has direct "Move <title> left/right" buttons; the menu's are
// named just "Move left/right" so the two never share a name.
import type { Column } from '../../../../shared/domain'
import { WIDTH_PRESETS } from '../../lib/columns'
import { popoutHref } from '../../lib/route'
import { moveColumn, updateColumn } from '../../state/deck'
import { notifyError } from '../../state/notices'
import { openReports } from '../../state/review'
import { selectedMention } from '../../state/selection'
import { markReadUpTo, viewOf } from '../../state/triage'
import { openDialog } from '../../state/ui'
import { Popover } from '../common/Popover'

interface ColumnMenuProps {
  column: Column
  isFirst: boolean
  isLast: boolean
  onRename: () => void
}

export function move(column: Column, delta: -1 | 1): void {
  moveColumn(column.id, delta).catch((err: unknown) => notifyError(`Could not move “${column.title}”`, err))
}

/** Up to the selected card when it is in this column, else the whole column (its newest shown mention). */
function markColumnRead(column: Column): void {
  const sel = selectedMention()
  const upTo = sel?.columnId === column.id ? sel.mention : viewOf(column.id).items[0]
  if (!upTo) return
  markReadUpTo(column.id, upTo).catch((err: unknown) => notifyError(`Could not mark “${column.title}” read`, err))
}

export function ColumnMenu({ column, isFirst, isLast, onRename }: ColumnMenuProps) {
  return (
    <Popover
      label={`Column menu for ${column.title}`}
      trigger={<span aria-hidden="true">⋯</span>}
      triggerClassName="icon-btn column-menu-btn"
      align="right"
      panelClassName="menu"
    >
      <>
        <button type="button" className="menu-item" onClick={onRename}>
          Rename
        </button>
        <button type="button" className="menu-item" onClick={() => openDialog({ kind: 'edit', columnId: column.id })}>
          Edit keywords
        </button>
        <button
          type="button"
          className="menu-item"
          onClick={() =>
            openDialog({ kind: 'export', scope: { kind: 'column', columnId: column.id }, title: column.title })
          }
        >
          Export…
        </button>
        <button type="button" className="menu-item" onClick={() => openReports([column.id])}>
          Report
        </button>
        <div className="menu-row">
          <button
            type="button"
            className="menu-item"
            data-keep-open
            aria-label={`Move ${column.title} left`}
            disabled={isFirst}
            onClick={() => move(column, -1)}
          >
            <span aria-hidden="true">←</span>Move left
          </button>
          <button
            type="button"
            className="menu-item"
            data-keep-open
            aria-label={`Move ${column.title} right`}
            disabled={isLast}
            onClick={() => move(column, 1)}
          >
            Move right<span aria-hidden="true">→</span>
          </button>
        </div>
        <p className="menu-heading">Width</p>
        <div className="segmented">
          {WIDTH_PRESETS.map((p) => (
            <button
              key={p.width}
              type="button"
              data-keep-open
              className="btn btn--small"
              aria-pressed={column.width === p.width}
              onClick={() => {
                updateColumn(column.id, { width: p.width }).catch((err: unknown) =>
                  notifyError(`Could not resize “${column.title}”`, err),
                )
              }}
            >
              {p.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="menu-item"
          onClick={() => window.open(popoutHref(column.id), `earshot-column-${column.id}`, 'noopener')}
        >
          Pop out<span aria-hidden="true">↗</span>
        </button>
        <button
          type="button"
          className="menu-item"
          role="menuitemcheckbox"
          aria-checked={column.collapseReposts === true}
          onClick={() => {
            updateColumn(column.id, { collapseReposts: column.collapseReposts !== true }).catch((err: unknown) =>
              notifyError(`Could not change “${column.title}”`, err),
            )
          }}
        >
          <span aria-hidden="true">{column.collapseReposts === true ? '☑' : '☐'} </span>
          Collapse reposts
        </button>
        <button
          type="button"
          className="menu-item"
          onClick={() => openDialog({ kind: 'column-triage', columnId: column.id })}
        >
          Filters and mutes…
        </button>
        <button type="button" className="menu-item" onClick={() => markColumnRead(column)}>
          Mark read up to here
        </button>
        <button
          type="button"
          className="menu-item menu-item--danger"
          onClick={() => openDialog({ kind: 'remove', columnId: column.id })}
        >
          Remove
        </button>
      </>
    </Popover>
  )
}
