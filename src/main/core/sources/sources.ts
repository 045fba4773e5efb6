// The running sources: starts and stops connectors from their settings, hands
// their mentions to the pipeline, measures each source's rate, publishes its
// status, records capture gaps and keeps resume cursors. Settings live in the
// archive; secrets in the SecretStore.
import type { SourceEntry, SourcesConfigure } from '../../../shared/contracts/sources'
import type { DemoSettings, SourceId, SourceStatus } from '../../../shared/domain'
import {
  CONFIGURABLE_SOURCES,
  DEFAULT_SOURCE_CONFIGS,
  SOURCE_CONFIG_SCHEMAS,
  type ConfigurableSource,
  type SourceConfigs,
} from '../../../shared/sources'
import type { Connector, ConnectorContext } from '../connectors/connector'
import { DemoConnector, DemoReplySink } from '../connectors/demo'
import { badRequest } from '../errors'
import type { EventHub } from '../events'
import type { ReplyChannel } from '../replies/channel'
import type { ColumnService } from '../columns/service'
import type { Disposer } from '../lifetime'
import type { Ingest } from '../pipeline/ingest'
import type { SourceRevisions } from '../pipeline/revisions'
import type { Router } from '../pipeline/router'
import type { SecretStore } from '../secrets/secret-store'
import type { Store } from '../store'
import type { ThreadFetcher } from '../thread/fetcher'
import type { DriverDeps, SourceDriver, SourceDrivers } from './driver'
import { ALIVE_EVERY_MS, ALIVE_KEY, UNCLEAN_STOP, uncleanStopSince } from './heartbeat'

const RATE_WINDOW_MS = 5_000

interface Running {
  connector: Connector
  /** (time, count) samples within the rate window. */
  samples: Array<[number, number]>
  /** When its sign of life was last written (sources/heartbeat.ts). */
  aliveAt: number
}

export interface SourcesOptions {
  store: Pick<Store, 'read' | 'write'>
  hub: EventHub
  router: Router
  secrets: SecretStore
  drivers: SourceDrivers
  /** Where connectors' mentions go (the pipeline's ingest). */
  ingest: Pick<Ingest, 'push'>
  /** Applies an author's deletes and edits (pipeline/revisions). */
  revisions: Pick<SourceRevisions, 'retract' | 'revise'>
  columns: Pick<ColumnService, 'list' | 'onDidChange'>
  now: () => number
  env?: NodeJS.ProcessEnv
}

export class Sources {
  private running = new Map<SourceId, Running>()
  private statuses = new Map<SourceId, SourceStatus>()
  private replyChannels = new Map<SourceId, ReplyChannel>()
  private threadFetchers = new Map<SourceId, ThreadFetcher | { unavailable: string }>()
  private configs: SourceConfigs
  private demo: DemoConnector | undefined
  private demoSeed: number | undefined
  readonly demoSink = new DemoReplySink()
  private readonly offColumns: Disposer

  constructor(private readonly o: SourcesOptions) {
    this.configs = { ...DEFAULT_SOURCE_CONFIGS }
    for (const source of CONFIGURABLE_SOURCES) {
      const stored = SOURCE_CONFIG_SCHEMAS[source].safeParse({
        ...DEFAULT_SOURCE_CONFIGS[source],
        ...(o.store.read.loadSourceConfig(source) as object | undefined),
      })
      if (stored.success) (this.configs as Record<string, unknown>)[source] = stored.data
    }
    this.replyChannels.set('demo', this.demoSink)
    this.offColumns = o.columns.onDidChange((columns) => {
      for (const { connector } of this.running.values()) connector.columnsChanged?.(columns)
    })
  }

  list(): SourceStatus[] {
    return [...this.statuses.values()]
  }

  entries(): SourceEntry[] {
    return CONFIGURABLE_SOURCES.map((source) => this.entry(source))
  }

  entry(source: ConfigurableSource): SourceEntry {
    return {
      source,
      config: this.configs[source],
      secrets: this.o.secrets.states(source),
      status: this.statuses.get(source) ?? {
        source,
        state: 'idle',
        detail: this.configs[source].enabled ? 'Starting' : 'Off',
        rate: 0,
        until: null,
      },
    } as SourceEntry
  }

  secretStoreInfo() {
    return this.o.secrets.info()
  }

  config<S extends ConfigurableSource>(source: S): SourceConfigs[S] {
    return this.configs[source]
  }

  private guarded(source: SourceId, what: string, fn: () => void): void {
    try {
      fn()
    } catch (err) {
      console.error(`earshot: ${source}: could not ${what}: ${this.o.secrets.redact(String(err))}`)
    }
  }

  replyChannel(source: SourceId): ReplyChannel | undefined {
    return this.replyChannels.get(source)
  }

  /** How this source looks posts up for threads (built from its settings whether it listens or not). */
  threadFetcher(source: SourceId): ThreadFetcher | { unavailable: string } | undefined {
    return this.threadFetchers.get(source)
  }

  /** Starts every enabled configurable source (call once, after the columns are loaded). */
  startConfigured(): void {
    for (const source of CONFIGURABLE_SOURCES) this.restart(source)
  }

  configure(request: SourcesConfigure): SourceEntry {
    const { source } = request
    const merged = SOURCE_CONFIG_SCHEMAS[source].safeParse({ ...this.configs[source], ...request.config })
    if (!merged.success) {
      const issues = merged.error.issues.map((i) => `config.${i.path.join('.')}: ${i.message}`)
      throw badRequest(`invalid ${source} settings: ${issues.join('; ')}`, issues)
    }
    for (const [name, value] of Object.entries(request.secrets ?? {})) {
      try {
        this.o.secrets.set(source, name, value)
      } catch (err) {
        throw badRequest((err as Error).message, [`secrets.${name}: ${(err as Error).message}`])
      }
    }
    ;(this.configs as Record<string, unknown>)[source] = merged.data
    this.o.store.write.saveSourceConfig(source, merged.data, this.o.now())
    this.restart(source)
    const entry = this.entry(source)
    this.o.hub.emit('source.configured', entry)
    return entry
  }

  applyDemo(settings: DemoSettings): void {
    if (!settings.enabled) {
      this.stop('demo')
      this.demo = undefined
      return
    }
    if (this.demo && this.running.has('demo') && this.demoSeed === settings.seed) {
      this.demo.setRate(settings.rate)
      this.setStatus('demo', { state: 'connected', detail: `Demo stream, ${settings.rate}/s`, until: null })
      return
    }
    this.stop('demo')
    this.demo = new DemoConnector({ rate: settings.rate, seed: settings.seed })
    this.demoSeed = settings.seed
    this.start(this.demo)
  }

  start(connector: Connector): void {
    const source = connector.source
    const entry: Running = { connector, samples: [], aliveAt: 0 }
    this.running.set(source, entry)
    const { store, now } = this.o
    if (source !== 'demo') {
      this.guarded(source, 'check how its last capture ended', () => {
        const since = store.read.openGapOf(source)
          ? null
          : uncleanStopSince(store.read.getCursor(source, ALIVE_KEY), now())
        if (since !== null) this.o.hub.emit('gap.changed', store.write.openGap(source, since, UNCLEAN_STOP))
      })
      this.beat(source, entry)
    }
    const ctx: ConnectorContext = {
      emit: (mentions) => {
        if (mentions.length === 0 || this.running.get(source) !== entry) return
        entry.samples.push([now(), mentions.length])
        this.o.ingest.push(mentions)
      },
      retract: (externalIds) => {
        if (externalIds.length > 0 && this.running.get(source) === entry) this.o.revisions.retract(source, externalIds)
      },
      revise: (edits) => {
        if (this.running.get(source) === entry) this.o.revisions.revise(edits.filter((e) => e.source === source))
      },
      status: (update) => {
        if (this.running.get(source) === entry) this.setStatus(source, update)
      },
      now,
      // Called from a connector's stream events: a store that fails here (a full disk, a lost
      // server) is logged, never thrown into the stream, which would end the process.
      gap: {
        open: (reason) =>
          this.guarded(source, 'record a gap', () => {
            if (store.read.openGapOf(source)) return
            this.o.hub.emit('gap.changed', store.write.openGap(source, now(), this.o.secrets.redact(reason)))
          }),
        close: () =>
          this.guarded(source, 'close its gap', () => {
            const closed = store.write.closeGap(source, now())
            if (closed) this.o.hub.emit('gap.changed', closed)
          }),
      },
      cursor: {
        get: (key) => store.read.getCursor(source, key),
        set: (key, value) => store.write.setCursor(source, key, value, now()),
      },
      columns: () => this.o.columns.list(),
      matches: (mention) => this.o.router.anyMatch(mention),
      log: (message) => console.error(`earshot: ${source}: ${this.o.secrets.redact(message)}`),
      notice: (columnId, message) => {
        if (this.running.get(source) !== entry) return
        this.o.hub.emit('column.notice', {
          columnId,
          source,
          message: message === null ? null : this.o.secrets.redact(message),
        })
      },
    }
    connector.start(ctx)
  }

  stop(source: SourceId): void | Promise<void> {
    const entry = this.running.get(source)
    if (!entry) return
    this.running.delete(source)
    this.setStatus(source, { state: 'stopped', detail: 'Stopped', until: null })
    return entry.connector.stop()
  }

  /** Stops every source at shutdown; each live source opens a gap that its next connection closes. */
  async stopAll(): Promise<void> {
    this.offColumns()
    const sources = [...this.running.keys()]
    for (const source of sources) {
      if (source !== 'demo' && !this.o.store.read.openGapOf(source))
        this.o.store.write.openGap(source, this.o.now(), 'Earshot was not running')
    }
    await Promise.all(sources.map((source) => this.stop(source)))
  }

  /** Recomputes rates; call about once a second. */
  tick(): void {
    const now = this.o.now()
    for (const [source, entry] of this.running) {
      if (source !== 'demo' && now - entry.aliveAt >= ALIVE_EVERY_MS) this.beat(source, entry)
      entry.samples = entry.samples.filter(([t]) => now - t < RATE_WINDOW_MS)
      const total = entry.samples.reduce((sum, [, n]) => sum + n, 0)
      const rate = Math.round((total / (RATE_WINDOW_MS / 1000)) * 10) / 10
      const current = this.statuses.get(source)
      if (current && current.rate !== rate) this.publish({ ...current, rate })
    }
  }

  private beat(source: SourceId, entry: Running): void {
    entry.aliveAt = this.o.now()
    this.guarded(source, 'write its sign of life', () =>
      this.o.store.write.setCursor(source, ALIVE_KEY, String(entry.aliveAt), entry.aliveAt),
    )
  }

  private restart<S extends ConfigurableSource>(source: S): void {
    void this.stop(source)
    this.replyChannels.delete(source)
    const driver = this.o.drivers[source] as SourceDriver<S> | undefined
    const config = this.configs[source]
    const deps: DriverDeps = {
      secret: (name) => this.o.secrets.get(source, name),
      env: this.o.env ?? process.env,
      now: this.o.now,
      log: (message) => console.error(`earshot: ${source}: ${this.o.secrets.redact(message)}`),
    }
    const replies = driver?.replies?.(config, deps)
    if (replies) this.replyChannels.set(source, replies)
    const thread = driver?.thread?.(config, deps)
    if (thread) this.threadFetchers.set(source, thread)
    else this.threadFetchers.delete(source)
    if (!config.enabled) {
      if (this.statuses.has(source)) this.setStatus(source, { state: 'stopped', detail: 'Off', until: null })
      return
    }
    if (!driver) {
      this.setStatus(source, { state: 'error', detail: `${source} is not available in this build`, until: null })
      return
    }
    const made = driver.connector(config, deps)
    if ('unavailable' in made) {
      this.setStatus(source, { state: 'error', detail: made.unavailable, until: null })
      return
    }
    this.start(made)
  }

  private setStatus(source: SourceId, update: Omit<SourceStatus, 'source' | 'rate'>): void {
    const rate = this.statuses.get(source)?.rate ?? 0
    this.publish({
      source,
      rate: update.state === 'stopped' ? 0 : rate,
      ...update,
      detail: this.o.secrets.redact(update.detail),
    })
  }

  private publish(status: SourceStatus): void {
    this.statuses.set(status.source, status)
    this.o.hub.emit('source.status', status)
  }
}
