// Replies on X through the real outbox and the fake X API: one post even when
// the response to POST /2/tweets is lost, and the summoned-reply rule.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { userClient } from '../../src/main/core/connectors/x/client'
import { XReplyChannel } from '../../src/main/core/replies/x'
import { xReplyPolicy } from '../../src/main/core/replies/x-policy'
import { EventHub } from '../../src/main/core/events'
import { Outbox } from '../../src/main/core/replies/outbox'
import { openArchive } from '../../src/main/core/store/db'
import type { Db } from '../../src/main/core/store/db-types'
import { getMention } from '../../src/main/core/store/mentions'
import type { Mention } from '../../src/shared/domain'
import { Ingest } from '../../src/main/core/pipeline/ingest'
import { Router } from '../../src/main/core/pipeline/router'
import { StatsTracker } from '../../src/main/core/pipeline/stats'
import { FakeXApi } from '../fakes/x-api'
import { mentionInput, tempArchive } from '../helpers'
import { ACCOUNT, USER, replyClient } from './harness'
import { storeOf } from '../../src/main/core/store/store'

let fake: FakeXApi | undefined
let db: Db | undefined
afterEach(async () => {
  await fake?.close()
  db?.close()
})

function mention(overrides: Partial<Mention> = {}): Mention {
  return {
    ...mentionInput({
      source: 'x',
      externalId: '1880000000000000777',
      url: 'https://x.com/someone/status/1880000000000000777',
    }),
    id: 1,
    receivedAt: 0,
    sentiment: 0,
    sentimentLabel: 'neutral',
    ...overrides,
  } as Mention
}

describe('the summoned-reply rule', () => {
  const account = 'EarshotCare'
  it('allows a reply when the post mentions the account, quotes or replies to it, or is its own', () => {
    expect(xReplyPolicy(mention({ text: 'hey @earshotcare my router is dead' }), account).reply.allowed).toBe(true)
    expect(xReplyPolicy(mention({ kind: 'quote', refAuthor: 'EarshotCare', text: 'lol' }), account).reply.allowed).toBe(
      true,
    )
    expect(xReplyPolicy(mention({ kind: 'reply', refAuthor: 'earshotcare', text: 'no' }), account).reply.allowed).toBe(
      true,
    )
    expect(
      xReplyPolicy(mention({ author: { ...mention().author, handle: 'EarshotCare' } }), account).reply.allowed,
    ).toBe(true)
  })

  it('refuses otherwise, with the reason, a quote and the post on x.com', () => {
    const policy = xReplyPolicy(mention({ text: 'comcast is down, @EarshotCareers knows' }), account)
    expect(policy).toMatchObject({
      counting: 'x',
      limit: 280,
      quote: true,
      openUrl: 'https://x.com/someone/status/1880000000000000777',
      account: 'EarshotCare',
      reply: { allowed: false, reason: expect.stringMatching(/mention @EarshotCare/) },
    })
    // A repost of the account's post does not summon it.
    expect(xReplyPolicy(mention({ kind: 'repost', refAuthor: 'EarshotCare' }), account).reply.allowed).toBe(false)
    expect(xReplyPolicy(mention({ text: '@EarshotCare' }), null).reply).toMatchObject({ allowed: false })
  })
})

describe('X replies through the outbox', () => {
  async function setup() {
    fake = new FakeXApi({ user: { ...USER, ...ACCOUNT } })
    await fake.start()
    db = openArchive(tempArchive())
    const router = new Router()
    const ingest = new Ingest(storeOf(db).write, router, new StatsTracker(), {
      now: Date.now,
      sink: { committed: () => {} },
    })
    ingest.push([
      mentionInput({ source: 'x', externalId: '1880000000000000001', text: '@EarshotCare my internet is down' }),
    ])
    ingest.flush()
    const target = getMention(db, 1)!
    const channel = new XReplyChannel({
      api: replyClient(fake),
      account: ACCOUNT.username,
      now: Date.now,
      redact: (s) => s,
    })
    const hub = new EventHub()
    const outbox = new Outbox({
      store: storeOf(db),
      hub,
      now: Date.now,
      channel: (s) => (s === 'x' ? channel : undefined),
    })
    return { outbox, target, channel }
  }

  it('posts exactly once when the response to POST /2/tweets is dropped', async () => {
    const { outbox, target } = await setup()
    fake!.dropResponseAfterNextPost()
    outbox.send({ key: 'reply-key-0001', mentionId: target.id, mode: 'reply', text: 'Sorry! DM us your account.' })
    await vi.waitFor(async () => {
      await outbox.idle()
      expect(outbox.list(undefined, 10)[0]!.state).toBe('sent')
    })
    expect(fake!.posted).toHaveLength(1)
    const [item] = outbox.list(undefined, 10)
    expect(item).toMatchObject({
      remoteId: fake!.posted[0]!.id,
      attempts: 1,
      remoteUrl: `https://x.com/EarshotCare/status/${fake!.posted[0]!.id}`,
    })
    expect(fake!.posted[0]).toMatchObject({ referenced_tweets: [{ type: 'replied_to', id: '1880000000000000001' }] })
    // The check looked at the account's own posts before anything was resent.
    expect(fake!.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /2/tweets',
      'GET /2/users/me',
      `GET /2/users/${ACCOUNT.id}/tweets`,
    ])
    // The same key again queues nothing new.
    outbox.send({ key: 'reply-key-0001', mentionId: target.id, mode: 'reply', text: 'Sorry! DM us your account.' })
    await outbox.idle()
    expect(fake!.posted).toHaveLength(1)
  })

  it('resends after a lost request that X never received', async () => {
    const { outbox, target } = await setup()
    fake!.script('tweets.create', { drop: true })
    outbox.send({ key: 'reply-key-0002', mentionId: target.id, mode: 'reply', text: 'On it.' })
    await vi.waitFor(async () => {
      await outbox.idle()
      expect(outbox.list(undefined, 10)[0]!.state).toBe('sent')
    })
    expect(fake!.posted).toHaveLength(1)
    expect(outbox.list(undefined, 10)[0]!.attempts).toBe(2)
  })

  it("fails with X's reason on a 4xx and with the count when the text is too long", async () => {
    const { outbox, target } = await setup()
    fake!.script('tweets.create', {
      status: 403,
      body: {
        title: 'Forbidden',
        type: 'about:blank',
        status: 403,
        detail:
          'Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.',
      },
    })
    outbox.send({ key: 'reply-key-0003', mentionId: target.id, mode: 'reply', text: 'Hello' })
    await outbox.idle()
    expect(outbox.list(undefined, 10)[0]).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/HTTP 403: Forbidden: Reply to this conversation is not allowed/),
    })
    outbox.send({ key: 'reply-key-0004', mentionId: target.id, mode: 'reply', text: 'é'.repeat(281) })
    await outbox.idle()
    expect(outbox.list(undefined, 10)[0]).toMatchObject({
      state: 'failed',
      error: expect.stringMatching(/281 characters/),
    })
    expect(fake!.posted).toHaveLength(0)
  })

  it('is refused by the fake when signed with the wrong secret (the signature is checked)', async () => {
    await setup()
    const wrong = new XReplyChannel({
      api: userClient({ ...USER, accessSecret: 'not-the-secret' }, fake!.url),
      account: ACCOUNT.username,
      now: Date.now,
      redact: (s) => s,
    })
    const target = getMention(db!, 1)!
    const reply = {
      key: 'k-wrong-secret',
      mode: 'reply' as const,
      text: 'hi',
      mention: target,
      firstAttemptAt: Date.now(),
    }
    await expect(wrong.send(reply)).rejects.toMatchObject({
      kind: 'rejected',
      message: expect.stringMatching(/HTTP 401/),
    })
    expect(fake!.posted).toHaveLength(0)
  })

  it('quotes with quote_tweet_id', async () => {
    const { outbox, target } = await setup()
    outbox.send({ key: 'quote-key-0001', mentionId: target.id, mode: 'quote', text: 'We hear you.' })
    await outbox.idle()
    expect(fake!.requestsTo('/2/tweets')[0]!.body).toEqual({
      text: 'We hear you.',
      quote_tweet_id: '1880000000000000001',
    })
    expect(outbox.list(undefined, 10)[0]!.state).toBe('sent')
  })
})
