// Team mode's audit log for admins: who did what and when, newest first,
// narrowed to one operator if wanted, with a CSV download of what is shown.
import { useEffect, useState } from 'react'
import type { AuditEntry } from '../../../../shared/contracts/audit'
import { downloadText } from '../../lib/download'
import { errorLine } from '../../lib/errors'
import { command } from '../../state/client'
import { notifyError } from '../../state/notices'
import { Modal } from '../common/Modal'

const listAudit = command('audit.list')
const auditCsv = command('audit.csv')
const LIMIT = 500

export function AuditDialog({ onClose }: { onClose: () => void }) {
  const [operator, setOperator] = useState('')
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    const who = operator.trim()
    const timer = setTimeout(() => {
      listAudit({ limit: LIMIT, ...(who ? { operator: who } : {}) }).then(
        (list) => live && (setEntries(list), setError(null)),
        (err: unknown) => live && setError(errorLine(err)),
      )
    }, 200)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [operator])

  const download = async (): Promise<void> => {
    const who = operator.trim()
    try {
      const { filename, csv } = await auditCsv({ limit: 1000, ...(who ? { operator: who } : {}) })
      downloadText(filename, csv)
    } catch (err) {
      notifyError('Could not export the audit log', err)
    }
  }

  return (
    <Modal title="Audit log" onClose={onClose} className="audit-dialog">
      <div className="audit-filter">
        <label htmlFor="audit-operator">Operator</label>
        <input
          id="audit-operator"
          className="input"
          placeholder="Everyone"
          value={operator}
          onChange={(e) => setOperator(e.target.value)}
        />
        <button type="button" className="btn" onClick={() => void download()}>
          Download CSV
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      {entries === null ? (
        <p className="modal-text">Loading…</p>
      ) : entries.length === 0 ? (
        <p className="modal-text">Nothing in the audit log{operator.trim() ? ' for that operator' : ''}.</p>
      ) : (
        <div className="audit-scroll">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Operator</th>
                <th scope="col">Action</th>
                <th scope="col">Targets</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className={e.outcome === 'ok' ? undefined : 'audit-row--' + e.outcome}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{e.operator}</td>
                  <td>{e.action}</td>
                  <td className="audit-targets">{e.targets}</td>
                  <td>{e.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Modal>
  )
}
