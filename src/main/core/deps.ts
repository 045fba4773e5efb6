// What the core hands to each area's command handlers.
import type { AlertService } from './alerts/service'
import type { ArchiveServices } from './archive/services'
import type { ColumnService } from './columns/service'
import type { CoreOptions } from './core'
import type { EventHub } from './events'
import type { Outbox } from './outbox/outbox'
import type { Ingest } from './pipeline/ingest'
import type { Router } from './pipeline/router'
import type { Sources } from './sources/sources'
import type { StatsTracker } from './pipeline/stats'
import type { Db } from './store/db-types'

export interface CoreDeps {
  db: Db
  hub: EventHub
  now: () => number
  options: CoreOptions
  ingest: Ingest
  router: Router
  stats: StatsTracker
  columns: ColumnService
  sources: Sources
  outbox: Outbox
  alerts: AlertService
  archive: ArchiveServices
}
