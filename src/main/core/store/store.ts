// The archive as the rest of the core sees it: a reader and a writer, typed
// from the repository functions of this folder (as Signal Desktop derives its
// DataReader/DataWriter from its SQL module), each call timed against the
// slow-call threshold. Nothing outside core/store prepares SQL or holds a
// connection (the lint rule in eslint.config.mjs); this interface is what a
// second back end implements.
import type { QueryNode } from '../../../shared/query/ast'
import * as alerts from './alerts'
import * as audit from './audit'
import * as columns from './columns'
import { commitMentions } from './commit'
import * as composer from './composer'
import { saveCopy } from './copy'
import { assertCurrentSchema, openArchive, openReader } from './db'
import type { Db } from './db-types'
import * as delivery from './delivery'
import * as exportRows from './export-rows'
import * as gaps from './gaps'
import * as mentions from './mentions'
import * as operators from './operators'
import * as outbox from './outbox'
import * as prefs from './prefs'
import { dialectOf, toSqlWhere } from './query-sql'
import { readBounds, readReport } from './report-read'
import * as rescore from './rescore'
import * as revisions from './revisions'
import * as search from './search'
import * as sourceState from './source-state'
import * as team from './team'
import * as thread from './thread'
import * as triage from './triage'
import * as workspace from './workspace'
import { pgBridgeScript, saveCopyOfPg } from './pg/store-support'
import { isPostgres, openPgDb } from './pg/sync-db'
import { isPostgresUrl, redactUrl } from './pg/url'

const READS = {
  scorerCounts: rescore.scorerCounts,
  countScoredByOthers: rescore.countScoredByOthers,
  scoredByOthers: rescore.scoredByOthers,
  listColumns: columns.listColumns,
  getColumn: columns.getColumn,
  columnTotal: columns.columnTotal,
  hitBuckets: columns.hitBuckets,
  countMentions: mentions.countMentions,
  getMention: mentions.getMention,
  storedInRange: mentions.storedInRange,
  pageColumn: mentions.pageColumn,
  countMatches: (db: Db, query: QueryNode) => search.countMatches(db, toSqlWhere(query, dialectOf(db))),
  searchMentions: (db: Db, query: QueryNode, o: search.SearchOptions) =>
    search.searchMentions(db, toSqlWhere(query, dialectOf(db)), o),
  storedId: revisions.storedId,
  findByExternalId: thread.findByExternalId,
  repliesTo: thread.repliesTo,
  listGaps: gaps.listGaps,
  openGapOf: gaps.openGapOf,
  loadSourceConfig: sourceState.loadSourceConfig,
  getCursor: sourceState.getCursor,
  loadWorkspace: workspace.loadWorkspace,
  leaseHolder: team.leaseHolder,
  getOutboxItem: outbox.getOutboxItem,
  getOutboxByKey: outbox.getOutboxByKey,
  listOutbox: outbox.listOutbox,
  outboxInStates: outbox.outboxInStates,
  getTriage: triage.getTriage,
  getReads: triage.getReads,
  getReadMark: triage.getReadMark,
  getColumnTriage: triage.getColumnTriage,
  listColumnTriage: triage.listColumnTriage,
  listCanned: composer.listCanned,
  getDraft: composer.getDraft,
  getPrefs: prefs.getPrefs,
  loadAlertSettings: alerts.loadColumnSettings,
  loadNotifyPrefs: alerts.loadNotifyPrefs,
  listAlerts: alerts.listAlerts,
  unreadAlerts: alerts.unreadCount,
  loadLastFired: alerts.loadLastFired,
  getAlerts: alerts.getAlerts,
  listDestinations: delivery.listDestinations,
  dueDeliveries: delivery.dueDeliveries,
  waitingDeliveries: delivery.waitingFor,
  lastSentFor: delivery.lastSentFor,
  listDeliveries: delivery.listDeliveries,
  destinationHistory: delivery.destinationHistory,
  topMentions: delivery.topMentions,
  readReport,
  readBounds,
  exportQuery: exportRows.exportQuery,
  countExportRows: exportRows.countRows,
  cutExportAfter: exportRows.cutAfter,
  lastExportKey: exportRows.lastKey,
  iterateExportRows: exportRows.iterateRows,
  readExportSlice: exportRows.readSlice,
  listOperators: operators.listOperators,
  hasOperators: operators.hasOperators,
  getOperator: operators.getOperator,
  listAudit: audit.listAudit,
}

const WRITES = {
  announce: team.announce,
  takeLease: team.takeLease,
  releaseLease: team.releaseLease,
  saveRescored: rescore.saveRescored,
  createColumn: (db: Db, draft: columns.ColumnDraft, query: QueryNode, now: number) =>
    columns.createColumn(db, draft, toSqlWhere(query, dialectOf(db)), now),
  updateColumn: (db: Db, column: Parameters<typeof columns.saveColumn>[1], query: QueryNode | null) =>
    columns.updateColumn(db, column, query && toSqlWhere(query, dialectOf(db))),
  replaceColumns: (db: Db, drafts: ReadonlyArray<{ draft: columns.ColumnDraft; query: QueryNode }>, now: number) =>
    columns.replaceColumns(
      db,
      drafts.map(({ draft, query }) => ({ draft, where: toSqlWhere(query, dialectOf(db)) })),
      now,
    ),
  /** Rebuilds a column's hits from the archive with its query (after its mentions were re-scored). */
  refillColumn: (db: Db, columnId: string, query: QueryNode) =>
    columns.backfillColumn(db, columnId, toSqlWhere(query, dialectOf(db))),
  deleteColumn: columns.deleteColumn,
  reorderColumns: columns.reorderColumns,
  commitMentions,
  tombstoneMentions: revisions.tombstoneMentions,
  reviseMentions: revisions.reviseMentions,
  openGap: gaps.openGap,
  closeGap: gaps.closeGap,
  saveSourceConfig: sourceState.saveSourceConfig,
  setCursor: sourceState.setCursor,
  saveWorkspace: workspace.saveWorkspace,
  enqueueReply: outbox.enqueueReply,
  enqueueDraftReply: outbox.enqueueDraftReply,
  updateOutboxItem: outbox.updateOutboxItem,
  setTriage: triage.setTriage,
  markReadUpTo: triage.markReadUpTo,
  updateColumnTriage: triage.updateColumnTriage,
  saveCanned: composer.saveCanned,
  deleteCanned: composer.deleteCanned,
  saveDraft: composer.saveDraft,
  deleteDraft: composer.deleteDraft,
  updatePrefs: prefs.updatePrefs,
  noteAssignee: prefs.noteAssignee,
  saveAlertSettings: alerts.saveColumnSettings,
  pruneAlertSettings: alerts.pruneColumnSettings,
  saveNotifyPrefs: alerts.saveNotifyPrefs,
  insertAlert: alerts.insertAlert,
  markAlertsRead: alerts.markRead,
  saveDestination: delivery.saveDestination,
  deleteDestination: delivery.deleteDestination,
  insertDelivery: delivery.insertDelivery,
  updateDeliveries: delivery.updateDeliveries,
  addOperator: operators.addOperator,
  removeOperator: operators.removeOperator,
  appendAudit: audit.appendAudit,
}

/** A repository function with its connection bound. */
type Bound<F> = F extends (db: Db, ...args: infer A) => infer R ? (...args: A) => R : never
type BoundAll<T> = { readonly [K in keyof T]: Bound<T[K]> }

export type StoreReader = BoundAll<typeof READS>
export type StoreWriter = BoundAll<typeof WRITES>

export interface StoreOptions {
  /** A call slower than this is logged (Signal Desktop's threshold); default 40 ms. */
  slowMs?: number
  /** Where slow calls are reported; default console.warn. */
  log?: (line: string) => void
  /** The clock the slow-call log reads; default performance.now. */
  clock?: () => number
}

export interface Store {
  /** The file path, or the postgres:// URL (with its password: never show it; see `where`). */
  readonly path: string
  /** What may be shown of `path`: the file path, or the URL without its password. */
  readonly where: string
  readonly engine: 'sqlite' | 'postgres'
  /** The connection (tests read it; nothing outside core/store prepares SQL). */
  readonly db: Db
  readonly read: StoreReader
  readonly write: StoreWriter
  /**
   * Read-your-writes: `settle` runs before every read (the composition root
   * hands it ingest's commit of what it has accepted), so no caller flushes by hand.
   */
  settleReadsWith(settle: () => void): void
  /** Runs the settle hook now: for readers on connections of their own (a worker thread's). */
  settle(): void
  /** A read-only connection of its own (an export), opened once every accepted write is committed. */
  openReader(options?: StoreOptions): { read: StoreReader; close(): void }
  /** A consistent copy of the archive at `path` while writes go on (never over an existing file). */
  saveCopy(path: string): ReturnType<typeof saveCopy>
  /**
   * Throws unless the file is an Earshot archive at this version's schema: one
   * opened read-only is never migrated, so it must already be current.
   */
  assertCurrent(): void
  close(): void
}

/** One slow call is reported at most once a minute, so a slow disk does not flood the log. */
const SLOW_REPORT_EVERY_MS = 60_000

function bindAll<T extends object>(
  db: Db,
  side: string,
  fns: T,
  o: Required<StoreOptions>,
  before: () => void,
): BoundAll<T> {
  const lastReported = new Map<string, number>()
  const out: Record<string, unknown> = {}
  for (const [name, fn] of Object.entries(fns) as Array<[string, (db: Db, ...a: unknown[]) => unknown]>) {
    out[name] = (...args: unknown[]) => {
      before()
      const start = o.clock()
      try {
        return fn(db, ...args)
      } finally {
        const ms = o.clock() - start
        if (ms > o.slowMs) {
          const last = lastReported.get(name)
          const at = o.clock()
          if (last === undefined || at - last >= SLOW_REPORT_EVERY_MS) {
            lastReported.set(name, at)
            o.log(`earshot: slow store call ${side}.${name}: ${Math.round(ms)} ms`)
          }
        }
      }
    }
  }
  return out as BoundAll<T>
}

function withDefaults(o: StoreOptions): Required<StoreOptions> {
  return {
    slowMs: o.slowMs ?? 40,
    log: o.log ?? ((line) => console.warn(line)),
    clock: o.clock ?? (() => performance.now()),
  }
}

/** A store over an open connection (tests and the composition root). */
export function storeOf(db: Db, path: string = db.name, options: StoreOptions = {}): Store {
  const o = withDefaults(options)
  let settle: () => void = () => {}
  return {
    path,
    where: isPostgres(db) ? db.name : path,
    engine: isPostgres(db) ? 'postgres' : 'sqlite',
    db,
    read: bindAll(db, 'read', READS, o, () => settle()),
    write: bindAll(db, 'write', WRITES, o, () => {}),
    settleReadsWith(fn) {
      settle = fn
    },
    settle: () => settle(),
    openReader(readerOptions) {
      settle()
      return openStoreReader(path, { ...options, ...readerOptions })
    },
    saveCopy(to) {
      settle()
      return isPostgres(db) ? saveCopyOfPg(path, to) : saveCopy(db, to)
    },
    // A PostgreSQL archive is brought to this version's schema when it is opened (or refused).
    assertCurrent: () => (isPostgres(db) ? undefined : assertCurrentSchema(db, path)),
    close: () => db.close(),
  }
}

/** Opens (creating and migrating unless read-only) the archive at `path`: a file, or a postgres:// URL. */
export function openStore(path: string, options: StoreOptions & { readonly?: boolean } = {}): Store {
  if (isPostgresUrl(path)) return storeOf(openPgDb(path, redactUrl(path), { script: pgBridgeScript() }), path, options)
  return storeOf(openArchive(path, { readonly: options.readonly ?? false }), path, options)
}

/**
 * A read-only connection of its own beside the writer's (an export, a report
 * worker): WAL lets it read one consistent snapshot while capture goes on.
 */
export function openStoreReader(path: string, options: StoreOptions = {}): { read: StoreReader; close(): void } {
  const db = isPostgresUrl(path) ? openPgDb(path, redactUrl(path), { script: pgBridgeScript() }) : openReader(path)
  return { read: bindAll(db, 'read', READS, withDefaults(options), () => {}), close: () => db.close() }
}
