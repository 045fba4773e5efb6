// The archive behind one asynchronous interface, whichever engine holds it:
// a SQLite file (the embedded default) or a PostgreSQL database (team mode).
// This is the interface the core moves onto, call by call (the synchronous
// Store facade in store.ts is what it still uses for the rest); both engines
// pass the same conformance suite (test/pg/conformance.test.ts).
import type { SearchPage } from '../../../shared/contract'
import type { Mention, PageCursor, SourceId } from '../../../shared/domain'
import type { QueryNode } from '../../../shared/query/ast'
import type { Route, StoredMention } from './commit'
import type { AuditEntry, AuditQuery, NewAuditEntry } from '../../../shared/contracts/audit'
import type { OperatorInfo } from '../../../shared/roles'
import { appendAuditPg, listAuditPg } from './pg/audit'
import type { NewMention, Page } from './mentions'
import type { StoredOperator } from './operators'
import { addOperatorPg, getOperatorPg, listOperatorsPg, removeOperatorPg } from './pg/operators'
import { openPgArchive, type PgOpenOptions } from './pg/connect'
import {
  commitMentionsPg,
  countMatchesPg,
  countMentionsPg,
  getMentionPg,
  pageColumnPg,
  searchMentionsPg,
} from './pg/mentions'
import { tombstoneMentionsPg } from './pg/revisions'
import { isPostgresUrl, redactUrl } from './pg/url'
import type { SearchOptions } from './search'
import { openStore, type Store } from './store'

export interface Archive {
  readonly engine: 'sqlite' | 'postgres'
  /** The file path, or the URL without its password. */
  readonly where: string
  commitMentions(batch: readonly NewMention[], route: Route): Promise<StoredMention[]>
  tombstoneMentions(source: SourceId, externalIds: readonly string[], at: number): Promise<number[]>
  countMentions(): Promise<number>
  getMention(id: number): Promise<Mention | undefined>
  countMatches(query: QueryNode): Promise<number>
  searchMentions(query: QueryNode, o: SearchOptions): Promise<SearchPage>
  pageColumn(columnId: string, before: PageCursor | null, limit: number): Promise<Page>
  addOperator(o: StoredOperator): Promise<void>
  listOperators(): Promise<OperatorInfo[]>
  getOperator(name: string): Promise<StoredOperator | undefined>
  removeOperator(name: string): Promise<boolean>
  appendAudit(e: NewAuditEntry): Promise<void>
  listAudit(q: AuditQuery): Promise<AuditEntry[]>
  close(): Promise<void>
}

/** The SQLite engine: the synchronous store's calls, answered as promises. */
export function sqliteArchive(store: Store): Archive {
  const { read, write } = store
  return {
    engine: 'sqlite',
    where: store.path,
    commitMentions: async (batch, route) => write.commitMentions(batch, route),
    tombstoneMentions: async (source, ids, at) => write.tombstoneMentions(source, ids, at),
    countMentions: async () => read.countMentions(),
    getMention: async (id) => read.getMention(id),
    countMatches: async (query) => read.countMatches(query),
    searchMentions: async (query, o) => read.searchMentions(query, o),
    pageColumn: async (columnId, before, limit) => read.pageColumn(columnId, before, limit),
    addOperator: async (o) => write.addOperator(o),
    listOperators: async () => read.listOperators(),
    getOperator: async (name) => read.getOperator(name),
    removeOperator: async (name) => write.removeOperator(name),
    appendAudit: async (e) => write.appendAudit(e),
    listAudit: async (q) => read.listAudit(q),
    close: async () => store.close(),
  }
}

/** Opens the archive a --db value names: a postgres:// URL, else a file path. */
export async function openAnyArchive(target: string, options: PgOpenOptions = {}): Promise<Archive> {
  if (!isPostgresUrl(target)) return sqliteArchive(openStore(target))
  const pool = await openPgArchive(target, options)
  return {
    engine: 'postgres',
    where: redactUrl(target),
    commitMentions: (batch, route) => commitMentionsPg(pool, batch, route),
    tombstoneMentions: (source, ids, at) => tombstoneMentionsPg(pool, source, ids, at),
    countMentions: () => countMentionsPg(pool),
    getMention: (id) => getMentionPg(pool, id),
    countMatches: (query) => countMatchesPg(pool, query),
    searchMentions: (query, o) => searchMentionsPg(pool, query, o),
    pageColumn: (columnId, before, limit) => pageColumnPg(pool, columnId, before, limit),
    addOperator: (o) => addOperatorPg(pool, o),
    listOperators: () => listOperatorsPg(pool),
    getOperator: (name) => getOperatorPg(pool, name),
    removeOperator: (name) => removeOperatorPg(pool, name),
    appendAudit: (e) => appendAuditPg(pool, e),
    listAudit: (q) => listAuditPg(pool, q),
    close: () => pool.end(),
  }
}
