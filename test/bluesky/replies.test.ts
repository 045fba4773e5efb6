// Bluesky replies through @atproto/api against the fake PDS: root and parent
// refs, quotes, and a resend after a lost response that posts exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BlueskyReplies, replyRkey } from '../../src/main/core/replies/bluesky'
import type { OutgoingReply } from '../../src/main/core/replies/channel'
import type { Mention } from '../../src/shared/domain'
import { FakeBluesky, postEvent } from '../fakes/jetstream/server'

const ME = { did: 'did:plc:brand0000000000000000000', handle: 'brand.example.com', password: 'app-pass-1234' }
const ALICE = 'did:plc:alice000000000000000000'

let fake: FakeBluesky
let replies: BlueskyReplies

beforeEach(async () => {
  fake = await new FakeBluesky().start()
  fake.addAccount(ME)
  replies = new BlueskyReplies({ service: fake.serviceUrl, identifier: ME.handle, appPassword: ME.password })
})
afterEach(() => fake.close())

function stored(event: Record<string, unknown>): Mention {
  fake.push(event)
  const c = event.commit as { rkey: string }
  return {
    id: 1,
    source: 'bluesky',
    externalId: `at://${String(event.did)}/app.bsky.feed.post/${c.rkey}`,
    url: null,
    createdAt: 0,
    receivedAt: 0,
    author: { handle: 'alice.bsky.social', name: '', followers: 0, avatarUrl: null, verified: false },
    text: 'x',
    lang: null,
    kind: 'post',
    refId: null,
    hasMedia: false,
    sentiment: 0,
    sentimentLabel: 'neutral',
  }
}

function outgoing(mention: Mention, key = 'key-00000001', mode: 'reply' | 'quote' = 'reply'): OutgoingReply {
  return {
    key,
    mode,
    text: 'Sorry to hear that! See https://status.example.com',
    mention,
    firstAttemptAt: 1_779_719_000_000,
  }
}

describe('Bluesky replies', () => {
  it('a reply to a top-level post uses it as both root and parent', async () => {
    const target = stored(postEvent(ALICE, 1, 'my order is late'))
    const sent = await replies.send(outgoing(target))
    expect(fake.created).toHaveLength(1)
    const body = fake.created[0]!
    expect(body.repo).toBe(ME.did)
    expect(body.collection).toBe('app.bsky.feed.post')
    expect(body.rkey).toBe(replyRkey('key-00000001', 1_779_719_000_000))
    const record = body.record as {
      reply: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } }
      text: string
      facets: unknown[]
    }
    const targetRecord = fake.records.get(target.externalId)!
    expect(record.reply.parent).toEqual({ uri: target.externalId, cid: targetRecord.cid })
    expect(record.reply.root).toEqual(record.reply.parent)
    expect(record.facets).toHaveLength(1)
    expect(sent.remoteId).toBe(`at://${ME.did}/app.bsky.feed.post/${String(body.rkey)}`)
    expect(sent.url).toContain('https://bsky.app/profile/brand.example.com/post/')
  })

  it('a reply to a reply keeps the thread root from the post’s own reply ref', async () => {
    const root = {
      uri: 'at://did:plc:root/app.bsky.feed.post/3root',
      cid: 'bafyreiainko5un5pbcdosvxpbisjnjzemojnry6nsgtdftdgslbu37kxai',
    }
    const mid = {
      uri: 'at://did:plc:mid/app.bsky.feed.post/3mid',
      cid: 'bafyreidklayotpkt5z6dgournsivh4tyouwa6bm7fdfe2i6ciqbnrp23ou',
    }
    const target = stored(postEvent(ALICE, 2, 'replying in a thread', { reply: { root, parent: mid } }))
    await replies.send(outgoing(target))
    const record = fake.created[0]!.record as { reply: { root: unknown; parent: { uri: string } } }
    expect(record.reply.root).toEqual(root)
    expect(record.reply.parent.uri).toBe(target.externalId)
  })

  it('a quote embeds the post instead of replying', async () => {
    const target = stored(postEvent(ALICE, 3, 'quote me'))
    await replies.send(outgoing(target, 'key-quote-01', 'quote'))
    const record = fake.created[0]!.record as Record<string, unknown>
    expect(record.reply).toBeUndefined()
    expect(record.embed).toMatchObject({ $type: 'app.bsky.embed.record', record: { uri: target.externalId } })
  })

  it('a lost response is found, and a resend never posts twice', async () => {
    const target = stored(postEvent(ALICE, 4, 'hello?'))
    fake.loseNextCreate = true
    await expect(replies.send(outgoing(target))).rejects.toMatchObject({ kind: 'lost' })
    const found = await replies.find(outgoing(target))
    expect(found?.remoteId).toContain(ME.did)
    const again = await replies.send(outgoing(target))
    expect(again.remoteId).toBe(found!.remoteId)
    expect(fake.created).toHaveLength(1)
    expect(await replies.find(outgoing(target, 'key-other-01'))).toBeNull()
  })

  it('a wrong app password is rejected with Bluesky’s message', async () => {
    const bad = new BlueskyReplies({ service: fake.serviceUrl, identifier: ME.handle, appPassword: 'nope' })
    const target = stored(postEvent(ALICE, 5, 'x'))
    await expect(bad.send(outgoing(target))).rejects.toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('Invalid identifier or password'),
    })
  })
})
