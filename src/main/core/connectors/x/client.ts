// twitter-api-v2 clients pointed at X or at the configured API base (a
// gateway, a proxy, or the local fake in tests) through the library's plugin
// hooks, and the one place that turns the library's errors into what Earshot
// needs to know about them.
import { Agent as HttpAgent } from 'node:http'
import {
  ApiPartialResponseError,
  ApiRequestError,
  ApiResponseError,
  TwitterApi,
  type IClientSettings,
  type ITwitterApiBeforeRequestConfigHookArgs,
  type ITwitterApiClientPlugin,
  type TwitterApiv2,
} from 'twitter-api-v2'
import type { XConfig } from '../../../../shared/sources/x'

export const DEFAULT_X_API_BASE = 'https://api.x.com'

/** The API base: EARSHOT_X_API_BASE, else the setting, else X itself; no trailing slash. */
export function xApiBase(config: Pick<XConfig, 'apiBase'>, env: NodeJS.ProcessEnv): string {
  const fromEnv = env.EARSHOT_X_API_BASE?.trim()
  return (fromEnv || config.apiBase || DEFAULT_X_API_BASE).replace(/\/+$/, '')
}

export interface UserTokens {
  appKey: string
  appSecret: string
  accessToken: string
  accessSecret: string
}

// The library's own endpoint hosts. (Its `cloneWithPrefix` cannot be used: in
// 1.29.1 it calls the class constructor without `new`.)
const LIBRARY_HOSTS = /^https:\/\/api\.(?:twitter|x)\.com(?=\/)/

/**
 * Rewrites each request's URL to the API base before the library builds the
 * request, so an OAuth 1.0a signature covers the URL actually requested.
 */
export class ApiBasePlugin implements ITwitterApiClientPlugin {
  constructor(private readonly apiBase: string) {}

  onBeforeRequestConfig(args: ITwitterApiBeforeRequestConfigHookArgs): void {
    this.rebase(args)
  }

  onBeforeStreamRequestConfig(args: ITwitterApiBeforeRequestConfigHookArgs): void {
    this.rebase(args)
  }

  private rebase({ params }: ITwitterApiBeforeRequestConfigHookArgs): void {
    params.url = params.url.replace(LIBRARY_HOSTS, this.apiBase)
  }
}

/**
 * The library's settings for an API base. It sends every request with
 * `https.request`, which takes an http:// URL only through an http.Agent: the
 * library's `httpAgent` setting (meant for proxies) provides one for a plain
 * HTTP gateway on the local network, or the fake in tests.
 */
function settingsFor(apiBase: string): Partial<IClientSettings> {
  return {
    plugins: [new ApiBasePlugin(apiBase)],
    ...(apiBase.startsWith('http:') ? { httpAgent: new HttpAgent({ keepAlive: false }) } : {}),
  }
}

/** The v2 API with the app's bearer token: streams, rules, recent search. */
export function appClient(bearerToken: string, apiBase: string): TwitterApiv2 {
  return new TwitterApi(bearerToken, settingsFor(apiBase)).v2
}

/** The v2 API in a user's context (OAuth 1.0a): posting and reading the account's own posts. */
export function userClient(tokens: UserTokens, apiBase: string): TwitterApiv2 {
  return new TwitterApi(tokens, settingsFor(apiBase)).v2
}

export type XFailure =
  /** No HTTP response at all: refused, reset, timed out. */
  | { kind: 'network'; message: string }
  /** A response cut off before its end. */
  | { kind: 'partial'; message: string; status: number }
  | {
      kind: 'http'
      status: number
      message: string
      /** Epoch ms when the rate-limit window resets, from x-rate-limit-reset. */
      resetAt: number | null
      problems: unknown[]
      body: unknown
    }

/** What went wrong, in X's words where it gave any; never includes a request header. */
export function describeFailure(err: unknown): XFailure {
  if (err instanceof ApiResponseError) {
    const reset = err.rateLimit?.reset ?? Number(err.headers?.['x-rate-limit-reset'])
    return {
      kind: 'http',
      status: err.code,
      message: problemText(err.code, err.data),
      resetAt: Number.isFinite(reset) && reset > 0 ? reset * 1000 : null,
      problems: Array.isArray(err.data?.errors) ? err.data.errors : [],
      body: err.data,
    }
  }
  if (err instanceof ApiPartialResponseError) {
    return { kind: 'partial', status: err.response.statusCode ?? 0, message: 'the response was cut off' }
  }
  if (err instanceof ApiRequestError) {
    const cause = err.requestError as NodeJS.ErrnoException | undefined
    return { kind: 'network', message: cause?.code ?? cause?.message ?? 'request failed' }
  }
  return { kind: 'network', message: err instanceof Error ? err.message : String(err) }
}

function problemText(status: number, data: unknown): string {
  const d = (data ?? {}) as { title?: string; detail?: string; errors?: Array<Record<string, unknown>> }
  const first = d.errors?.[0]
  const parts = [
    d.title ?? (first?.title as string | undefined),
    d.detail ?? (first?.detail as string | undefined) ?? (first?.message as string | undefined),
  ].filter((p): p is string => typeof p === 'string' && p.length > 0)
  return parts.length > 0 ? `HTTP ${status}: ${[...new Set(parts)].join(': ')}` : `HTTP ${status}`
}
