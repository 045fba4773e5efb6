// Alerts at run time: listens to the stats ticks the core already produces
// (the buckets are kept up to date from committed hits, so this costs no query
// and nothing on the ingest path), runs the detector per column with that
// column's settings and cooldowns, stores what fires and announces it. VIP
// alerts come from committed mentions: each new mention of a column that its
// VIP query matches. Every alert is handed on for delivery (webhooks, Slack,
// email) once it is stored. On an archive shared by several processes only
// the holder of the detection lease detects (and so delivers), once for all;
// the others hear of its alerts through the change feed (app/team-feed.ts).
import type { Alert, AlertSettings, ColumnAlertSettings, NotifyPrefs } from '../../../shared/contracts/alerts'
import type { Column, ColumnId, ColumnStats, Mention } from '../../../shared/domain'
import { compileColumnQuery } from '../../../shared/query/column-query'
import { compileMatcher, type Matcher } from '../../../shared/query/match'
import { toMatchInput, type MatchInput } from '../../../shared/query/match-input'
import type { ColumnService } from '../columns/service'
import { badRequest, notFound } from '../errors'
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
  /** Mentions as they are committed, with the columns each went to (VIP alerts). */
  onCommitted?: Event<readonly { mention: Mention; columns: ColumnId[] }[]>
  /** A stored alert, for delivery beyond the console. */
  onFired?: (alert: Alert) => void
  /** Whether this process is the one that detects now (`fresh`: newly so); default: always. */
  detector?: () => { held: boolean; fresh: boolean }
}

/** The lease of the process that detects alerts for the archive. */
export const DETECTOR_LEASE = 'alerts:detector'

/** At most this many VIP alerts per column from one committed batch (a query that matches everything is not a flood). */
const VIP_PER_BATCH = 5

export class AlertService {
  private readonly settings: Map<ColumnId, ColumnAlertSettings>
  private readonly lastFired: Map<ColumnId, LastFired>
  private notify: NotifyPrefs
  private readonly vipMatchers = new Map<string, Matcher>()

  constructor(private readonly deps: AlertServiceDeps) {
    this.settings = deps.store.read.loadAlertSettings()
    this.lastFired = deps.store.read.loadLastFired()
    this.notify = deps.store.read.loadNotifyPrefs()
  }

  /** Another console changed the alert settings in the shared archive: read them again. */
  reload(): void {
    this.replace(this.settings, this.deps.store.read.loadAlertSettings())
    this.notify = this.deps.store.read.loadNotifyPrefs()
    this.deps.hub.emit('alerts.settings.changed', this.all())
  }

  /** Whether this process detects; newly so, it reads the cooldowns the last detector left. */
  private detecting(): boolean {
    const turn = this.deps.detector?.() ?? { held: true, fresh: false }
    if (turn.fresh) this.replace(this.lastFired, this.deps.store.read.loadLastFired())
    return turn.held
  }

  private replace<K, V>(into: Map<K, V>, from: Map<K, V>): void {
    into.clear()
    for (const [k, v] of from) into.set(k, v)
  }

  /** Starts listening to stats ticks and column changes. */
  start(): Disposer {
    const offStats = this.deps.onStats((stats) => this.evaluate(stats))
    const offColumns = this.deps.columns.onDidChange((columns) => this.prune(columns))
    const offCommitted = this.deps.onCommitted?.((batch) => this.vip(batch))
    return () => {
      offStats()
      offColumns()
      offCommitted?.()
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
    if (patch.vipQuery !== undefined && patch.vipQuery.trim() !== '') {
      const compiled = compileColumnQuery(patch.vipQuery)
      if (!compiled.ok)
        throw badRequest(`invalid VIP query: ${compiled.error.message}`, [`vipQuery: ${compiled.error.message}`])
    }
    const next = { ...this.settingsOf(patch.columnId), ...patch }
    next.vipQuery = next.vipQuery.trim()
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
    if (!this.detecting()) return 0
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
          mentionId: null,
        })
        this.lastFired.set(s.columnId, { ...last, [d.kind]: now })
        this.fired(alert)
        fired++
      }
    }
    return fired
  }

  private fired(alert: Alert): void {
    this.deps.hub.emit('alert.fired', alert)
    try {
      this.deps.onFired?.(alert)
    } catch (err) {
      console.error(`earshot: could not queue alert ${alert.id} for delivery: ${String(err)}`)
    }
  }

  private matcher(query: string): Matcher | null {
    let m = this.vipMatchers.get(query)
    if (!m) {
      const compiled = compileColumnQuery(query)
      if (!compiled.ok) return null
      m = compileMatcher(compiled.ast)
      this.vipMatchers.set(query, m)
    }
    return m
  }

  /** VIP alerts: committed mentions of a column that its VIP query matches. */
  private vip(batch: readonly { mention: Mention; columns: ColumnId[] }[]): void {
    const watched = this.deps.columns.list().flatMap((column) => {
      const s = this.settingsOf(column.id)
      const match = s.enabled && s.vipQuery !== '' ? this.matcher(s.vipQuery) : null
      return match ? [{ column, match }] : []
    })
    if (watched.length === 0 || !this.detecting()) return
    const now = this.deps.now()
    // Each mention's match input is built once, for however many VIP queries read it.
    const inputs = new Map<Mention, MatchInput>()
    const inputOf = (m: Mention) => inputs.get(m) ?? inputs.set(m, toMatchInput(m)).get(m)!
    for (const { column, match } of watched) {
      let count = 0
      for (const { mention: m, columns } of batch) {
        if (count >= VIP_PER_BATCH) break
        if (!columns.includes(column.id) || !match(inputOf(m))) continue
        count++
        this.fired(
          this.deps.store.write.insertAlert({
            columnId: column.id,
            columnTitle: column.title,
            kind: 'vip',
            bucket: m.createdAt,
            firedAt: now,
            count: 1,
            baseline: 0,
            observed: m.author.followers,
            summary: describeVip(m),
            mentionId: m.id,
          }),
        )
      }
    }
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

/** "@dana (120,000 followers): the text…" */
function describeVip(m: Mention): string {
  const text = m.text.replace(/\s+/g, ' ')
  return `@${m.author.handle} (${m.author.followers.toLocaleString('en-US')} followers): ${text.length > 140 ? `${text.slice(0, 139)}…` : text}`
}
