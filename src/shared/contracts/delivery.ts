// Alert delivery: destinations outside the console that alerts are sent to —
// signed webhooks, Slack incoming webhooks, email over SMTP — with the alert
// kinds and columns each receives, quiet hours, a test send, and the delivery
// log. Secrets (a webhook's signing secret, a Slack webhook URL, an SMTP
// password) are write-only: the console only ever learns whether one is set.
import { z } from 'zod'
import { ColumnIdSchema } from '../domain'
import { AlertKindSchema } from './alerts'
import { command } from './command'
import { SecretStateSchema, SecretStoreInfoSchema } from './sources'

export const DESTINATION_KINDS = ['webhook', 'slack', 'email'] as const
export const DestinationKindSchema = z.enum(DESTINATION_KINDS)
export type DestinationKind = z.infer<typeof DestinationKindSchema>

/** The write-only secrets of each kind of destination. */
export const DESTINATION_SECRETS = {
  webhook: ['signingSecret'],
  slack: ['webhookUrl'],
  email: ['password'],
} as const satisfies Record<DestinationKind, readonly string[]>

export const DESTINATION_SECRET_LABELS: Record<string, string> = {
  signingSecret: 'Signing secret',
  webhookUrl: 'Slack webhook URL',
  password: 'SMTP password',
}

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24-hour)')

/** Local time of the machine running Earshot's core; `from` later than `to` spans midnight. */
export const QuietHoursSchema = z
  .object({ enabled: z.boolean(), from: Clock, to: Clock })
  .strict()
  .refine((q) => !q.enabled || q.from !== q.to, { message: 'quiet hours need a start and an end that differ' })
export type QuietHours = z.infer<typeof QuietHoursSchema>

/** An http(s) address; anything else (file:, javascript:, a bare host) is refused at the field. */
export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2_000)
  .refine((v) => {
    try {
      const u = new URL(v)
      return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== ''
    } catch {
      return false
    }
  }, 'an http:// or https:// address')

const Email = z.string().trim().email('an email address').max(320)

export const WebhookConfigSchema = z.object({ url: HttpUrlSchema }).strict()
/** A Slack incoming webhook's address is itself a credential: it is the `webhookUrl` secret. */
export const SlackConfigSchema = z.object({}).strict()
export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const
export const DIGEST_MINUTES = { min: 0, max: 1_440, default: 0 } as const
export const EmailConfigSchema = z
  .object({
    host: z.string().trim().min(1, 'the SMTP server').max(255),
    port: z.number().int().min(1).max(65_535),
    /** tls: TLS from the first byte (port 465); starttls: upgrade required (587); none: plain (a local relay). */
    security: z.enum(SMTP_SECURITY),
    username: z.string().trim().max(320),
    from: Email,
    to: z.array(Email).min(1, 'at least one recipient').max(20),
    /** At most one mail per this many minutes per column (0: one mail per alert). */
    digestMinutes: z.number().int().min(DIGEST_MINUTES.min).max(DIGEST_MINUTES.max),
  })
  .strict()
export type EmailConfig = z.infer<typeof EmailConfigSchema>

/** What a destination receives: these alert kinds, from all columns or the ones listed. */
export const RoutesSchema = z
  .object({
    kinds: z.array(AlertKindSchema).min(1, 'pick at least one kind of alert'),
    columns: z.union([z.literal('all'), z.array(ColumnIdSchema).min(1, 'pick at least one column')]),
  })
  .strict()
export type Routes = z.infer<typeof RoutesSchema>

const Base = {
  name: z.string().trim().min(1, 'a name').max(80),
  enabled: z.boolean(),
  quietHours: QuietHoursSchema,
  routes: RoutesSchema,
}

export const DestinationSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), ...Base, config: WebhookConfigSchema }).strict(),
  z.object({ kind: z.literal('slack'), ...Base, config: SlackConfigSchema }).strict(),
  z.object({ kind: z.literal('email'), ...Base, config: EmailConfigSchema }).strict(),
])
export type DestinationSpec = z.infer<typeof DestinationSpecSchema>

export const DestinationSchema = z.intersection(z.object({ id: z.string() }), DestinationSpecSchema)
export type Destination = z.infer<typeof DestinationSchema>

export const DESTINATION_STATES = ['ok', 'failing', 'idle', 'incomplete', 'off'] as const
export const DestinationStatusSchema = z.object({
  /** ok: the last delivery went through; failing: the last one failed; idle: nothing sent yet; incomplete: a secret is missing; off: disabled. */
  state: z.enum(DESTINATION_STATES),
  lastSentAt: z.number().int().nullable(),
  lastFailedAt: z.number().int().nullable(),
  /** Why the last delivery failed (never containing a secret). */
  lastError: z.string().nullable(),
  /** Deliveries waiting (a retry, an email digest window). */
  pending: z.number().int().nonnegative(),
})
export type DestinationStatus = z.infer<typeof DestinationStatusSchema>

export const DestinationEntrySchema = z.object({
  destination: DestinationSchema,
  secrets: z.array(SecretStateSchema),
  status: DestinationStatusSchema,
})
export type DestinationEntry = z.infer<typeof DestinationEntrySchema>

export const DestinationListSchema = z.object({
  destinations: z.array(DestinationEntrySchema),
  secretStore: SecretStoreInfoSchema,
})
export type DestinationList = z.infer<typeof DestinationListSchema>

export const DELIVERY_STATES = ['pending', 'retrying', 'sent', 'failed', 'suppressed'] as const
export const DeliveryStateSchema = z.enum(DELIVERY_STATES)
export type DeliveryState = z.infer<typeof DeliveryStateSchema>

export const DeliverySchema = z.object({
  id: z.number().int(),
  destinationId: z.string(),
  destinationName: z.string(),
  /** The alerts it carries (an email digest carries several; a test send none). */
  alertIds: z.array(z.number().int()),
  test: z.boolean(),
  summary: z.string(),
  state: DeliveryStateSchema,
  attempts: z.number().int().nonnegative(),
  /** The receiver's HTTP status (webhook, Slack) or SMTP reply code, when there was one. */
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** When a retry or a digest is due. */
  nextAt: z.number().int().nullable(),
})
export type Delivery = z.infer<typeof DeliverySchema>

export const TestResultSchema = z.object({
  ok: z.boolean(),
  status: z.number().int().nullable(),
  message: z.string(),
})
export type TestResult = z.infer<typeof TestResultSchema>

const SecretsPatch = z.record(z.string().min(1).max(40), z.string().max(8_192).nullable()).optional()
const DestinationRef = z.object({ id: z.string().min(1).max(64) }).strict()

export const deliveryCommands = {
  'destinations.list': command(z.object({}).strict(), DestinationListSchema),
  /** Creates a destination (no id) or replaces one's settings; secrets: a value sets, null forgets, absent keeps. */
  'destinations.save': command(
    z.object({ id: z.string().min(1).max(64).optional(), spec: DestinationSpecSchema, secrets: SecretsPatch }).strict(),
    DestinationEntrySchema,
  ),
  'destinations.remove': command(DestinationRef, z.object({ removed: z.boolean() })),
  /** Sends a sample alert now, outside quiet hours and digests; answers once the receiver answered. */
  'destinations.test': command(DestinationRef, TestResultSchema),
  /** The delivery log, newest first. */
  'deliveries.list': command(
    z
      .object({
        destinationId: z.string().min(1).max(64).optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.array(DeliverySchema),
  ),
} as const

export const deliveryEvents = {
  /** A destination was added, changed or removed, or its delivery status moved. */
  'destinations.changed': DestinationListSchema,
} as const
