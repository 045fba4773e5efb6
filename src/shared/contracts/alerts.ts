// Alert commands and events: per-column spike detection settings, how the
// console notifies (desktop notification, sound) and the alert list. Where
// alerts go beyond the console (webhooks, Slack, email): contracts/delivery.ts.
import { z } from 'zod'
import { ColumnIdSchema } from '../domain'
import { command } from './command'

/** spike: volume jumps; negative: the negative share jumps; vip: a new mention matching the column's VIP query. */
export const ALERT_KINDS = ['spike', 'negative', 'vip'] as const
export const AlertKindSchema = z.enum(ALERT_KINDS)
export type AlertKind = z.infer<typeof AlertKindSchema>
export const ALERT_KIND_NAMES: Record<AlertKind, string> = {
  spike: 'Spike',
  negative: 'Negative surge',
  vip: 'VIP mention',
}

/** "Spike in Comcast / Xfinity": an alert's title in the list, a notification, a message or a mail subject. */
export function alertTitle(alert: { kind: AlertKind; columnTitle: string }): string {
  return `${ALERT_KIND_NAMES[alert.kind]} in ${alert.columnTitle}`
}

export const SENSITIVITIES = ['low', 'medium', 'high'] as const
export const SensitivitySchema = z.enum(SENSITIVITIES)
export type Sensitivity = z.infer<typeof SensitivitySchema>

export const ALERT_COOLDOWN_MINUTES = { min: 1, max: 240, default: 10 } as const
export const ALERT_MIN_VOLUME = { min: 1, max: 100_000, default: 10 } as const
export const VIP_QUERY_MAX = 1_000

export const ColumnAlertSettingsSchema = z.object({
  columnId: ColumnIdSchema,
  enabled: z.boolean(),
  sensitivity: SensitivitySchema,
  /** No alert for a 30-second bucket with fewer mentions than this (negatives, for a negative surge). */
  minVolume: z.number().int().min(ALERT_MIN_VOLUME.min).max(ALERT_MIN_VOLUME.max),
  /** Also alert when the share of negative mentions jumps. */
  negativeSurge: z.boolean(),
  /** After an alert, the same column stays quiet about the same kind for this long. */
  cooldownMinutes: z.number().int().min(ALERT_COOLDOWN_MINUTES.min).max(ALERT_COOLDOWN_MINUTES.max),
  /** A query in the column language: each new mention of the column that matches it is a VIP alert ('' for none). */
  vipQuery: z.string().max(VIP_QUERY_MAX),
})
export type ColumnAlertSettings = z.infer<typeof ColumnAlertSettingsSchema>

export const NotifyPrefsSchema = z.object({
  /** A desktop notification per alert (the browser asks for permission once). */
  desktop: z.boolean(),
  /** A short tone with each notification. */
  sound: z.boolean(),
})
export type NotifyPrefs = z.infer<typeof NotifyPrefsSchema>

export const AlertSchema = z.object({
  id: z.number().int().positive(),
  columnId: ColumnIdSchema,
  /** The column's title when the alert fired (the column may be gone since). */
  columnTitle: z.string(),
  kind: AlertKindSchema,
  /** Start of the 30-second stats bucket that spiked, epoch ms. */
  bucket: z.number().int(),
  firedAt: z.number().int(),
  /** Mentions in the bucket (negative ones for a negative surge) when it fired. */
  count: z.number().int().nonnegative(),
  /** What the baseline expected: median mentions per bucket, or the negative share (0..1). */
  baseline: z.number(),
  /** The bucket's value: mentions, or its negative share (0..1). */
  observed: z.number(),
  /** One line for the list and the notification. */
  summary: z.string(),
  /** The mention a VIP alert is about (null for spikes and surges). */
  mentionId: z.number().int().nullable(),
  read: z.boolean(),
})
export type Alert = z.infer<typeof AlertSchema>

export const AlertSettingsSchema = z.object({
  notify: NotifyPrefsSchema,
  /** One entry per column, in deck order (defaults where nothing was set). */
  columns: z.array(ColumnAlertSettingsSchema),
})
export type AlertSettings = z.infer<typeof AlertSettingsSchema>

export const AlertListSchema = z.object({
  items: z.array(AlertSchema),
  unread: z.number().int().nonnegative(),
})

export const alertsCommands = {
  'alerts.list': command(
    z
      .object({
        /** Only alerts older than this id (paging newest-first). */
        before: z.number().int().positive().nullable().optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    AlertListSchema,
  ),
  'alerts.markRead': command(
    z
      .object({ ids: z.array(z.number().int().positive()).max(1_000).optional(), all: z.boolean().optional() })
      .strict()
      .refine((v) => v.all === true || (v.ids !== undefined && v.ids.length > 0), 'pass ids or all: true'),
    z.object({ unread: z.number().int().nonnegative() }),
  ),
  'alerts.settings': command(z.object({}).strict(), AlertSettingsSchema),
  'alerts.configure': command(
    ColumnAlertSettingsSchema.partial().required({ columnId: true }).strict(),
    ColumnAlertSettingsSchema,
  ),
  'alerts.notify': command(NotifyPrefsSchema.partial().strict(), NotifyPrefsSchema),
} as const

export const alertsEvents = {
  /** A column spiked: the new alert, unread. */
  'alert.fired': AlertSchema,
  /** Alerts were marked read (in any window): the new unread count. */
  'alerts.read': z.object({ unread: z.number().int().nonnegative() }),
  /** Alert settings or notification preferences changed. */
  'alerts.settings.changed': AlertSettingsSchema,
} as const
