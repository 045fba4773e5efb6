// RSS 2.0, RSS 1.0 (RDF) and Atom documents to a list of items, with
// fast-xml-parser. Anything that is not one of those is an error with a
// message the Sources panel can show; single odd items are skipped.
import { XMLParser, XMLValidator } from 'fast-xml-parser'

export interface FeedItem {
  /** GUID / Atom id, else the link: the same item in two feeds has the same key. */
  id: string
  title: string | null
  link: string | null
  /** HTML or text, as the feed has it. */
  summary: string
  author: string | null
  published: number | null
}

export interface ParsedFeed {
  title: string | null
  link: string | null
  items: FeedItem[]
}

export class FeedError extends Error {}

const LISTS = new Set(['item', 'entry', 'link', 'category', 'author'])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  removeNSPrefix: false,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
})

type Node = Record<string, unknown>

/** The text of an element that may carry attributes (`{ '#text': ..., '@type': ... }`). */
function text(v: unknown): string | null {
  if (v === undefined || v === null) return null
  if (typeof v === 'string') return v.trim() || null
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return text(v[0])
  if (typeof v === 'object') return text((v as Node)['#text'])
  return null
}

function date(v: unknown): number | null {
  const s = text(v)
  if (!s) return null
  const t = Date.parse(s)
  return Number.isFinite(t) ? t : null
}

export function parseFeed(xml: string): ParsedFeed {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new FeedError(`malformed XML at line ${valid.err.line}: ${valid.err.msg}`)
  const doc = parser.parse(xml) as Node
  if (doc.rss && typeof doc.rss === 'object') return rss((doc.rss as Node).channel as Node | undefined, [])
  if (doc['rdf:RDF'] && typeof doc['rdf:RDF'] === 'object') {
    const rdf = doc['rdf:RDF'] as Node
    return rss(rdf.channel as Node | undefined, (rdf.item as Node[] | undefined) ?? [])
  }
  if (doc.feed && typeof doc.feed === 'object') return atom(doc.feed as Node)
  throw new FeedError('not an RSS or Atom feed')
}

function rss(channel: Node | undefined, rdfItems: Node[]): ParsedFeed {
  if (!channel || typeof channel !== 'object') throw new FeedError('RSS without a channel')
  const items: FeedItem[] = []
  for (const item of [...((channel.item as Node[] | undefined) ?? []), ...rdfItems]) {
    if (!item || typeof item !== 'object') continue
    const link = text(item.link)
    const guid = text(item.guid) ?? (typeof item['@rdf:about'] === 'string' ? item['@rdf:about'] : null)
    const title = text(item.title)
    const summary = text(item['content:encoded']) ?? text(item.description) ?? ''
    const id = guid ?? link
    if (!id && !title) continue
    items.push({
      id: id ?? `${title}|${text(item.pubDate) ?? ''}`,
      title,
      link,
      summary,
      author: text(item['dc:creator']) ?? text(item.author),
      published: date(item.pubDate) ?? date(item['dc:date']),
    })
  }
  return { title: text(channel.title), link: text(channel.link), items }
}

function atomLink(v: unknown): string | null {
  const links = (Array.isArray(v) ? v : [v]).filter((l): l is Node => !!l && typeof l === 'object')
  const alt = links.find((l) => l['@rel'] === undefined || l['@rel'] === 'alternate')
  const href = (alt ?? links[0])?.['@href']
  return typeof href === 'string' ? href : null
}

function atom(feed: Node): ParsedFeed {
  const items: FeedItem[] = []
  for (const entry of (feed.entry as Node[] | undefined) ?? []) {
    if (!entry || typeof entry !== 'object') continue
    const link = atomLink(entry.link)
    const id = text(entry.id) ?? link
    const title = text(entry.title)
    if (!id && !title) continue
    const author = (entry.author as Node[] | undefined)?.[0]
    items.push({
      id: id ?? `${title}|${text(entry.updated) ?? ''}`,
      title,
      link,
      summary: text(entry.content) ?? text(entry.summary) ?? '',
      author: author ? text(author.name) : null,
      published: date(entry.published) ?? date(entry.updated),
    })
  }
  return { title: text(feed.title), link: atomLink(feed.link), items }
}
