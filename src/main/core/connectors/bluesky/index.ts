// The Bluesky source driver: a Jetstream connector with a profile cache that
// asks the configured service, and replies when an identifier and app password
// are set.
import { AtpAgent } from '@atproto/api'
import type { BlueskyConfig } from '../../../../shared/sources/bluesky'
import type { SourceDriver } from '../../sources/driver'
import { JetstreamConnector } from './connector'
import { Profiles, type Profile, type ProfileLookup } from './profiles'
import { BlueskyReplies } from './replies'

// The bsky.social entryway answers app.bsky.* reads only for signed-in users;
// its public AppView serves the same profiles without an account.
const PUBLIC_APPVIEW = 'https://public.api.bsky.app'

export function profileLookup(service: string): ProfileLookup {
  const host = new URL(service).host
  const agent = new AtpAgent({ service: host === 'bsky.social' ? PUBLIC_APPVIEW : service })
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
}

export { JetstreamConnector } from './connector'
export { BlueskyReplies } from './replies'
