// A configurable source plugs in here: how to build its connector from its
// settings and secrets, its reply channel when it can answer, and its thread
// fetcher when it can look posts up.
import type { ConfigurableSource, SourceConfigs } from '../../../shared/sources'
import type { Connector } from '../connectors/connector'
import type { ReplyChannel } from '../replies/channel'
import type { ThreadFetcher } from '../thread/fetcher'

export interface DriverDeps {
  /** A secret of this source, or undefined when not provided. */
  secret(name: string): string | undefined
  env: NodeJS.ProcessEnv
  now(): number
  log(message: string): void
}

export interface SourceDriver<S extends ConfigurableSource = ConfigurableSource> {
  readonly source: S
  /** A connector for these settings; null when there is nothing to listen to (reported as the reason). */
  connector(config: SourceConfigs[S], deps: DriverDeps): Connector | { unavailable: string }
  /** A reply channel for these settings and secrets, or undefined when replies are not configured. */
  replies?(config: SourceConfigs[S], deps: DriverDeps): ReplyChannel | undefined
  /** Looks up the posts above a mention, or says why it cannot (e.g. a missing token). */
  thread?(config: SourceConfigs[S], deps: DriverDeps): ThreadFetcher | { unavailable: string }
}

export type SourceDrivers = { [S in ConfigurableSource]?: SourceDriver<S> }
