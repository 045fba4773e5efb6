// The RSS/Atom source driver: one connector polling every configured feed.
import type { RssConfig } from '../../../../shared/sources/rss'
import type { SourceDriver } from '../../sources/driver'
import { RssConnector } from './connector'

export const rssDriver: SourceDriver<'rss'> = {
  source: 'rss',
  connector: (config: RssConfig) => {
    if (config.feeds.length === 0) return { unavailable: 'No feeds yet: add one in Sources' }
    return new RssConnector({
      feeds: config.feeds.map((f) => ({ url: f.url, intervalMs: f.intervalSeconds * 1000, title: f.title })),
    })
  },
}

export { RssConnector } from './connector'
