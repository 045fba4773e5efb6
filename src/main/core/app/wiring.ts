// The composition root's graph: every service of a core, built once, in
// dependency order, each given only what it uses. Mentions travel through
// typed links, not closures: connectors -> Sources -> Ingest (push) -> the
// store -> the live feed (Ingest's CommitSink); services that follow another's
// changes subscribe to its internal event (ColumnService.onDidChange, the stats
// tick), apart from the UI event stream (`hub`) that transports carry.
import type { ColumnStats } from '../../../shared/domain'
import { DELIVERY_LEASE, DeliveryService } from '../alerts/delivery/service'
import { AlertService, DETECTOR_LEASE } from '../alerts/service'
import { createArchiveServices, type ArchiveServices } from '../archive/services'
import { ColumnService } from '../columns/service'
import { EventHub } from '../events'
import { Emitter } from '../lifetime'
import { Ingest, type Committed } from '../pipeline/ingest'
import { LiveFeed, toBatch } from '../pipeline/live-feed'
import { SourceRevisions } from '../pipeline/revisions'
import { Router } from '../pipeline/router'
import { WorkerScorer } from '../pipeline/sentiment-pool'
import { StatsTracker } from '../pipeline/stats'
import { Outbox } from '../replies/outbox'
import { ReportRunner } from '../reports/report-runner'
import { ReviewSession } from '../review/session'
import { RescoreJobs } from '../sentiment/rescore-jobs'
import { SecretStore } from '../secrets/secret-store'
import { SOURCE_DRIVERS } from '../sources/drivers'
import { Sources } from '../sources/sources'
import { openStore, type Db, type Store } from '../store'
import { ThreadService } from '../thread/service'
import { Leases } from '../team/lease'
import { PresenceBoard } from '../team/presence'
import { TeamFeed } from './team-feed'
import { WorkspaceService } from '../workspace/service'
import type { CoreOptions } from './options'

export interface Services {
  /** The live archive's connection: only the store uses it (and tests, through Core.db). */
  db: Db
  store: Store
  hub: EventHub
  now: () => number
  router: Router
  stats: StatsTracker
  /** Fired by the stats timer with every column's live statistics. */
  statsTicked: Emitter<ColumnStats[]>
  columns: ColumnService
  live: LiveFeed
  scorer: WorkerScorer | undefined
  ingest: Ingest
  outbox: Outbox
  revisions: SourceRevisions
  sources: Sources
  alerts: AlertService
  delivery: DeliveryService
  archive: ArchiveServices
  workspace: WorkspaceService
  review: ReviewSession
  reports: ReportRunner
  threads: ThreadService
  rescores: RescoreJobs
  /** On a PostgreSQL archive: what other writers commit, handed on live. */
  team: TeamFeed | undefined
  /** Who is replying to what, across the consoles on the archive. */
  presence: PresenceBoard
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err))

export function wire(options: CoreOptions): Services {
  const now = options.now ?? Date.now
  const store = openStore(options.archivePath)
  const db = store.db
  const hub = new EventHub()
  const router = new Router()
  const stats = new StatsTracker()
  const statsTicked = new Emitter<ColumnStats[]>()
  const columns = new ColumnService(store, router, stats, now)
  columns.onDidChange((list) => hub.emit('columns.changed', list))
  const live = new LiveFeed((batch) => hub.emit('mentions.batch', batch))
  // What ingest committed goes to the live feed (the UI) and to VIP alert detection.
  const committed = new Emitter<readonly Committed[]>()
  const scorer = options.sentimentWorker ? new WorkerScorer(options.sentimentWorker) : undefined
  let lastIngestError = ''
  const ingest = new Ingest(store.write, router, stats, {
    now,
    ...(scorer ? { scorer } : {}),
    sink: {
      committed: (batch) => {
        team?.ownCommitted(batch)
        live.committed(batch)
        committed.fire(batch)
      },
    },
    onError: (err) => {
      const message = errorText(err)
      if (message !== lastIngestError) console.error(`earshot: could not store mentions (will retry): ${message}`)
      lastIngestError = message
    },
  })
  // Read-your-writes: every read of the live archive sees what ingest accepted before it.
  store.settleReadsWith(() => ingest.flush())
  const team =
    store.engine === 'postgres'
      ? new TeamFeed({
          url: options.archivePath,
          store,
          live,
          committed,
          columns,
          stats,
          hub,
          presence: () => presence,
          alerts: () => alerts,
          outboxChanged: () => outbox.wake(),
        })
      : undefined
  const presence = new PresenceBoard({
    now,
    changed: (p) => hub.emit('presence.changed', p),
    announce: (operator, mentionId) => team?.announcePresence(operator, mentionId),
  })
  // Work done once across every process on the archive: sending replies, detecting alerts.
  const leases = new Leases(store, now)
  // The channel is looked up per reply, once the sources below exist.
  const outbox = new Outbox({ store, hub, now, leases, channel: (source) => sources.replyChannel(source) })
  const revisions = new SourceRevisions({
    store,
    router,
    ingest,
    now,
    withdrawReplies: (mentionId, reason) => outbox.withdraw(mentionId, reason),
    // A delete or an edit changes columns' counts and sentiment after ingest tallied them: the
    // sparklines and the spike detector read the archive again (rare: posts we kept, deleted or edited).
    onRemoved: (ids) => {
      live.forget(ids)
      columns.reloadStats()
      hub.emit('mentions.removed', { ids })
    },
    onRevised: (batch) => {
      live.replace(batch)
      columns.reloadStats()
      hub.emit('mentions.revised', toBatch(batch))
    },
    onError: (err) => console.error(`earshot: could not apply a delete or edit from a source: ${errorText(err)}`),
  })
  const secrets = options.secrets ?? new SecretStore({ ...(options.env ? { env: options.env } : {}) })
  const sources: Sources = new Sources({
    store,
    hub,
    router,
    secrets,
    drivers: options.drivers ?? SOURCE_DRIVERS,
    ingest,
    revisions,
    columns,
    now,
    ...(options.env ? { env: options.env } : {}),
  })
  const delivery = new DeliveryService({
    store,
    hub,
    secrets,
    now,
    ...(options.mailTls ? { mailTls: options.mailTls } : {}),
    ...(options.deliveryTickMs ? { tickMs: options.deliveryTickMs } : {}),
    sender: () => leases.hold(DELIVERY_LEASE),
  })
  const alerts = new AlertService({
    store,
    hub,
    now,
    columns,
    onStats: statsTicked.event,
    onCommitted: committed.event,
    onFired: (alert) => delivery.enqueue(alert),
    detector: () => leases.hold(DETECTOR_LEASE),
  })
  const archive = createArchiveServices({
    store,
    archivePath: options.archivePath,
    hub,
    ingest,
    now,
    exportWorker: options.exportWorker,
    saveDialog: options.shell ? (name) => options.shell!.chooseExportPath(name) : undefined,
  })
  const workspace = new WorkspaceService({ store, hub, now, columns, alerts, sources, demo: options.demo })
  const review = new ReviewSession({ store, path: options.archivePath }, (state) => hub.emit('review.changed', state))
  const reports = new ReportRunner({ script: options.reportWorker, livePath: options.archivePath })
  const threads = new ThreadService({ store, now, fetcher: (source) => sources.threadFetcher(source) })
  const rescores = new RescoreJobs({
    hub,
    live: { store, path: options.archivePath },
    review,
    scorer,
    // The sparklines and the spike detector read the new labels from the archive; the deck reloads its
    // feeds when the job's last progress event says it is over.
    onLiveRescored: () => columns.reloadStats(),
  })
  return {
    db,
    store,
    hub,
    now,
    router,
    stats,
    statsTicked,
    columns,
    live,
    scorer,
    ingest,
    outbox,
    revisions,
    sources,
    alerts,
    delivery,
    archive,
    workspace,
    review,
    reports,
    threads,
    rescores,
    team,
    presence,
  }
}
