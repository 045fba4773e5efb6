// Rows of a table (our own CSV or JSONL export, or any CSV with a mapping of
// its headers onto our fields) made into mentions. A row needs its text and
// a time; everything else has a default. A row without a post id gets one
// derived from its content, so importing the same file twice stores it once.
import { createHash } from 'node:crypto'
import type { ImportField, ImportMapping } from '../../../../shared/contracts/archive'
import { EXPORT_FIELDS, IMPORT_FIELDS } from '../../../../shared/contracts/archive'
import {
  MENTION_KINDS,
  SENTIMENT_LABELS,
  SOURCE_IDS,
  type MentionInput,
  type MentionKind,
  type SentimentLabel,
  type SourceId,
} from '../../../../shared/domain'
import type { ScoredInput } from '../../pipeline/ingest'
import { IMPORTED_SCORER, LEGACY_SCORER } from '../../sentiment/scorer'
import { sentimentLabel } from '../../sentiment/vader'

export type RowValue = string | number | boolean | null | undefined | readonly unknown[] | object

/** Parses a time: ISO-8601 (UTC when it has no zone; or anything Date.parse reads), epoch seconds or milliseconds. */
export function parseTime(value: RowValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.round(value < 1e11 ? value * 1000 : value) : null
  if (typeof value !== 'string' || value.trim() === '') return null
  const s = value.trim()
  if (/^\d+(\.\d+)?$/.test(s)) return parseTime(Number(s))
  // A date and time with no zone is read as UTC (as exports write it), not as this machine's local time.
  const local = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d(:\d\d(\.\d+)?)?)$/.exec(s)
  const ms = Date.parse(local ? `${local[1]}T${local[2]}Z` : s)
  return Number.isNaN(ms) ? null : ms
}

function str(value: RowValue): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value === '' ? null : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

function int(value: RowValue): number | null {
  const n = typeof value === 'number' ? value : Number(str(value)?.replace(/[,_\s]/g, '') ?? NaN)
  return Number.isFinite(n) ? Math.max(0, Math.round(n)) : null
}

/** The identity mapping: our own exports name their columns after our fields. */
export const OWN_MAPPING: ImportMapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, f]))

const EXPORT_HEADERS: ReadonlySet<string> = new Set(EXPORT_FIELDS)

/**
 * Whether a CSV header line is an Earshot export's: each column once, each named after an export
 * field, the text among them. Such a file's cells were neutralised (csv/neutralize.ts), so the
 * import undoes that even when the user maps the columns by hand.
 */
export function isEarshotHeader(headers: readonly string[]): boolean {
  return (
    headers.includes('text') && new Set(headers).size === headers.length && headers.every((h) => EXPORT_HEADERS.has(h))
  )
}

/** Guesses a mapping from a CSV's headers (case and punctuation ignored, a few common synonyms). */
export function guessMapping(headers: readonly string[]): ImportMapping {
  const synonyms: Record<ImportField, string[]> = {
    id: ['id', 'postid', 'tweetid', 'statusid', 'externalid'],
    url: ['url', 'link', 'permalink', 'posturl', 'tweeturl'],
    source: ['source', 'network', 'platform'],
    created_at: ['createdat', 'date', 'time', 'timestamp', 'postedat', 'datetime', 'created', 'when'],
    author_handle: ['authorhandle', 'handle', 'username', 'screenname', 'user', 'author', 'who'],
    author_name: ['authorname', 'name', 'displayname', 'fullname'],
    author_followers: ['authorfollowers', 'followers', 'followerscount'],
    text: ['text', 'body', 'content', 'message', 'tweet', 'post', 'fulltext'],
    lang: ['lang', 'language'],
    kind: ['kind', 'type'],
    rating: ['rating', 'stars', 'starrating'],
    sentiment: ['sentiment', 'sentimentscore', 'score'],
    sentiment_label: ['sentimentlabel', 'label'],
    sentiment_scorer: ['sentimentscorer', 'scoredby', 'scorer'],
  }
  const key = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '')
  const mapping: ImportMapping = {}
  const taken = new Set<string>()
  for (const field of IMPORT_FIELDS) {
    const header = headers.find((h) => !taken.has(h) && synonyms[field].includes(key(h)))
    if (header !== undefined) {
      mapping[field] = header
      taken.add(header)
    }
  }
  return mapping
}

/** Checks that a mapping names the fields a row needs and headers the file has. */
export function mappingProblem(mapping: ImportMapping, headers: readonly string[]): string | null {
  const missing = (['text', 'created_at'] as const).filter((f) => !mapping[f])
  if (missing.length > 0) return `the mapping needs ${missing.join(' and ')} (e.g. --map text=body,created_at=date)`
  const unknown = Object.values(mapping).filter((h) => !headers.includes(h))
  if (unknown.length > 0) return `no column named ${unknown.map((h) => `"${h}"`).join(', ')} in the file's header`
  return null
}

const SOURCES: ReadonlySet<string> = new Set(SOURCE_IDS)
const KINDS: ReadonlySet<string> = new Set(MENTION_KINDS)
const LABELS: ReadonlySet<string> = new Set(SENTIMENT_LABELS)

/** One row (already un-neutralised when it is our own CSV) as a mention, or why it cannot be one. */
export function rowToMention(get: (field: ImportField) => RowValue): ScoredInput | string {
  const text = get('text')
  if (typeof text !== 'string' || text.trim() === '') return 'no text'
  const rawTime = get('created_at')
  const createdAt = parseTime(rawTime)
  if (createdAt === null) return `created_at "${String(rawTime ?? '')}" is not a date`
  const source = str(get('source'))
  const handle = str(get('author_handle'))?.replace(/^@/, '') ?? 'unknown'
  const kind = str(get('kind'))
  const rawSentiment = get('sentiment')
  const sentiment =
    rawSentiment === null || rawSentiment === undefined || rawSentiment === '' ? NaN : Number(rawSentiment)
  const mention: MentionInput = {
    source: source !== null && SOURCES.has(source) ? (source as SourceId) : 'import',
    externalId: str(get('id')) ?? contentId(createdAt, handle, text),
    url: str(get('url')),
    createdAt,
    author: {
      handle,
      name: str(get('author_name')) ?? handle,
      followers: int(get('author_followers')) ?? 0,
      avatarUrl: null,
      verified: false,
    },
    text,
    lang: str(get('lang')),
    kind: kind !== null && KINDS.has(kind) ? (kind as MentionKind) : 'post',
    rating: rating(get('rating')),
    refId: null,
    hasMedia: false,
  }
  // A row keeps the sentiment it brings. An Earshot export names label and scorer; a score alone (another
  // tool's) gets the usual +-0.05 thresholds and is marked as imported, so `earshot rescore` can redo it.
  if (!Number.isFinite(sentiment) || sentiment < -1 || sentiment > 1) return mention
  const label = str(get('sentiment_label'))
  const known = label !== null && LABELS.has(label)
  return {
    ...mention,
    sentiment,
    sentimentLabel: known ? (label as SentimentLabel) : sentimentLabel(sentiment),
    sentimentScorer: known ? (str(get('sentiment_scorer'))?.slice(0, 40) ?? LEGACY_SCORER) : IMPORTED_SCORER,
  }
}

/** A star rating 1–5 ("4", 4, "4.0"); anything else is none. */
function rating(value: RowValue): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null
}

function contentId(createdAt: number, handle: string, text: string): string {
  return `sha1:${createHash('sha1').update(`${createdAt}\n${handle}\n${text}`).digest('hex')}`
}
