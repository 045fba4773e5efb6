// The one handler table both transports serve: each area's handlers, given the
// narrow slice of services it declares.
import { deliveryHandlers } from '../alerts/delivery/handlers'
import { alertsHandlers } from '../alerts/handlers'
import { archiveHandlers } from '../archive/handlers'
import { auditHandlers } from '../audit/handlers'
import { columnHandlers } from '../columns/handlers'
import type { CoreHandlers } from '../dispatch'
import { replyHandlers } from '../replies/handlers'
import { reportsHandlers } from '../reports/handlers'
import { sentimentHandlers } from '../sentiment/handlers'
import { sourceHandlers } from '../sources/handlers'
import { threadHandlers } from '../thread/handlers'
import { triageHandlers } from '../triage/handlers'
import { workspaceHandlers } from '../workspace/handlers'
import type { CoreOptions } from './options'
import type { Services } from './wiring'

export function handlersOf(s: Services, options: CoreOptions): CoreHandlers {
  return {
    ...columnHandlers(s),
    ...workspaceHandlers(s),
    ...sourceHandlers(s),
    ...replyHandlers(s),
    ...triageHandlers(s),
    ...archiveHandlers(s),
    ...alertsHandlers(s),
    ...deliveryHandlers(s),
    ...reportsHandlers({ ...s, shell: options.shell }),
    ...threadHandlers(s),
    ...sentimentHandlers(s),
    ...auditHandlers(s),
    'app.info': () => ({
      version: options.version,
      mode: options.mode,
      archivePath: s.store.where,
      mentionCount: s.store.read.countMentions(),
    }),
  }
}
