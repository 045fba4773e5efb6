// The running sources: starts and stops connectors, hands their mentions to
// the pipeline, measures each source's rate and publishes its status.
import type { DemoSettings, MentionInput, SourceId, SourceStatus } from '../../shared/domain'
import type { Connector, ConnectorContext } from './connectors/connector'
import { DemoConnector } from './connectors/demo'
import type { EventHub } from './events'

const RATE_WINDOW_MS = 5_000

interface Running {
  connector: Connector
  /** (time, count) samples within the rate window. */
  samples: Array<[number, number]>
}

export class Sources {
  private running = new Map<SourceId, Running>()
  private statuses = new Map<SourceId, SourceStatus>()
  private demo: DemoConnector | undefined

  constructor(
    private readonly hub: EventHub,
    private readonly ingest: (mentions: MentionInput[]) => void,
    private readonly now: () => number,
  ) {}

  list(): SourceStatus[] {
    return [...this.statuses.values()]
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
  private demoSeed: number | undefined

  start(connector: Connector): void {
    const entry: Running = { connector, samples: [] }
    this.running.set(connector.source, entry)
    const ctx: ConnectorContext = {
      emit: (mentions) => {
        if (mentions.length === 0) return
        entry.samples.push([this.now(), mentions.length])
        this.ingest(mentions)
      },
      status: (update) => this.setStatus(connector.source, update),
      now: this.now,
    }
    connector.start(ctx)
  }

  stop(source: SourceId): void {
    const entry = this.running.get(source)
    if (!entry) return
    this.running.delete(source)
    entry.connector.stop()
    this.setStatus(source, { state: 'stopped', detail: 'Stopped', until: null })
  }

  stopAll(): void {
    for (const source of [...this.running.keys()]) this.stop(source)
  }

  /** Recomputes rates; call about once a second. */
  tick(): void {
    const now = this.now()
    for (const [source, entry] of this.running) {
      entry.samples = entry.samples.filter(([t]) => now - t < RATE_WINDOW_MS)
      const total = entry.samples.reduce((sum, [, n]) => sum + n, 0)
      const rate = Math.round((total / (RATE_WINDOW_MS / 1000)) * 10) / 10
      const current = this.statuses.get(source)
      if (current && current.rate !== rate) this.publish({ ...current, rate })
    }
  }

  private setStatus(source: SourceId, update: Omit<SourceStatus, 'source' | 'rate'>): void {
    const rate = this.statuses.get(source)?.rate ?? 0
    this.publish({ source, rate: update.state === 'stopped' ? 0 : rate, ...update })
  }

  private publish(status: SourceStatus): void {
    this.statuses.set(status.source, status)
    this.hub.emit('source.status', status)
  }
}
