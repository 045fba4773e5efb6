// Team mode: who is signed in on this console, with their role; admins open
// the audit log from here; everyone can sign out (the next operator at the
// screen signs in as themselves).
import { signOut, useSessionStore } from '../../state/session'
import { setLoadStatus } from '../../state/app'
import { notifyError } from '../../state/notices'
import { openDialog } from '../../state/ui'
import { Popover } from '../common/Popover'

export function SessionMenu() {
  const operator = useSessionStore((s) => s.operator)
  if (!operator) return null
  const out = async (): Promise<void> => {
    try {
      await signOut()
      setLoadStatus({ status: 'signin' })
    } catch (err) {
      notifyError('Could not sign out', err)
    }
  }
  return (
    <Popover
      label={`Signed in as ${operator.name} (${operator.role})`}
      trigger={
        <>
          {operator.name} <span className="session-role">{operator.role}</span>
        </>
      }
      align="right"
      panelClassName="menu"
    >
      {operator.role === 'admin' && (
        <button type="button" className="menu-item" onClick={() => openDialog({ kind: 'audit' })}>
          Audit log…
        </button>
      )}
      <button type="button" className="menu-item" onClick={() => void out()}>
        Sign out
      </button>
    </Popover>
  )
}
