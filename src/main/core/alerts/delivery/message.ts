// What an alert says outside the console: the webhook's JSON body (its shape
// is documented in the README and versioned), a Slack message (text with the
// column, the figures and the top mentions as links), and an email (subject,
// plain text and HTML; a digest lists several alerts of one column).
import { alertTitle, type Alert } from '../../../../shared/contracts/alerts'
import type { Mention } from '../../../../shared/domain'

export interface AlertMessage {
  alert: Alert
  /** The mentions to show with it (most followed, or most negative for a surge; the VIP mention itself). */
  mentions: Mention[]
}

export const WEBHOOK_VERSION = 1

const iso = (ms: number) => new Date(ms).toISOString()
/** A post's link only when it is http(s): an imported file could carry anything. */
const safeUrl = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null)

function mentionJson(m: Mention) {
  return {
    id: m.id,
    source: m.source,
    url: safeUrl(m.url),
    createdAt: iso(m.createdAt),
    author: { handle: m.author.handle, name: m.author.name, followers: m.author.followers },
    text: m.text,
    lang: m.lang,
    sentiment: { score: m.sentiment, label: m.sentimentLabel },
  }
}

/** The webhook request's body: one alert per request. */
export function webhookBody(message: AlertMessage, delivery: string, test: boolean, sentAt: number): string {
  const a = message.alert
  return JSON.stringify({
    type: 'earshot.alert',
    version: WEBHOOK_VERSION,
    delivery,
    test,
    sentAt: iso(sentAt),
    alert: {
      id: a.id,
      kind: a.kind,
      title: alertTitle(a),
      summary: a.summary,
      column: { id: a.columnId, title: a.columnTitle },
      bucketStart: iso(a.bucket),
      firedAt: iso(a.firedAt),
      count: a.count,
      baseline: a.baseline,
      observed: a.observed,
    },
    mentions: message.mentions.map(mentionJson),
  })
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
/** Slack's mrkdwn: &, < and > are escaped, so a post cannot inject a link or a mention. */
const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function slackMention(m: Mention): string {
  const who = `@${slackEscape(m.author.handle)} (${m.author.followers.toLocaleString('en-US')} followers)`
  const text = slackEscape(clip(m.text.replace(/\s+/g, ' '), 280))
  const url = safeUrl(m.url)
  const link = url ? ` <${url.replace(/[<>|]/g, '')}|open>` : ''
  return `• *${who}*: ${text}${link}`
}

/** A Slack incoming-webhook payload: `text` for notifications, blocks for the message itself. */
export function slackBody(message: AlertMessage, test: boolean): string {
  const a = message.alert
  const title = `${test ? '[Test] ' : ''}${alertTitle(a)}`
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: slackEscape(a.summary) } },
  ]
  if (message.mentions.length > 0)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: message.mentions.map(slackMention).join('\n') } })
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Earshot · column ${slackEscape(a.columnTitle)} · ${iso(a.firedAt)}` }],
  })
  return JSON.stringify({ text: `${title}: ${a.summary}`, blocks })
}

const html = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export interface MailContent {
  subject: string
  text: string
  html: string
}

/** One mail for one alert, or a digest of several alerts of one column. */
export function mailContent(messages: readonly AlertMessage[], test: boolean): MailContent {
  const first = messages[0]!.alert
  const prefix = test ? '[Earshot test] ' : '[Earshot] '
  const subject =
    messages.length === 1
      ? `${prefix}${alertTitle(first)}`
      : `${prefix}${messages.length} alerts in ${first.columnTitle}`
  const textParts: string[] = []
  const htmlParts: string[] = []
  for (const { alert, mentions } of messages) {
    textParts.push(`${alertTitle(alert)} (${iso(alert.firedAt)})\n${alert.summary}`)
    htmlParts.push(`<h2 style="font-size:16px">${html(alertTitle(alert))}</h2><p>${html(alert.summary)}</p>`)
    for (const m of mentions) {
      const url = safeUrl(m.url)
      textParts.push(`  @${m.author.handle}: ${clip(m.text.replace(/\s+/g, ' '), 280)}${url ? `\n  ${url}` : ''}`)
    }
    if (mentions.length > 0)
      htmlParts.push(
        `<ul>${mentions
          .map(
            (m) =>
              `<li><b>@${html(m.author.handle)}</b> (${m.author.followers.toLocaleString('en-US')} followers): ${html(clip(m.text, 280))}${
                safeUrl(m.url) ? ` <a href="${html(safeUrl(m.url)!)}">open</a>` : ''
              }</li>`,
          )
          .join('')}</ul>`,
      )
    textParts.push('')
  }
  return {
    subject,
    text: textParts.join('\n'),
    html: `<div style="font-family:sans-serif">${htmlParts.join('')}</div>`,
  }
}
