// The posts above a Mastodon mention, for the composer's thread, from the
// listening instance (its ids are the archive's): a reply's ancestors come
// from GET /api/v1/statuses/:id/context in one call; a quoted or reposted
// post (or a parent the context lacks) from GET /api/v1/statuses/:id, then
// its own context. Public statuses
// need no token; the access token is sent when there is one.
import { z } from 'zod'
import type { MentionInput } from '../../../../shared/domain'
import { GONE_MESSAGE, ThreadFetchError, type ThreadChild, type ThreadFetcher } from '../../thread/fetcher'
import { StatusSchema, toMention, type Status } from './status'

export interface MastodonThreadOptions {
  instance: string
  accessToken: string | undefined
  now(): number
}

const ContextSchema = z.object({ ancestors: z.array(z.unknown()) })

export class MastodonThreadFetcher implements ThreadFetcher {
  private readonly base: string
  private readonly host: string

  constructor(private readonly o: MastodonThreadOptions) {
    this.base = o.instance.replace(/\/+$/, '')
    this.host = new URL(o.instance).host
  }

  async ancestors(child: ThreadChild, limit: number, signal: AbortSignal): Promise<MentionInput[]> {
    if (child.kind === 'reply') {
      const context = await this.context(child.externalId, signal).catch((err: unknown) => {
        // The reply itself is gone from the instance: its parent may not be.
        if (err instanceof ThreadFetchError && err.failure === 'gone') return null
        throw err
      })
      // The instance leaves out a deleted or private parent: then it is asked for the parent itself.
      if (context?.at(-1)?.id === child.refId) return this.nearestFirst(context, limit)
    }
    const status = this.parse(await this.get(`/api/v1/statuses/${encodeURIComponent(child.refId)}`, signal))
    const above = status.in_reply_to_id && limit > 1 ? await this.context(status.id, signal).catch(() => []) : []
    return this.nearestFirst([...above, status], limit)
  }

  /** A status's ancestors, oldest first (deleted and private ones are left out by the instance). */
  private async context(id: string, signal: AbortSignal): Promise<Status[]> {
    const body = ContextSchema.safeParse(await this.get(`/api/v1/statuses/${encodeURIComponent(id)}/context`, signal))
    if (!body.success) throw new ThreadFetchError('failed', 'the instance sent a context Earshot does not understand')
    return body.data.ancestors.map((s) => this.parse(s))
  }

  private nearestFirst(oldestFirst: Status[], limit: number): MentionInput[] {
    return oldestFirst
      .slice(-limit)
      .reverse()
      .map((s) => toMention(s, this.host, this.o.now()))
  }

  private parse(raw: unknown): Status {
    const status = StatusSchema.safeParse(raw)
    if (!status.success) throw new ThreadFetchError('failed', 'the instance sent a status Earshot does not understand')
    return status.data
  }

  private async get(path: string, signal: AbortSignal): Promise<unknown> {
    let res: Response
    try {
      res = await fetch(`${this.base}${path}`, {
        headers: this.o.accessToken ? { authorization: `Bearer ${this.o.accessToken}` } : {},
        signal,
      })
    } catch (err) {
      throw new ThreadFetchError('failed', `${this.host} did not answer (${causeOf(err)})`)
    }
    if (res.ok) return res.json()
    await res.body?.cancel()
    if (res.status === 404) throw new ThreadFetchError('gone', GONE_MESSAGE)
    if (res.status === 429) {
      const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '')
      throw new ThreadFetchError(
        'limited',
        `${this.host} rate limit reached (429)`,
        Number.isFinite(reset) ? reset : null,
      )
    }
    if (res.status === 401 || res.status === 403)
      throw new ThreadFetchError('failed', `${this.host} refused the request (${res.status})`)
    throw new ThreadFetchError('failed', `${this.host} answered HTTP ${res.status}`)
  }
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (err as Error).message
}
