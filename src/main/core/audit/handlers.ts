// Handlers of the audit log's commands (shared/contracts/audit.ts).
import type { AuditEntry } from '../../../shared/contracts/audit'
import type { auditCommands } from '../../../shared/contracts/audit'
import { csvRecords } from '../csv/write'
import type { HandlerGroup } from '../dispatch'
import type { Store } from '../store'

const HEADER = ['at', 'operator', 'action', 'targets', 'outcome']

/** The audit log as CSV: one owner for the console's download and `earshot audit --csv`. */
export const auditCsv = (entries: readonly AuditEntry[]): string =>
  csvRecords([
    HEADER,
    ...entries.map((e) => [new Date(e.at).toISOString(), e.operator, e.action, e.targets, e.outcome]),
  ])

export function auditHandlers({ store, now }: { store: Store; now: () => number }): HandlerGroup<typeof auditCommands> {
  return {
    'audit.list': (q) => store.read.listAudit(q),
    'audit.csv': (q) => ({
      filename: `earshot-audit-${new Date(now()).toISOString().slice(0, 10)}.csv`,
      csv: auditCsv(store.read.listAudit(q)),
    }),
  }
}
