// Top-bar "Workspace" menu: export the workspace (columns, layout, source
// settings) as earshot-workspace.json, and import one. Import errors from
// the core (validation issues included) are shown as a notice.
import { useRef, useState } from 'react'
import { exportWorkspace, importWorkspace } from '../../state/archive'
import { downloadText } from '../../lib/download'
import { parseWorkspaceText, WORKSPACE_FILE_NAME, workspaceToText } from '../../lib/workspaceFile'
import { notify, notifyError } from '../../state/notices'
import { Popover } from '../common/Popover'

async function saveWorkspaceFile(): Promise<void> {
  try {
    const workspace = await exportWorkspace()
    downloadText(WORKSPACE_FILE_NAME, workspaceToText(workspace), 'application/json')
    notify('info', 'Workspace exported', `Saved as ${WORKSPACE_FILE_NAME}.`)
  } catch (err) {
    notifyError('Export failed', err)
  }
}

async function loadWorkspaceFile(file: File): Promise<void> {
  const parsed = parseWorkspaceText(await file.text())
  if (!parsed.ok) {
    notify('error', 'Import failed', `${file.name}: ${parsed.message}`)
    return
  }
  try {
    const result = await importWorkspace(parsed.value)
    const n = result.columns.length
    notify('info', 'Workspace imported', `${n} column${n === 1 ? '' : 's'} from ${file.name}.`)
  } catch (err) {
    notifyError(`Import of ${file.name} failed`, err)
  }
}

export function WorkspaceMenu() {
  const fileRef = useRef<HTMLInputElement>(null)
  const [busy, setBusy] = useState(false)
  return (
    <>
      <Popover label="Workspace" align="right" panelClassName="menu">
        <button type="button" className="menu-item" disabled={busy} onClick={() => void saveWorkspaceFile()}>
          Export workspace JSON
        </button>
        <button type="button" className="menu-item" disabled={busy} onClick={() => fileRef.current?.click()}>
          Import workspace JSON…
        </button>
      </Popover>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const input = e.currentTarget
          const file = input.files?.[0]
          input.value = ''
          if (!file) return
          setBusy(true)
          void loadWorkspaceFile(file).finally(() => setBusy(false))
        }}
      />
    </>
  )
}
