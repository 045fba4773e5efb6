// Shared set-up for the X source tests: the fake X API on 127.0.0.1, the real
// twitter-api-v2 client pointed at it, a manual clock and a recording context.
import { appClient, userClient } from '../../src/main/core/connectors/x/client'
import { XConnector } from '../../src/main/core/connectors/x/connector'
import type { XConfig } from '../../src/shared/sources/x'
import { connectorContext, type TestContext } from '../connector-context'
import { FakeXApi, type FakeTweet, type FakeUser } from '../fakes/x-api'
import { ManualClock } from './manual-clock'

export const BEARER = 'AAAAAAAAAAAAAAAAAAAAAFakeBearerToken0123456789'
export const USER = {
  appKey: 'fake-consumer-key-8c1f',
  appSecret: 'fake-consumer-secret-51d0a9',
  accessToken: '1500000000000000001-fakeAccessToken77',
  accessSecret: 'fake-access-secret-e2b4c6',
}
export const ACCOUNT = { id: '1500000000000000001', username: 'EarshotCare' }

export interface Harness {
  fake: FakeXApi
  clock: ManualClock
  t: TestContext
  connector: XConnector
  notices: Map<string, string | null>
  stop(): Promise<void>
}

export async function startHarness(
  config: Partial<Pick<XConfig, 'mode' | 'pollSeconds'>> = {},
  setup: (fake: FakeXApi) => void = () => {},
  limits: ConstructorParameters<typeof FakeXApi>[0] = {},
): Promise<Omit<Harness, 'connector'> & { connect(columns: Array<{ id: string; query: string }>): XConnector }> {
  const clock = new ManualClock()
  const fake = new FakeXApi({
    bearerToken: BEARER,
    user: { ...USER, ...ACCOUNT },
    now: clock.now,
    ...limits,
  })
  setup(fake)
  await fake.start()
  const notices = new Map<string, string | null>()
  const t = connectorContext(clock.now, { notice: (id, message) => notices.set(id, message) })
  let connector: XConnector | null = null
  return {
    fake,
    clock,
    t,
    notices,
    connect(columns) {
      t.setColumns(columns)
      connector = new XConnector({
        config: { mode: config.mode ?? 'stream', pollSeconds: config.pollSeconds ?? 30 },
        api: appClient(BEARER, fake.url),
        timers: clock,
      })
      connector.start(t.ctx)
      return connector
    },
    async stop() {
      connector?.stop()
      await fake.close()
    },
  }
}

export function replyClient(fake: FakeXApi) {
  return userClient(USER, fake.url)
}

let n = 0
export function tweet(text: string, extra: Partial<FakeTweet> = {}): { tweet: FakeTweet; users: FakeUser[] } {
  n++
  const author: FakeUser = {
    id: `90000${n}`,
    username: `user${n}`,
    name: `User ${n}`,
    verified: false,
    profile_image_url: `https://pbs.twimg.com/profile_images/${n}/a_normal.jpg`,
    public_metrics: { followers_count: 100 + n, following_count: 1, tweet_count: 5, listed_count: 0 },
  }
  return {
    tweet: {
      id: `${1_880_000_000_000_000_000n + BigInt(n)}`,
      text,
      author_id: author.id,
      created_at: '2026-01-15T10:00:00.000Z',
      lang: 'en',
      edit_history_tweet_ids: [],
      ...extra,
    },
    users: [author],
  }
}
