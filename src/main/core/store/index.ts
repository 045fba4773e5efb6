// The store's public face: everything outside core/store reaches the archive
// through this module. It hands out the reader/writer facade and the plain
// types and defaults that cross it; the repositories, prepared statements and
// migrations behind it stay private (eslint's store rule enforces this).
export {
  openStore,
  openStoreReader,
  storeOf,
  type Store,
  type StoreOptions,
  type StoreReader,
  type StoreWriter,
} from './store'
export { openArchive, type OpenOptions } from './db'
export type { Db } from './db-types'
export { DEFAULT_NOTIFY, defaultColumnSettings, type NewAlert } from './alerts'
export type { ColumnDraft, BucketRow } from './columns'
export type { StoredMention, Route } from './commit'
export type { NewMention } from './mentions'
export type { StoredDelivery } from './delivery'
export { LIST_SEPARATOR, type ExportQuery, type ExportRow, type ExportSlice } from './export-rows'
export type { NewOutboxItem, OutboxUpdate } from './outbox'
export { changesShared, type TriageChange } from './triage'
export { DEFAULT_SETTINGS, type WorkspaceState } from './workspace'
export { ArchiveTooNewError } from './migrations/migration'
export { isPostgresUrl, postgresUrlProblem, redactUrl } from './pg/url'
export { transferArchive, TransferRefused, type TransferProgress, type TransferResult } from './transfer'
export { openAnyArchive, type Archive } from './archive'
export { ChangeFeed, type Change } from './pg/changes'
