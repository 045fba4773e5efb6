// The Hacker News source driver: Algolia's public search, no account.
// EARSHOT_HN_API points it at another origin (a mirror, or a fake one in tests).
import type { HackerNewsConfig } from '../../../../shared/sources/hackernews'
import type { SourceDriver } from '../../sources/driver'
import { HackerNewsConnector } from './connector'

export const hackerNewsDriver: SourceDriver<'hackernews'> = {
  source: 'hackernews',
  connector: (config: HackerNewsConfig, deps) => {
    const apiBase = deps.env.EARSHOT_HN_API?.trim()
    return new HackerNewsConnector({
      pollMs: config.pollSeconds * 1000,
      include: config.include,
      ...(apiBase ? { apiBase } : {}),
    })
  },
}

export { HackerNewsConnector } from './connector'
