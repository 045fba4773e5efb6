// The core of Earshot, the same under plain Node (browser mode, headless) and
// in Electron's main process: opens the archive, runs the sources and the
// pipeline, and serves the contract's commands through one handler table.
import defaultWorkspace from '../../../resources/default-workspace.json'
import type { Settings } from '../../shared/contract'
import { STATS_BUCKET_MS, type ColumnId } from '../../shared/domain'
import { ColumnService } from './columns/service'
import { dispatch, type Handlers } from './dispatch'
import { badRequest, notFound } from './errors'
import { toSqlWhere } from './store/query-sql'
import { countMatches, searchMentions } from './store/search'
import { compileColumnQuery } from '../../shared/query/column-query'
import { describeQuery } from '../../shared/query/describe'
import { toXRule } from '../../shared/query/x-rule'
import { EventHub } from './events'
import { DisposableStore } from './lifetime'
import { LiveFeed, toBatch } from './pipeline/live-feed'
import { Ingest } from './pipeline/ingest'
import { SourceRevisions } from './pipeline/revisions'
import { WorkerScorer } from './pipeline/sentiment-pool'
import { Router } from './pipeline/router'
import { Sources } from './sources/sources'
import { SOURCE_DRIVERS } from './sources/drivers'
import type { SourceDrivers } from './sources/driver'
import { replyHandlers, sourceHandlers } from './sources/handlers'
import { SecretStore } from './secrets/secret-store'
import { Outbox } from './outbox/outbox'
import type { CoreDeps } from './deps'
import { triageHandlers } from './triage/handlers'
import { getColumnTriage, updateColumnTriage } from './store/triage'
import { archiveHandlers } from './archive/handlers'
import { createArchiveServices, type ArchiveServices } from './archive/services'
import { alertsHandlers } from './alerts/handlers'
import { AlertService } from './alerts/service'
import { reportsHandlers } from './reports/handlers'
import { ReportRunner } from './reports/report-runner'
import type { DesktopShell } from './desktop-shell'
import { ReviewSession } from './review/session'
import { StatsTracker } from './pipeline/stats'
import { threadHandlers } from './thread/handlers'
import { ThreadService } from './thread/service'
import { getColumn } from './store/columns'
import { openArchive } from './store/db'
import type { Db } from './store/db-types'
import { countMentions, pageColumn } from './store/mentions'
import { DEFAULT_SETTINGS, loadWorkspace, saveWorkspace, type WorkspaceState } from './store/workspace'
import { parseWorkspaceFile, toWorkspaceFile, triageFromFile } from './workspace-file'
import type { WorkspaceFile } from '../../shared/workspace'

export interface CoreOptions {
  archivePath: string
  mode: 'desktop' | 'browser'
  version: string
  /** Overrides of the stored demo settings for this run (CLI flags). */
  demo?: Partial<Settings['demo']>
  now?: () => number
  statsIntervalMs?: number
  /** Path of the built sentiment worker script; without it, sentiment is scored inline. */
  sentimentWorker?: string
  /** Path of the built export worker script; without it, exports are formatted on the core's thread. */
  exportWorker?: string
  /** Path of the built report worker script; without it, reports are built on the core's thread. */
  reportWorker?: string
  /** Where source secrets come from; default: environment variables only, kept for the session. */
  secrets?: SecretStore
  /** Source drivers; default: every built-in one. */
  drivers?: SourceDrivers
  env?: NodeJS.ProcessEnv
  /** Native dialogs and PDF printing, from Electron main; absent in browser mode. */
  shell?: DesktopShell
}

export interface Core {
  readonly db: Db
  readonly hub: EventHub
  readonly handlers: Handlers
  readonly ingest: Ingest
  readonly sources: Sources
  readonly outbox: Outbox
  readonly archive: ArchiveServices
  call(name: unknown, input: unknown): ReturnType<typeof dispatch>
  start(): void
  /** Stops the sources, commits everything accepted, and closes the archive. */
  stop(): Promise<void>
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? Date.now
  const db = openArchive(options.archivePath)
  const hub = new EventHub()
  const router = new Router()
  const stats = new StatsTracker()
  const columns = new ColumnService(db, router, stats, hub, now)
  const live = new LiveFeed((batch) => hub.emit('mentions.batch', batch))
  let lastIngestError = ''
  const scorer = options.sentimentWorker ? new WorkerScorer(options.sentimentWorker) : undefined
  const ingest = new Ingest(db, router, stats, {
    now,
    ...(scorer ? { scorer } : {}),
    onCommitted: (batch) => live.add(batch),
    onError: (err) => {
      const message = err instanceof Error ? err.message : String(err)
      if (message !== lastIngestError) console.error(`earshot: could not store mentions (will retry): ${message}`)
      lastIngestError = message
    },
  })
  // The channel is looked up per reply, once the sources below exist.
  const outbox = new Outbox({ db, hub, now, channel: (source) => sources.replyChannel(source) })
  // A delete or an edit changes columns' counts and sentiment after ingest tallied them: the
  // sparklines and the spike detector read the archive again (rare: posts we kept, deleted or edited).
  const recountStats = () => {
    for (const c of columns.list()) stats.load(db, c.id, now())
  }
  const revisions = new SourceRevisions({
    db,
    router,
    ingest,
    now,
    withdrawReplies: (mentionId, reason) => outbox.withdraw(mentionId, reason),
    onRemoved: (ids) => {
      live.forget(ids)
      recountStats()
      hub.emit('mentions.removed', { ids })
    },
    onRevised: (batch) => {
      live.replace(batch)
      recountStats()
      hub.emit('mentions.revised', toBatch(batch))
    },
    onError: (err) =>
      console.error(
        `earshot: could not apply a delete or edit from a source: ${err instanceof Error ? err.message : String(err)}`,
      ),
  })
  const sources = new Sources({
    db,
    hub,
    router,
    secrets: options.secrets ?? new SecretStore({ ...(options.env ? { env: options.env } : {}) }),
    drivers: options.drivers ?? SOURCE_DRIVERS,
    ingest: (m) => ingest.push(m),
    revisions,
    columns: () => columns.list(),
    now,
    ...(options.env ? { env: options.env } : {}),
  })
  const alerts = new AlertService({ db, hub, now, columns })
  const archive = createArchiveServices({
    db,
    archivePath: options.archivePath,
    hub,
    ingest,
    now,
    exportWorker: options.exportWorker,
    saveDialog: options.shell ? (name) => options.shell!.chooseExportPath(name) : undefined,
  })
  const disposables = new DisposableStore()

  let workspace: WorkspaceState = loadWorkspace(db) ?? firstRun()
  if (options.demo) {
    workspace = {
      ...workspace,
      settings: { ...workspace.settings, demo: { ...workspace.settings.demo, ...options.demo } },
    }
  }

  function firstRun(): WorkspaceState {
    const file = parseWorkspaceFile(defaultWorkspace)
    const state: WorkspaceState = {
      name: file.name,
      settings: { demo: file.sources.demo ?? DEFAULT_SETTINGS.demo, display: file.display ?? DEFAULT_SETTINGS.display },
    }
    applyColumns(file)
    saveWorkspace(db, state)
    return state
  }

  /** Replaces the columns with a file's, each with its triage filters, mutes and alert settings. */
  function applyColumns(file: WorkspaceFile) {
    const created = columns.replaceAll(file.columns)
    created.forEach((c, i) => {
      const wanted = file.columns[i]!
      const triage = triageFromFile(wanted)
      if (triage) hub.emit('triage.column.changed', updateColumnTriage(db, c.id, triage, now()))
      if (wanted.alerts && Object.keys(wanted.alerts).length > 0) alerts.configure({ ...wanted.alerts, columnId: c.id })
    })
    return created
  }

  function setSettings(settings: Settings): Settings {
    workspace = { ...workspace, settings }
    saveWorkspace(db, workspace)
    sources.applyDemo(settings.demo)
    hub.emit('settings.changed', settings)
    return settings
  }

  const columnIds = (): ColumnId[] => columns.list().map((c) => c.id)

  const review = new ReviewSession({ db, path: options.archivePath, flush: () => ingest.flush() }, (state) =>
    hub.emit('review.changed', state),
  )
  const reports = new ReportRunner({ script: options.reportWorker, livePath: options.archivePath })
  const threads = new ThreadService({ db, now, fetcher: (source) => sources.threadFetcher(source) })
  const deps: CoreDeps = { db, hub, now, options, ingest, router, stats, columns, sources, outbox, alerts, archive }
  const handlers: Handlers = {
    ...sourceHandlers(deps),
    ...replyHandlers(deps),
    ...triageHandlers(deps),
    ...archiveHandlers(deps),
    ...alertsHandlers(deps),
    ...reportsHandlers(deps, review, reports),
    ...threadHandlers(deps, threads),
    'app.info': () => ({
      version: options.version,
      mode: options.mode,
      archivePath: options.archivePath,
      mentionCount: countMentions(db),
    }),
    'columns.list': () => columns.list(),
    'columns.create': (args) => columns.create(args),
    'columns.update': ({ id, ...patch }) => columns.update(id, patch),
    'columns.delete': ({ id }) => {
      columns.delete(id)
      return { id }
    },
    'columns.reorder': ({ ids }) => columns.reorder(ids),
    'mentions.page': ({ columnId, before, limit }) => {
      const column = getColumn(db, columnId)
      if (!column) throw notFound(`column ${columnId}`)
      ingest.flush()
      return pageColumn(db, columnId, before ?? null, limit, column.collapseReposts === true)
    },
    'query.check': ({ query }) => {
      const compiled = compileColumnQuery(query)
      if (!compiled.ok) return { ok: false, ...compiled.error }
      ingest.flush()
      const x = toXRule(compiled.ast)
      return {
        ok: true,
        description: describeQuery(compiled.ast),
        archived: countMatches(db, toSqlWhere(compiled.ast)),
        xRule: x.rule,
        localOnly: x.localOnly,
        xErrors: x.errors,
      }
    },
    'mentions.search': ({ query, ...options }) => {
      const compiled = compileColumnQuery(query)
      if (!compiled.ok)
        throw badRequest(`invalid query: ${compiled.error.message}`, [`query: ${compiled.error.message}`])
      ingest.flush()
      return searchMentions(db, toSqlWhere(compiled.ast), options)
    },
    'stats.get': () => stats.snapshot(columnIds(), now()),
    'settings.get': () => workspace.settings,
    'settings.update': (patch) =>
      setSettings({
        demo: { ...workspace.settings.demo, ...patch.demo },
        display: { ...workspace.settings.display, ...patch.display },
      }),
    'sources.status': () => sources.list(),
    'workspace.export': ({ name }) =>
      toWorkspaceFile(name ?? workspace.name, columns.list(), workspace.settings, (c) => ({
        triage: getColumnTriage(db, c.id),
        alerts: alerts.settingsOf(c.id),
      })),
    'workspace.import': ({ workspace: raw }) => {
      const file = parseWorkspaceFile(raw)
      const imported = applyColumns(file)
      workspace = { ...workspace, name: file.name }
      const settings = setSettings({
        demo: { ...workspace.settings.demo, ...file.sources.demo },
        display: file.display ?? workspace.settings.display,
      })
      return { columns: imported, settings }
    },
  }

  return {
    db,
    hub,
    handlers,
    ingest,
    sources,
    outbox,
    archive,
    call: (name, input) => dispatch(handlers, name, input),
    start() {
      columns.init()
      sources.applyDemo(workspace.settings.demo)
      sources.startConfigured()
      outbox.resume()
      disposables.add(alerts.start())
      const timer = setInterval(
        () => {
          sources.tick()
          hub.emit('stats.tick', stats.snapshot(columnIds(), now()))
        },
        options.statsIntervalMs ?? Math.min(2_000, STATS_BUCKET_MS),
      )
      disposables.add(() => clearInterval(timer))
    },
    async stop() {
      disposables.dispose()
      archive.close()
      await sources.stopAll()
      await outbox.close()
      await ingest.close()
      await scorer?.close()
      await reports.close()
      live.dispose()
      review.dispose()
      db.close()
    },
  }
}
