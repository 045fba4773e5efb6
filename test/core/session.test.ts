// A console connection's session: on an archive with operators nothing but
// signing in is answered until an operator signs in with their secret; then
// every command runs with their role, is audited under their name, and the
// connection is sent the core's events. Without operators (single-user) no
// sign-in is asked for. Resume tokens carry a sign-in to a reconnect.
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../src/main/core/app/core'
import { hashOperatorSecret } from '../../src/main/core/secrets/operator-secret'
import type { AuditEntry } from '../../src/shared/contracts/audit'
import type { SessionState } from '../../src/shared/contracts/session'
import { emptyTriage, sharedOf } from '../../src/shared/contracts/triage'
import { mentionInput, ok, tempArchive, TEST_CORE, until } from '../helpers'

let core: Core | undefined
afterEach(async () => {
  await core?.stop()
  core = undefined
})

function open(): Core {
  core = createCore({ archivePath: tempArchive(), ...TEST_CORE })
  core.start()
  return core
}

async function addOperator(c: Core, name: string, role: 'admin' | 'operator' | 'analyst', secret: string) {
  c.store.write.addOperator({ name, role, secretHash: await hashOperatorSecret(secret), createdAt: Date.now() })
}

describe('console sessions', () => {
  it('asks for no sign-in on a single-user archive', async () => {
    const c = open()
    const session = c.openSession()
    expect(ok<SessionState>(await session.call('session.get', {}))).toEqual({ signInRequired: false, operator: null })
    expect((await session.call('columns.list', {})).ok).toBe(true)
    expect(session.open).toBe(true)
  })

  it('answers only sign-in until an operator signs in, then applies their role and audits under their name', async () => {
    const c = open()
    await addOperator(c, 'Dana', 'operator', 'dana-secret-0001')
    await addOperator(c, 'Ana', 'analyst', 'ana-secret-0002')
    c.ingest.push([mentionInput({ text: 'comcast outage', externalId: 's-1' })])
    const id = await until(() => c.store.read.storedId('demo', 's-1'), 'the mention')

    const dana = c.openSession()
    expect(dana.open).toBe(false)
    const before = await dana.call('columns.list', {})
    expect(before).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/sign in/) } })
    expect(ok<SessionState>(await dana.call('session.get', {}))).toEqual({ signInRequired: true, operator: null })

    // A wrong secret and an unknown name read the same, and both are audited.
    const wrong = await dana.call('session.signIn', { name: 'Dana', secret: 'not-it' })
    const nobody = await dana.call('session.signIn', { name: 'Zed', secret: 'dana-secret-0001' })
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'unknown operator or wrong secret' },
    })
    expect(nobody).toEqual(wrong)

    const signedIn = ok<{ operator: { name: string; role: string }; resume: string }>(
      await dana.call('session.signIn', { name: 'dana', secret: 'dana-secret-0001' }),
    )
    expect(signedIn.operator).toEqual({ name: 'Dana', role: 'operator' })
    expect(dana.open).toBe(true)
    expect((await dana.call('triage.set', { mentionIds: [id], done: true })).ok).toBe(true)

    const ana = c.openSession()
    ok(await ana.call('session.signIn', { name: 'Ana', secret: 'ana-secret-0002' }))
    expect((await ana.call('mentions.search', { query: 'comcast' })).ok).toBe(true)
    expect(await ana.call('triage.set', { mentionIds: [id], done: false })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Ana is an analyst/) },
    })
    expect(await ana.call('replies.send', { key: 'k-000001', mentionId: id, text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect((await ana.call('audit.list', {})).ok).toBe(false)

    const log = ok<AuditEntry[]>(await c.call('audit.list', {}))
    const lines = log.map((e) => `${e.operator} ${e.action} ${e.outcome}`)
    expect(lines).toEqual(
      expect.arrayContaining([
        'Dana session.signIn refused',
        'Zed session.signIn refused',
        'Dana session.signIn ok',
        'Dana triage.set ok',
        'Ana triage.set refused',
        'Ana replies.send refused',
      ]),
    )
    expect(JSON.stringify(log)).not.toContain('dana-secret-0001')

    // A reconnect resumes the sign-in with its token; signing out ends the token.
    const again = c.openSession()
    expect(ok<SessionState>(await again.call('session.resume', { resume: signedIn.resume })).operator).toEqual({
      name: 'Dana',
      role: 'operator',
    })
    ok(await dana.call('session.signOut', {}))
    expect((await dana.call('columns.list', {})).ok).toBe(false)
    const later = c.openSession()
    expect((await later.call('session.resume', { resume: signedIn.resume })).ok).toBe(false)
  })

  it("shows who is replying to a mention, and drops an operator's presence when their connection closes", async () => {
    const c = open()
    await addOperator(c, 'Dana', 'operator', 'dana-secret-0001')
    await addOperator(c, 'Lee', 'operator', 'lee-secret-0003')
    const events: Array<{ mentionId: number; replying: string[] }> = []
    c.hub.subscribe((name, payload) => {
      if (name === 'presence.changed') events.push(payload as { mentionId: number; replying: string[] })
    })
    const dana = c.openSession()
    const lee = c.openSession()
    ok(await dana.call('session.signIn', { name: 'Dana', secret: 'dana-secret-0001' }))
    ok(await lee.call('session.signIn', { name: 'Lee', secret: 'lee-secret-0003' }))
    ok(await dana.call('presence.set', { mentionId: 7 }))
    ok(await lee.call('presence.set', { mentionId: 7 }))
    expect(ok(await lee.call('presence.get', { mentionId: 7 }))).toEqual({ mentionId: 7, replying: ['Dana', 'Lee'] })
    dana.close()
    expect(ok(await lee.call('presence.get', { mentionId: 7 }))).toEqual({ mentionId: 7, replying: ['Lee'] })
    expect(events.map((e) => e.replying)).toEqual([['Dana'], ['Dana', 'Lee'], ['Lee']])
  })

  it("sends a reader's own read state to that reader's connections only, and the team's changes to all", async () => {
    const c = open()
    await addOperator(c, 'Dana', 'operator', 'dana-secret-0001')
    await addOperator(c, 'Lee', 'operator', 'lee-secret-0003')
    const dana = c.openSession()
    const danaAgain = c.openSession()
    const lee = c.openSession()
    const readOf = (reader: string) => ({ reader, items: [{ mentionId: 1, read: true }] })
    expect(dana.wants('triage.read.changed', readOf('Dana'))).toBe(false)
    ok(await dana.call('session.signIn', { name: 'Dana', secret: 'dana-secret-0001' }))
    ok(await danaAgain.call('session.signIn', { name: 'Dana', secret: 'dana-secret-0001' }))
    ok(await lee.call('session.signIn', { name: 'Lee', secret: 'lee-secret-0003' }))
    const mark = { reader: 'Dana', columnId: 'c1', watermark: { createdAt: 1, id: 1 } }
    expect([dana, danaAgain, lee].map((s) => s.wants('triage.read.changed', readOf('Dana')))).toEqual([
      true,
      true,
      false,
    ])
    expect([dana, danaAgain, lee].map((s) => s.wants('triage.mark.changed', mark))).toEqual([true, true, false])
    const shared = { items: [sharedOf({ ...emptyTriage(1), done: true })] }
    expect([dana, lee].map((s) => s.wants('triage.changed', shared))).toEqual([true, true])
    // A single-user console reads as '' (no operator).
    const soloCore = createCore({ archivePath: tempArchive(), ...TEST_CORE })
    soloCore.start()
    try {
      const solo = soloCore.openSession()
      expect(solo.wants('triage.read.changed', readOf(''))).toBe(true)
      expect(solo.wants('triage.read.changed', readOf('Dana'))).toBe(false)
    } finally {
      await soloCore.stop()
    }
  })
})
