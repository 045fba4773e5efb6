// Mastodon's Status entity (snake_case, as the REST API and the streaming
// payloads have it), validated with zod, and its mapping to MentionInput.
// Ids are the instance's own (what `in_reply_to_id` and replies use), so the
// archive keys Mastodon posts by the listening instance's ids.
import { z } from 'zod'
import type { MentionInput, MentionKind } from '../../../../shared/domain'
import { htmlToText } from '../html-text'

const AccountSchema = z.looseObject({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().default(''),
  followers_count: z.number().int().nonnegative().default(0),
  avatar: z.string().nullish(),
})

const BaseStatusSchema = z.looseObject({
  id: z.string(),
  created_at: z.string(),
  in_reply_to_id: z.string().nullish(),
  in_reply_to_account_id: z.string().nullish(),
  spoiler_text: z.string().default(''),
  language: z.string().nullish(),
  uri: z.string(),
  url: z.string().nullish(),
  content: z.string(),
  /** Set on an edited status (`status.update`). */
  edited_at: z.string().nullish(),
  account: AccountSchema,
  media_attachments: z.array(z.unknown()).default([]),
  mentions: z.array(z.looseObject({ id: z.string(), acct: z.string() })).default([]),
})

export const StatusSchema = BaseStatusSchema.extend({
  reblog: BaseStatusSchema.nullish(),
  /** Mastodon 4.4+ quote posts. */
  quote: z.looseObject({ quoted_status: BaseStatusSchema.nullish() }).nullish(),
})
export type Status = z.infer<typeof StatusSchema>
type Account = z.infer<typeof AccountSchema>

/** `user` on its home instance is `user@host` everywhere else: the archive keeps the full form. */
export function fullAcct(account: Pick<Account, 'acct'>, instanceHost: string): string {
  return account.acct.includes('@') ? account.acct : `${account.acct}@${instanceHost}`
}

/** When a status was last edited (an edit cannot come from the future); `now` when it does not say. */
export function editedAt(status: Status, now: number): number {
  const at = Date.parse(status.edited_at ?? '')
  return Number.isFinite(at) ? Math.min(at, now) : now
}

export function toMention(status: Status, instanceHost: string, now: number): MentionInput {
  const shown = status.reblog ?? status
  const quoted = status.quote?.quoted_status
  const kind: MentionKind = status.reblog ? 'repost' : quoted ? 'quote' : status.in_reply_to_id ? 'reply' : 'post'
  const refId = status.reblog?.id ?? quoted?.id ?? status.in_reply_to_id ?? null
  const replied =
    status.in_reply_to_account_id === status.account.id
      ? status.account
      : status.mentions.find((m) => m.id === status.in_reply_to_account_id)
  const refAuthor = status.reblog?.account ?? quoted?.account ?? replied
  const created = Date.parse(status.created_at)
  const warning = shown.spoiler_text.trim()
  return {
    source: 'mastodon',
    externalId: status.id,
    url: status.url ?? shown.url ?? status.uri,
    createdAt: Number.isFinite(created) ? Math.min(created, now) : now,
    author: {
      handle: fullAcct(status.account, instanceHost).slice(0, 100),
      name: (status.account.display_name || status.account.username).slice(0, 200),
      followers: status.account.followers_count,
      avatarUrl: status.account.avatar ?? null,
      verified: false,
    },
    text: htmlToText(shown.content).slice(0, 20_000),
    lang: shown.language?.slice(0, 16) ?? null,
    kind,
    refId,
    replyTo: kind === 'reply' && replied ? fullAcct(replied, instanceHost) : null,
    refAuthor: refAuthor ? fullAcct(refAuthor, instanceHost) : null,
    warning: warning === '' ? null : warning.slice(0, 1_000),
    hasMedia: shown.media_attachments.length > 0,
  }
}
