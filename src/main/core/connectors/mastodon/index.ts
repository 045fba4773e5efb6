// The Mastodon source driver: streaming + search on the configured instance,
// threads looked up there, replies when an access token is set.
import type { MastodonConfig } from '../../../../shared/sources/mastodon'
import type { SourceDriver } from '../../sources/driver'
import { MastodonConnector } from './connector'
import { MastodonReplies } from '../../replies/mastodon'
import { MastodonThreadFetcher } from './thread'

export const mastodonDriver: SourceDriver<'mastodon'> = {
  source: 'mastodon',
  connector: (config: MastodonConfig, deps) =>
    new MastodonConnector({
      instance: config.instance,
      accessToken: deps.secret('accessToken'),
      publicStream: config.publicStream,
      searchMs: config.searchSeconds * 1000,
    }),
  replies: (config, deps) => {
    const accessToken = deps.secret('accessToken')
    if (!accessToken) return undefined
    return new MastodonReplies({ instance: config.instance, accessToken, charLimit: config.charLimit })
  },
  thread: (config, deps) =>
    new MastodonThreadFetcher({ instance: config.instance, accessToken: deps.secret('accessToken'), now: deps.now }),
}

export { MastodonConnector } from './connector'
export { MastodonReplies } from '../../replies/mastodon'
