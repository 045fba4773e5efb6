// Splits a mention's text into display parts: links (http/https only, shown
// shortened), #hashtags, @mentions and plain text, with the column's keyword
// hits marked so an operator sees at a glance why a mention matched. Word
// matching folds case and diacritics through the same tokenizer the archive
// uses. Pure; the card renders the parts.
import { foldText } from '../../../shared/query/tokenize'
import { trimUrl } from '../../../shared/query/match-input'

export type TextPart =
  | { kind: 'text'; text: string; hit: boolean }
  | { kind: 'link'; text: string; href: string; display: string }
  | { kind: 'hashtag'; text: string; hit: boolean }
  | { kind: 'mention'; text: string; hit: boolean }

const PATTERN =
  /(?<link>https?:\/\/[^\s<>"'`]+)|(?<![\p{L}\p{N}\p{M}_&])(?<tag>#(?=[\p{N}_]*\p{L})[\p{L}\p{M}\p{N}_]+)|(?<![\p{L}\p{N}_@./])(?<mention>@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)?)/gu

// URLs end where the matcher's links end, so highlighting and url: agree.
export { trimUrl }

/** "https://www.example.com/a/very/long/path?x=1" -> "example.com/a/very/long/pa…". */
export function shortenUrl(url: string, max = 30): string {
  let text = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '')
  if (/^[^/]+\/$/.test(text)) text = text.slice(0, -1)
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

interface Word {
  folded: string
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu

function words(text: string): Word[] {
  const out: Word[] = []
  for (const m of text.matchAll(WORD)) {
    const folded = foldText(m[0]).replace(/[^\p{L}\p{N}]+/gu, '')
    if (folded !== '') out.push({ folded, start: m.index, end: m.index + m[0].length })
  }
  return out
}

/** Character ranges [start, end) in `text` where one of the phrases occurs as consecutive words. */
export function keywordRanges(text: string, phrases: readonly (readonly string[])[]): [number, number][] {
  if (phrases.length === 0 || text === '') return []
  const ws = words(text)
  const ranges: [number, number][] = []
  for (let i = 0; i < ws.length; i++) {
    let best = 0
    for (const p of phrases) {
      if (p.length === 0 || p.length <= best || i + p.length > ws.length) continue
      let j = 0
      while (j < p.length && ws[i + j]!.folded === p[j]) j++
      if (j === p.length) best = p.length
    }
    if (best === 0) continue
    const start = ws[i]!.start
    const end = ws[i + best - 1]!.end
    const prev = ranges[ranges.length - 1]
    if (prev && start <= prev[1]) prev[1] = Math.max(prev[1], end)
    else ranges.push([start, end])
  }
  return ranges
}

function pushText(parts: TextPart[], text: string, phrases: readonly (readonly string[])[]): void {
  if (text === '') return
  let at = 0
  for (const [start, end] of keywordRanges(text, phrases)) {
    if (start > at) parts.push({ kind: 'text', text: text.slice(at, start), hit: false })
    parts.push({ kind: 'text', text: text.slice(start, end), hit: true })
    at = end
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at), hit: false })
}

/** The display parts of `text`, in order; concatenating their source text gives `text` back. */
export function splitText(text: string, phrases: readonly (readonly string[])[] = []): TextPart[] {
  const parts: TextPart[] = []
  const re = new RegExp(PATTERN.source, PATTERN.flags)
  let at = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    const groups = m.groups ?? {}
    const start = m.index
    let token = m[0]
    if (groups.link !== undefined) {
      token = trimUrl(token)
      re.lastIndex = start + token.length
      if (!/^https?:\/\/[^/?#]/i.test(token)) continue
    }
    pushText(parts, text.slice(at, start), phrases)
    if (groups.link !== undefined)
      parts.push({
        kind: 'link',
        text: token,
        href: token,
        display: shortenUrl(token),
      })
    else {
      const hit = keywordRanges(token, phrases).length > 0
      parts.push({
        kind: groups.tag !== undefined ? 'hashtag' : 'mention',
        text: token,
        hit,
      })
    }
    at = start + token.length
  }
  pushText(parts, text.slice(at), phrases)
  return parts
}
