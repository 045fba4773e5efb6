// Where Bluesky reads go: the bsky.social entryway answers app.bsky.* reads
// only for signed-in users; its public AppView serves the same data (profiles,
// threads) without an account. Another service is asked directly.
import { AtpAgent } from '@atproto/api'

export const PUBLIC_APPVIEW = 'https://public.api.bsky.app'

export function appViewAgent(service: string): AtpAgent {
  const host = new URL(service).host
  return new AtpAgent({ service: host === 'bsky.social' ? PUBLIC_APPVIEW : service })
}
