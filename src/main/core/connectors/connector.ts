// The one interface every source implements (demo, X, Bluesky, Mastodon, RSS).
// A connector owns its own auth, reconnects, rate limits and resume state; it
// hands normalized mentions to `emit`, reports its state, and records the
// spans when it could not listen as gaps. Deletes and edits an author makes
// later go to `retract` and `revise`.
import type { Column, ColumnId, MentionInput, SourceId, SourceStatus } from '../../../shared/domain'

/** A post as its author's edit left it, and when the edit was made (epoch ms). */
export type EditedMention = MentionInput & { editedAt: number }

export interface ConnectorContext {
  /** Hand over mentions; the pipeline dedupes, scores, stores and routes them. */
  emit(mentions: MentionInput[]): void
  /**
   * The author deleted these posts (this source's external ids): the core
   * removes what it stored and never stores them again.
   */
  retract(externalIds: readonly string[]): void
  /**
   * The author edited these posts: the core replaces what it stored, or takes
   * one it never stored as new when a column now wants it.
   */
  revise(edits: readonly EditedMention[]): void
  /** Report a state change (connected, reconnecting in N s, an error text). */
  status(update: Omit<SourceStatus, 'source' | 'rate'>): void
  /** Current time in epoch ms (a fake clock in tests). */
  now(): number
  /** Capture gaps: open when listening stops (idempotent), close when data flows again. */
  gap: { open(reason: string): void; close(): void }
  /** Resume state kept in the archive (since_id, time_us, ETags). */
  cursor: { get(key: string): string | undefined; set(key: string, value: string | null): void }
  /** The columns now listening (queries included). */
  columns(): readonly Column[]
  /** Whether any column would take this mention: lets a firehose source keep only what matters. */
  matches(mention: MentionInput): boolean
  /** A line for the log, with any secret value replaced. */
  log(message: string): void
  /** A notice on one column (X refused its rule), or null to clear it. */
  notice?(columnId: ColumnId, message: string | null): void
}

export interface Connector {
  readonly source: SourceId
  start(ctx: ConnectorContext): void
  /** Stops listening; resolves once sockets and timers are released. */
  stop(): void | Promise<void>
  /** The column set or a query changed (X syncs its rules). */
  columnsChanged?(columns: readonly Column[]): void
}
