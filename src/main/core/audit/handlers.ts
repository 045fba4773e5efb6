// Handlers of the audit log's commands (shared/contracts/audit.ts).
import type { auditCommands } from '../../../shared/contracts/audit'
import type { HandlerGroup } from '../dispatch'
import type { Store } from '../store'

export function auditHandlers({ store }: { store: Store }): HandlerGroup<typeof auditCommands> {
  return {
    'audit.list': (q) => store.read.listAudit(q),
  }
}
