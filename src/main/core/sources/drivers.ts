// The drivers of the configurable sources. A source without a driver here is
// listed in the Sources panel but cannot start.
import { appStoreDriver } from '../connectors/appstore'
import { blueskyDriver } from '../connectors/bluesky'
import { hackerNewsDriver } from '../connectors/hackernews'
import { mastodonDriver } from '../connectors/mastodon'
import { redditDriver } from '../connectors/reddit'
import { rssDriver } from '../connectors/rss'
import { xDriver } from '../connectors/x'
import type { SourceDrivers } from './driver'

export const SOURCE_DRIVERS: SourceDrivers = {
  x: xDriver,
  bluesky: blueskyDriver,
  mastodon: mastodonDriver,
  rss: rssDriver,
  hackernews: hackerNewsDriver,
  reddit: redditDriver,
  appstore: appStoreDriver,
}
