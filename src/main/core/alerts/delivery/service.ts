// Alert delivery at run time: which destinations an alert goes to (kind and
// column routes, quiet hours), the queue in the archive's delivery log, and a
// sender that works it off the capture path: one timer, at most one delivery
// in flight per destination, retries with backoff (or the receiver's
// Retry-After), an email digest window per column. A failing destination is
// a status on the alert panel; it never holds up capture or other destinations.
import { randomUUID } from 'node:crypto'
import type { ConnectionOptions } from 'node:tls'
import type { Alert } from '../../../../shared/contracts/alerts'
import {
  DESTINATION_SECRETS,
  DESTINATION_SECRET_LABELS,
  type Delivery,
  type Destination,
  type DestinationEntry,
  type DestinationList,
  type DestinationSpec,
  type DestinationStatus,
  type QuietHours,
  type TestResult,
} from '../../../../shared/contracts/delivery'
import { badRequest, notFound } from '../../errors'
import type { EventHub } from '../../events'
import type { Disposer } from '../../lifetime'
import { ALERT_SECTION, type SecretStore } from '../../secrets/secret-store'
import type { Store, StoredDelivery } from '../../store'
import { postJson, sendMail, type Outcome } from './channels'
import { mailContent, slackBody, webhookBody, type AlertMessage } from './message'
import { DELIVERY_HEADER, signature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './sign'
import { STATS_BUCKET_MS } from '../../../../shared/domain'

/** Attempts before a delivery is given up. */
export const MAX_ATTEMPTS = 6
const FIRST_RETRY_MS = 2_000
const MAX_RETRY_MS = 15 * 60_000
const MAX_RETRY_AFTER_MS = 60 * 60_000
const TOP_MENTIONS = 3
const DUE_PER_TICK = 50
const ANNOUNCE_MS = 250

/** 2 s, 8 s, 32 s, ~2 min, ~8.5 min, then 15 min: the wait after the n-th failed attempt. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1))
}

/** Whether `at` falls in the quiet hours (local time of this machine; a span may cross midnight). */
export function inQuietHours(q: QuietHours, at: number): boolean {
  if (!q.enabled) return false
  const d = new Date(at)
  const minute = d.getHours() * 60 + d.getMinutes()
  const [fh, fm] = q.from.split(':').map(Number) as [number, number]
  const [th, tm] = q.to.split(':').map(Number) as [number, number]
  const from = fh * 60 + fm
  const to = th * 60 + tm
  return from < to ? minute >= from && minute < to : minute >= from || minute < to
}

export interface DeliveryServiceDeps {
  store: Pick<Store, 'read' | 'write'>
  hub: EventHub
  secrets: SecretStore
  now: () => number
  /** How often the queue is looked at (ms). */
  tickMs?: number
  /** Extra TLS trust for SMTP servers with their own certificate authority. */
  mailTls?: ConnectionOptions
  /** Whether this process is the one that delivers now (one for all on a shared archive); default: always. */
  sender?: () => { held: boolean }
}

/** The lease of the process that delivers alerts for the archive. */
export const DELIVERY_LEASE = 'alerts:delivery'

const scopeOf = (id: string) => `alert.${id}`
/** An email digest window: one per destination and column. */
const windowOf = (destinationId: string, columnId: string) => `${destinationId}\n${columnId}`

/** https, or plain http to this machine only (a relay on loopback). */
function slackUrlOk(value: string): boolean {
  try {
    const u = new URL(value)
    if (u.protocol === 'https:') return u.hostname !== ''
    return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)
  } catch {
    return false
  }
}

export class DeliveryService {
  private destinations: Destination[]
  private readonly busy = new Set<string>()
  private readonly running = new Set<Promise<void>>()
  /** Email digests being sent now, by destination and column, with when the send began (a window opens then). */
  private readonly mailing = new Map<string, number>()
  private timer: ReturnType<typeof setInterval> | undefined
  private closed = false
  private announce: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly deps: DeliveryServiceDeps) {
    this.destinations = deps.store.read.listDestinations()
  }

  start(): Disposer {
    this.timer = setInterval(() => this.tick(), this.deps.tickMs ?? 1_000)
    this.timer.unref?.()
    return () => clearInterval(this.timer)
  }

  /** Waits for deliveries in flight (the core is stopping); what is waiting stays queued for the next start. */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.timer)
    clearTimeout(this.announce)
    await Promise.allSettled([...this.running])
  }

  list(): DestinationList {
    return { destinations: this.destinations.map((d) => this.entry(d)), secretStore: this.deps.secrets.info() }
  }

  save(id: string | undefined, spec: DestinationSpec, secrets: Record<string, string | null> = {}): DestinationEntry {
    const known: readonly string[] = DESTINATION_SECRETS[spec.kind]
    const unknown = Object.keys(secrets).filter((name) => !known.includes(name))
    if (unknown.length > 0) throw badRequest(`a ${spec.kind} destination has no secret called "${unknown[0]}"`)
    const current = id === undefined ? undefined : this.destinations.find((d) => d.id === id)
    if (id !== undefined && !current) throw notFound(`destination ${id}`)
    if (current && current.kind !== spec.kind) throw badRequest('a destination keeps its kind; add a new one instead')
    if (spec.kind === 'slack' && secrets.webhookUrl && !slackUrlOk(secrets.webhookUrl.trim()))
      throw badRequest('the Slack webhook URL must be an https:// address', [
        'secrets.webhookUrl: an https:// address (http:// only to this machine, e.g. a local relay)',
      ])
    const destination = this.deps.store.write.saveDestination(id ?? randomUUID(), spec, this.deps.now())
    for (const [name, value] of Object.entries(secrets))
      this.deps.secrets.setScoped(scopeOf(destination.id), name, value)
    this.reload()
    return this.entry(destination)
  }

  remove(id: string): boolean {
    const removed = this.deps.store.write.deleteDestination(id, this.deps.now())
    if (removed) {
      this.deps.secrets.forgetScope(scopeOf(id))
      this.reload()
    }
    return removed
  }

  deliveries(destinationId: string | null, limit: number): Delivery[] {
    const names = new Map(this.destinations.map((d) => [d.id, d.name]))
    return this.deps.store.read
      .listDeliveries(destinationId, limit)
      .map(({ columnId: _, ...d }) => ({ ...d, destinationName: names.get(d.destinationId) ?? '(removed)' }))
  }

  /** An alert fired: queue it for every destination that takes it. */
  enqueue(alert: Alert): void {
    const now = this.deps.now()
    let queued = false
    for (const d of this.destinations) {
      if (!d.enabled || !d.routes.kinds.includes(alert.kind)) continue
      if (d.routes.columns !== 'all' && !d.routes.columns.includes(alert.columnId)) continue
      const quiet = inQuietHours(d.quietHours, now)
      this.deps.store.write.insertDelivery(
        {
          destinationId: d.id,
          columnId: alert.columnId,
          alertIds: [alert.id],
          test: false,
          summary: alert.summary,
          state: quiet ? 'suppressed' : 'pending',
          nextAt: quiet ? null : this.firstAttemptAt(d, alert.columnId, now),
          error: quiet ? `quiet hours (${d.quietHours.from}–${d.quietHours.to})` : null,
        },
        now,
      )
      queued ||= !quiet
    }
    if (queued) this.tick()
  }

  /** Sends a sample alert now (no quiet hours, no digest) and says what the receiver answered. */
  async test(id: string): Promise<TestResult> {
    const d = this.destinations.find((x) => x.id === id)
    if (!d) throw notFound(`destination ${id}`)
    const now = this.deps.now()
    const sample: Alert = {
      id: 0,
      columnId: 'test',
      columnTitle: 'Test column',
      kind: 'spike',
      bucket: now - (now % STATS_BUCKET_MS),
      firedAt: now,
      count: 42,
      baseline: 6,
      observed: 42,
      summary: 'A test alert from Earshot: 42 mentions in 30 s against a usual 6.',
      mentionId: null,
      read: false,
    }
    const row = this.deps.store.write.insertDelivery(
      {
        destinationId: d.id,
        columnId: null,
        alertIds: [],
        test: true,
        summary: sample.summary,
        state: 'pending',
        nextAt: null,
        error: null,
      },
      now,
    )
    const outcome = await this.send(d, [{ alert: sample, mentions: [] }], row, true)
    this.finish(d, [row], outcome)
    return {
      ok: outcome.ok,
      status: outcome.status,
      message: outcome.ok ? `Sent${outcome.status ? ` (${outcome.status})` : ''}.` : (outcome.error ?? 'failed'),
    }
  }

  /** Sends what is due; each destination one delivery at a time. */
  tick(): void {
    if (this.deps.sender && !this.deps.sender().held) return
    const now = this.deps.now()
    for (const row of this.deps.store.read.dueDeliveries(now, DUE_PER_TICK)) {
      if (this.busy.has(row.destinationId)) continue
      const d = this.destinations.find((x) => x.id === row.destinationId)
      if (!d) continue
      this.busy.add(d.id)
      const job = this.deliver(d, row).finally(() => {
        this.busy.delete(d.id)
        this.running.delete(job)
        // A queue behind it goes on at once rather than at the next tick.
        if (!this.closed) this.tick()
      })
      this.running.add(job)
    }
  }

  private async deliver(d: Destination, row: StoredDelivery): Promise<void> {
    // An email digest takes everything the destination has waiting for the column into one mail.
    const digest = d.kind === 'email' && d.config.digestMinutes > 0 && row.columnId !== null
    const rows = digest && row.state === 'pending' ? this.deps.store.read.waitingDeliveries(d.id, row.columnId!) : [row]
    const batch = rows.some((r) => r.id === row.id) ? rows : [row, ...rows]
    const windowKey = digest ? windowOf(d.id, row.columnId!) : null
    if (windowKey) this.mailing.set(windowKey, this.deps.now())
    let outcome: Outcome
    try {
      const messages = this.messages(batch.flatMap((r) => r.alertIds))
      outcome =
        messages.length === 0
          ? {
              ok: false,
              status: null,
              error: 'the alert is no longer in the archive',
              retryable: false,
              retryAfterMs: null,
            }
          : await this.send(d, messages, row, false)
    } catch (err) {
      outcome = { ok: false, status: null, error: String(err), retryable: true, retryAfterMs: null }
    }
    this.finish(d, batch, outcome)
    if (windowKey) this.mailing.delete(windowKey)
  }

  private async send(d: Destination, messages: AlertMessage[], row: StoredDelivery, test: boolean): Promise<Outcome> {
    const missing = this.missingSecret(d)
    if (missing)
      return {
        ok: false,
        status: null,
        error: `${DESTINATION_SECRET_LABELS[missing]} is not set`,
        retryable: false,
        retryAfterMs: null,
      }
    const now = this.deps.now()
    if (d.kind === 'webhook') {
      const body = webhookBody(messages[0]!, String(row.id), test, now)
      const timestamp = Math.floor(now / 1000)
      return postJson(d.config.url, body, {
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signature(this.secret(d, 'signingSecret')!, timestamp, body),
        [DELIVERY_HEADER]: String(row.id),
      })
    }
    if (d.kind === 'slack') return postJson(this.secret(d, 'webhookUrl')!, slackBody(messages[0]!, test), {})
    return sendMail(d.config, this.secret(d, 'password'), mailContent(messages, test), this.deps.mailTls)
  }

  private finish(d: Destination, rows: readonly StoredDelivery[], outcome: Outcome): void {
    const now = this.deps.now()
    const attempts = Math.max(...rows.map((r) => r.attempts)) + 1
    const error = outcome.error === null ? null : this.deps.secrets.redact(outcome.error)
    const test = rows.every((r) => r.test)
    const retry = !outcome.ok && outcome.retryable && !test && attempts < MAX_ATTEMPTS
    const wait = Math.min(MAX_RETRY_AFTER_MS, outcome.retryAfterMs ?? backoffMs(attempts))
    try {
      this.deps.store.write.updateDeliveries(
        rows.map((r) => r.id),
        {
          state: outcome.ok ? 'sent' : retry ? 'retrying' : 'failed',
          attempts,
          status: outcome.status,
          error: retry ? `${error} (attempt ${attempts} of ${MAX_ATTEMPTS})` : error,
          nextAt: retry ? now + wait : null,
        },
        now,
      )
    } catch (err) {
      console.error(`earshot: could not record a delivery to ${d.name}: ${String(err)}`)
    }
    this.changed()
  }

  /** The alerts with the mentions each message shows. */
  private messages(alertIds: readonly number[]): AlertMessage[] {
    return this.deps.store.read.getAlerts(alertIds).map((alert) => {
      if (alert.kind === 'vip') {
        const m = alert.mentionId === null ? undefined : this.deps.store.read.getMention(alert.mentionId)
        return { alert, mentions: m ? [m] : [] }
      }
      const mentions = this.deps.store.read.topMentions(
        alert.columnId,
        alert.bucket,
        alert.bucket + STATS_BUCKET_MS,
        alert.kind === 'negative' ? 'negative' : 'followers',
        TOP_MENTIONS,
      )
      return { alert, mentions }
    })
  }

  /** Now, or for an email digest when the column's window since its last mail is over. */
  private firstAttemptAt(d: Destination, columnId: string, now: number): number {
    if (d.kind !== 'email' || d.config.digestMinutes === 0) return now
    // The window runs from the last mail of this column: one being sent now, or the last one sent.
    const last = this.mailing.get(windowOf(d.id, columnId)) ?? this.deps.store.read.lastSentFor(d.id, columnId)
    return last === null ? now : Math.max(now, last + d.config.digestMinutes * 60_000)
  }

  /** The first secret the destination needs and lacks (an email server without a login needs no password). */
  private missingSecret(d: Destination): string | undefined {
    if (d.kind === 'email' && d.config.username === '') return undefined
    return DESTINATION_SECRETS[d.kind].find((name) => !this.secret(d, name))
  }

  private secret(d: Destination, name: string): string | undefined {
    return this.deps.secrets.getScoped(scopeOf(d.id), name, `${ALERT_SECTION}${d.name}`)
  }

  private entry(d: Destination): DestinationEntry {
    return {
      destination: d,
      secrets: DESTINATION_SECRETS[d.kind].map((name) =>
        this.deps.secrets.scopedState(scopeOf(d.id), name, `${ALERT_SECTION}${d.name}`),
      ),
      status: this.status(d),
    }
  }

  private status(d: Destination): DestinationStatus {
    const h = this.deps.store.read.destinationHistory(d.id)
    const state = !d.enabled
      ? 'off'
      : this.missingSecret(d)
        ? 'incomplete'
        : h.lastState === null
          ? 'idle'
          : h.lastState === 'sent'
            ? 'ok'
            : 'failing'
    return {
      state,
      lastSentAt: h.lastSentAt,
      lastFailedAt: h.lastFailedAt,
      lastError: h.lastError,
      pending: h.pending,
    }
  }

  private reload(): void {
    this.destinations = this.deps.store.read.listDestinations()
    this.changed()
  }

  /** Announces the destinations' new state, at most every 250 ms (a busy queue changes it many times a second). */
  private changed(): void {
    if (this.announce) return
    this.announce = setTimeout(() => {
      this.announce = undefined
      this.deps.hub.emit('destinations.changed', this.list())
    }, ANNOUNCE_MS)
    this.announce.unref?.()
  }
}
