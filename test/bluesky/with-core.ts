// A real core on a temporary archive beside a fake Bluesky (Jetstream and
// XRPC), started before each test and stopped after. `reopen` starts the core
// again on the same archive (a restart); every event the core emits is kept.
import { afterEach, beforeEach } from 'vitest'
import type { EventName } from '../../src/shared/contract'
import { createCore, type Core } from '../../src/main/core/app/core'
import { FakeBluesky } from '../fakes/jetstream/server'
import { tempArchive, TEST_CORE } from '../helpers'

export const ALICE = 'did:plc:alice000000000000000000'

export interface BlueskyCore {
  fake: FakeBluesky
  core: Core
  path: string
  events: Array<{ name: EventName; payload: unknown }>
  /** Starts a new core on the same archive (after `core.stop()`), with this environment. */
  reopen(env?: NodeJS.ProcessEnv): void
}

export function useBlueskyCore(): BlueskyCore {
  const h = { events: [] } as unknown as BlueskyCore
  h.reopen = (env) => {
    h.core = createCore({ archivePath: h.path, ...TEST_CORE, ...(env ? { env } : {}) })
    h.events = []
    h.core.hub.subscribe((name, payload) => h.events.push({ name, payload }))
    h.core.start()
  }
  beforeEach(async () => {
    h.fake = await new FakeBluesky().start()
    h.fake.addProfile({ did: ALICE, handle: 'alice.bsky.social', displayName: 'Alice' })
    h.path = tempArchive()
    h.reopen()
  })
  afterEach(async () => {
    await h.core.stop()
    await h.fake.close()
  })
  return h
}
