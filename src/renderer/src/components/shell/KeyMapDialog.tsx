// `?`: the whole key map, read from the same table the key handler uses.
import { COMPOSER_KEYS, KEYMAP, type KeyBinding } from '../../../../shared/keymap'
import { openDialog } from '../../state/ui'
import { Modal } from '../common/Modal'

const GROUPS: KeyBinding['group'][] = ['Move', 'Triage', 'Reply', 'General']

export function KeyMapDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="keymap-dialog">
      <p className="modal-text">Everything works without the mouse. Keys do nothing while you type in a field.</p>
      <div className="keymap-grid">
        {GROUPS.map((g) => (
          <table key={g} className="keymap">
            <caption>{g}</caption>
            <tbody>
              {KEYMAP.filter((b) => b.group === g).map((b) => (
                <tr key={b.action}>
                  <th scope="row">
                    <kbd>{b.display}</kbd>
                  </th>
                  <td>{b.label}</td>
                </tr>
              ))}
              {g === 'Reply' &&
                COMPOSER_KEYS.map((k) => (
                  <tr key={k.display}>
                    <th scope="row">
                      <kbd>{k.display}</kbd>
                    </th>
                    <td>{k.label} (in the composer)</td>
                  </tr>
                ))}
            </tbody>
          </table>
        ))}
      </div>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={() => openDialog({ kind: 'operator' })}>
          Operator settings…
        </button>
        <button type="button" className="btn" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
