// The Reddit source driver. With the app's client id and secret (Sources, or
// EARSHOT_REDDIT_CLIENT_ID / EARSHOT_REDDIT_CLIENT_SECRET) it reads the OAuth
// API; without them the public listings. EARSHOT_REDDIT_WWW and
// EARSHOT_REDDIT_OAUTH point it at other origins (fakes in tests).
import type { RedditConfig } from '../../../../shared/sources/reddit'
import type { SourceDriver } from '../../sources/driver'
import { RedditConnector } from './connector'

export const redditDriver: SourceDriver<'reddit'> = {
  source: 'reddit',
  connector: (config: RedditConfig, deps) => {
    if (!config.searchKeywords && config.subreddits.length === 0)
      return { unavailable: 'Nothing to read: turn on keyword search or add a subreddit in Sources' }
    const www = deps.env.EARSHOT_REDDIT_WWW?.trim()
    const oauth = deps.env.EARSHOT_REDDIT_OAUTH?.trim()
    return new RedditConnector({
      pollMs: config.pollSeconds * 1000,
      searchKeywords: config.searchKeywords,
      subreddits: config.subreddits,
      clientId: deps.secret('clientId'),
      clientSecret: deps.secret('clientSecret'),
      ...(www ? { wwwBase: www } : {}),
      ...(oauth ? { oauthBase: oauth } : {}),
    })
  },
}

export { RedditConnector } from './connector'
