// What a core is started with, and what it offers its host (Electron main,
// the browser-mode server, the CLI, the tests).
import type { Settings } from '../../../shared/contract'
import type { Caller } from '../../../shared/permissions'
import type { ConnectionOptions } from 'node:tls'
import type { DeliveryService } from '../alerts/delivery/service'
import type { ArchiveServices } from '../archive/services'
import type { DesktopShell } from '../desktop-shell'
import type { CoreHandlers, dispatch } from '../dispatch'
import type { EventHub } from '../events'
import type { Ingest } from '../pipeline/ingest'
import type { Outbox } from '../replies/outbox'
import type { SecretStore } from '../secrets/secret-store'
import type { SourceDrivers } from '../sources/driver'
import type { Sources } from '../sources/sources'
import type { ColumnStats } from '../../../shared/domain'
import type { Emitter } from '../lifetime'
import type { Db, Store } from '../store'
import type { Session } from './session'

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
  /** Extra TLS trust for alert mail (a private certificate authority's certificate). */
  mailTls?: ConnectionOptions
  /** How often queued alert deliveries are looked at (ms; default 1,000). */
  deliveryTickMs?: number
  /** Source drivers; default: every built-in one. */
  drivers?: SourceDrivers
  env?: NodeJS.ProcessEnv
  /** Native dialogs and PDF printing, from Electron main; absent in browser mode. */
  shell?: DesktopShell
}

export interface Core {
  readonly store: Store
  /** The live archive's connection, for tests and diagnostics only: the core itself reads through `store`. */
  readonly db: Db
  /** The UI event stream: transports (IPC, each WebSocket) subscribe. */
  readonly hub: EventHub
  readonly handlers: CoreHandlers
  readonly ingest: Ingest
  readonly sources: Sources
  readonly outbox: Outbox
  readonly archive: ArchiveServices
  /** Alert delivery (webhooks, Slack, email): alerts the detector stores are handed to it. */
  readonly delivery: DeliveryService
  /**
   * The core's internal events (not the UI stream). Services subscribe to each
   * other through these; a host or a test may fire one, e.g. a stats tick with
   * figures of its own.
   */
  readonly events: { readonly statsTicked: Emitter<ColumnStats[]> }
  /** Runs a command; with `caller` (a signed-in operator) only what that operator's role allows. */
  call(name: unknown, input: unknown, caller?: Caller): ReturnType<typeof dispatch>
  /**
   * A console connection's session (a socket, a window): on an archive with
   * operators it answers nothing but signing in until an operator signs in.
   */
  openSession(): Session
  start(): void
  /** Stops the sources, commits everything accepted, and closes the archive. */
  stop(): Promise<void>
}
