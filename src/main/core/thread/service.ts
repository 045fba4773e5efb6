// A mention's thread: walks up from the mention through the posts it refers
// to, taking each from the archive when it is there and from the source's
// network otherwise (through the cache), and lists the other replies the
// archive holds. A post that cannot be loaded ends the chain with a note that
// says why; it never fails the command, so the composer always opens.
import type { Thread, ThreadAncestor, ThreadReply } from '../../../shared/contracts/thread'
import type { Mention, MentionInput, SourceId } from '../../../shared/domain'
import { notFound } from '../errors'
import type { StoreReader } from '../store'
import { ThreadCache } from './cache'
import { ThreadFetchError, type ThreadChild, type ThreadFetcher } from './fetcher'

/** A source's fetcher, why it has none, or undefined (the service says why). */
export type FetcherLookup = (source: SourceId) => ThreadFetcher | { unavailable: string } | undefined

export interface ThreadServiceOptions {
  store: { read: Pick<StoreReader, 'getMention' | 'findByExternalId' | 'repliesTo'> }
  now: () => number
  fetcher: FetcherLookup
  /** How long fetched posts are kept; default five minutes. */
  cacheMs?: number
  /** A network look-up taking longer than this is given up; default 10 s. */
  timeoutMs?: number
}

const NO_FETCHER: Partial<Record<SourceId, string>> = {
  demo: 'demo posts exist only in this archive',
  rss: 'feed items are not part of threads',
  import: 'imported posts cannot be looked up on their network',
  replay: 'replayed posts cannot be looked up on their network',
}

const DEFAULT_CACHE_MS = 5 * 60_000
const DEFAULT_TIMEOUT_MS = 10_000
/** How long a failure other than "gone" is remembered: long enough to stop a retry storm, short enough to recover. */
const FAILED_MS = 30_000
const LIMITED_MS = 60_000

export class ThreadService {
  private readonly cache: ThreadCache
  private readonly cacheMs: number
  private readonly timeoutMs: number

  constructor(private readonly o: ThreadServiceOptions) {
    this.cache = new ThreadCache(o.now)
    this.cacheMs = o.cacheMs ?? DEFAULT_CACHE_MS
    this.timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS
  }

  async thread(mentionId: number, maxAncestors: number, maxReplies: number): Promise<Thread> {
    const mention = this.o.store.read.getMention(mentionId)
    if (!mention) throw notFound(`mention ${mentionId}`)
    const { ancestors, truncated } = await this.ancestors(mention, maxAncestors)
    return { mentionId, ancestors, truncated, replies: this.replies(mention, maxReplies) }
  }

  /** Nearest first while walking; returned oldest first. */
  private async ancestors(mention: Mention, max: number): Promise<{ ancestors: ThreadAncestor[]; truncated: boolean }> {
    const source = mention.source
    const chain: ThreadAncestor[] = []
    const seen = new Set([mention.externalId])
    let child: MentionInput = mention
    while (child.refId !== null && !seen.has(child.refId)) {
      if (chain.length >= max) return { ancestors: chain.reverse(), truncated: true }
      const ref = child.refId
      seen.add(ref)
      const archived = this.o.store.read.findByExternalId(source, ref)
      if (archived) {
        chain.push({ from: 'archive', mention: archived })
        child = archived
        continue
      }
      const found = await this.fetched(
        source,
        { externalId: child.externalId, refId: ref, kind: child.kind },
        max - chain.length,
      )
      if (found instanceof ThreadFetchError) {
        chain.push({ from: 'missing', externalId: ref, author: child.refAuthor ?? null, reason: found.message })
        break
      }
      chain.push({ from: 'network', post: found })
      child = found
    }
    return { ancestors: chain.reverse(), truncated: false }
  }

  /** The post `child.refId` names, from the cache or the network, or why it could not be had. */
  private async fetched(source: SourceId, child: ThreadChild, limit: number): Promise<MentionInput | ThreadFetchError> {
    const cached = this.cached(source, child.refId)
    if (cached) return cached
    const fetcher = this.o.fetcher(source)
    if (!fetcher || 'unavailable' in fetcher) {
      return new ThreadFetchError(
        'failed',
        fetcher?.unavailable ?? NO_FETCHER[source] ?? `${source} cannot look posts up`,
      )
    }
    await this.cache.once(source, child.refId, () => this.load(fetcher, source, child, limit))
    return this.cached(source, child.refId) ?? new ThreadFetchError('failed', 'the network did not return it')
  }

  private cached(source: SourceId, externalId: string): MentionInput | ThreadFetchError | undefined {
    return this.cache.post(source, externalId) ?? this.cache.failure(source, externalId)
  }

  private async load(fetcher: ThreadFetcher, source: SourceId, child: ThreadChild, limit: number): Promise<void> {
    const ac = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        ac.abort()
        reject(new ThreadFetchError('failed', `no answer within ${Math.max(1, Math.round(this.timeoutMs / 1000))} s`))
      }, this.timeoutMs)
    })
    try {
      // The race covers a client that does not honour the signal.
      const posts = await Promise.race([fetcher.ancestors(child, limit, ac.signal), timeout])
      for (const p of posts) if (p.source === source) this.cache.putPost(p, this.cacheMs)
      if (!this.cache.post(source, child.refId))
        this.fail(source, child.refId, new ThreadFetchError('gone', 'the network did not return it'))
    } catch (err) {
      this.fail(
        source,
        child.refId,
        err instanceof ThreadFetchError ? err : new ThreadFetchError('failed', message(err)),
      )
    } finally {
      clearTimeout(timer)
    }
  }

  private fail(source: SourceId, externalId: string, error: ThreadFetchError): void {
    const now = this.o.now()
    const ttl =
      error.failure === 'gone'
        ? this.cacheMs
        : error.failure === 'limited'
          ? Math.min(this.cacheMs, error.retryAt !== null ? Math.max(1_000, error.retryAt - now) : LIMITED_MS)
          : FAILED_MS
    this.cache.putFailure(source, externalId, error, ttl)
  }

  /** Replies to the same post as the mention, and to the mention itself, newest first. */
  private replies(mention: Mention, max: number): ThreadReply[] {
    if (max === 0) return []
    const toMention = this.o.store.read
      .repliesTo(mention.source, mention.externalId, mention.id, max)
      .map((m): ThreadReply => ({ to: 'mention', mention: m }))
    const toParent =
      mention.kind === 'reply' && mention.refId !== null
        ? this.o.store.read.repliesTo(mention.source, mention.refId, mention.id, max).map((m): ThreadReply => ({
            to: 'parent',
            mention: m,
          }))
        : []
    return [...toMention, ...toParent]
      .sort((a, b) => b.mention.createdAt - a.mention.createdAt || b.mention.id - a.mention.id)
      .slice(0, max)
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
