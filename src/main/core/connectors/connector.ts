// The one interface every source implements (demo, X, Bluesky, Mastodon, RSS,
// replay). A connector owns its own auth, reconnects, rate limits and resume
// state; it hands normalized mentions to `emit` and reports its state.
import type { MentionInput, SourceId, SourceStatus } from '../../../shared/domain'

export interface ConnectorContext {
  /** Hand over mentions; the pipeline dedupes, scores, stores and routes them. */
  emit(mentions: MentionInput[]): void
  /** Report a state change (connected, reconnecting in N s, an error text). */
  status(update: Omit<SourceStatus, 'source' | 'rate'>): void
  /** Current time in epoch ms (a fake clock in tests). */
  now(): number
}

export interface Connector {
  readonly source: SourceId
  start(ctx: ConnectorContext): void
  stop(): void
}
