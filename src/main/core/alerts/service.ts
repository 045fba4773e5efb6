// Alerts at run time: listens to the stats ticks the core already produces
// (the buckets are kept up to date from committed hits, so this costs no query
// and nothing on the ingest path), runs the detector per column with that
// column's settings and cooldowns, stores what fires and announces it.
import type { AlertSettings, ColumnAlertSettings, NotifyPrefs } from '../../../shared/contracts/alerts'
import type { Column, ColumnId, ColumnStats } from '../../../shared/domain'
import type { ColumnService } from '../columns/service'
import { notFound } from '../errors'
import type { EventHub } from '../events'
import type { Disposer, Event } from '../lifetime'
import type { Store } from '../store'
import { describeDetection, detect, type LastFired } from './detector'
import { defaultColumnSettings } from '../store'

export interface AlertServiceDeps {
  store: Pick<Store, 'read' | 'write'>
  hub: EventHub
  now: () => number
  columns: Pick<ColumnService, 'list' | 'onDidChange'>
  /** Each column's live statistics, as the stats timer ticks. */
  onStats: Event<ColumnStats[]>
}

export class AlertService {
  private readonly settings: Map<ColumnId, ColumnAlertSettings>
  private readonly lastFired: Map<ColumnId, LastFired>
  private notify: NotifyPrefs

  constructor(private readonly deps: AlertServiceDeps) {
    this.settings = deps.store.read.loadAlertSettings()
    this.lastFired = deps.store.read.loadLastFired()
    this.notify = deps.store.read.loadNotifyPrefs()
  }

  /** Starts listening to stats ticks and column changes. */
  start(): Disposer {
    const offStats = this.deps.onStats((stats) => this.evaluate(stats))
    const offColumns = this.deps.columns.onDidChange((columns) => this.prune(columns))
    return () => {
      offStats()
      offColumns()
    }
  }

  settingsOf(columnId: ColumnId): ColumnAlertSettings {
    return this.settings.get(columnId) ?? defaultColumnSettings(columnId)
  }

  all(): AlertSettings {
    return { notify: this.notify, columns: this.deps.columns.list().map((c) => this.settingsOf(c.id)) }
  }

  configure(patch: Partial<ColumnAlertSettings> & { columnId: ColumnId }): ColumnAlertSettings {
    if (!this.deps.columns.list().some((c) => c.id === patch.columnId)) throw notFound(`column ${patch.columnId}`)
    const next = { ...this.settingsOf(patch.columnId), ...patch }
    this.deps.store.write.saveAlertSettings(next, this.deps.now())
    this.settings.set(next.columnId, next)
    this.deps.hub.emit('alerts.settings.changed', this.all())
    return next
  }

  setNotify(patch: Partial<NotifyPrefs>): NotifyPrefs {
    this.notify = { ...this.notify, ...patch }
    this.deps.store.write.saveNotifyPrefs(this.notify)
    this.deps.hub.emit('alerts.settings.changed', this.all())
    return this.notify
  }

  /** Runs the detector over one tick's stats; returns how many alerts fired. */
  evaluate(stats: readonly ColumnStats[]): number {
    const now = this.deps.now()
    let titles: Map<ColumnId, string> | undefined
    let fired = 0
    for (const s of stats) {
      const cfg = this.settingsOf(s.columnId)
      if (!cfg.enabled) continue
      const last = this.lastFired.get(s.columnId) ?? {}
      const found = detect(
        s.buckets,
        {
          sensitivity: cfg.sensitivity,
          minVolume: cfg.minVolume,
          negativeSurge: cfg.negativeSurge,
          cooldownMs: cfg.cooldownMinutes * 60_000,
        },
        last,
        now,
      )
      for (const d of found) {
        titles ??= new Map(this.deps.columns.list().map((c) => [c.id, c.title]))
        const alert = this.deps.store.write.insertAlert({
          ...d,
          columnId: s.columnId,
          columnTitle: titles.get(s.columnId) ?? s.columnId,
          firedAt: now,
          summary: describeDetection(d),
        })
        this.lastFired.set(s.columnId, { ...last, [d.kind]: now })
        this.deps.hub.emit('alert.fired', alert)
        fired++
      }
    }
    return fired
  }

  private prune(columns: readonly Column[]): void {
    const ids = new Set(columns.map((c) => c.id))
    let gone = false
    for (const id of this.settings.keys()) {
      if (!ids.has(id)) {
        this.settings.delete(id)
        gone = true
      }
    }
    if (gone) this.deps.store.write.pruneAlertSettings([...ids])
  }
}
