// The Bluesky source driver: a Jetstream connector with a profile cache that
// asks the configured service, threads looked up there too, and replies when
// an identifier and app password are set.
import type { BlueskyConfig } from '../../../../shared/sources/bluesky'
import type { SourceDriver } from '../../sources/driver'
import { appViewAgent } from './appview'
import { JetstreamConnector } from './connector'
import { Profiles, type Profile, type ProfileLookup } from './profiles'
import { BlueskyReplies } from '../../replies/bluesky'
import { BlueskyThreadFetcher } from './thread'

export function profileLookup(service: string): ProfileLookup {
  const agent = appViewAgent(service)
  return async (actors: string[]): Promise<Profile[]> => {
    const res = await agent.app.bsky.actor.getProfiles({ actors })
    return res.data.profiles.map((p) => ({
      did: p.did,
      handle: p.handle,
      name: p.displayName ?? '',
      followers: p.followersCount ?? 0,
      avatarUrl: p.avatar ?? null,
    }))
  }
}

export const blueskyDriver: SourceDriver<'bluesky'> = {
  source: 'bluesky',
  connector: (config: BlueskyConfig) =>
    new JetstreamConnector({ url: config.jetstream, profiles: new Profiles(profileLookup(config.service)) }),
  replies: (config, deps) => {
    const appPassword = deps.secret('appPassword')
    if (!config.identifier || !appPassword) return undefined
    return new BlueskyReplies({ service: config.service, identifier: config.identifier, appPassword })
  },
  thread: (config, deps) => new BlueskyThreadFetcher(appViewAgent(config.service), deps.now),
}

export { JetstreamConnector } from './connector'
export { BlueskyReplies } from '../../replies/bluesky'
