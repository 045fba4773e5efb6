// The audit log: who did what and when, written by the core for every change
// and export (refusals included), never with a payload's text or secrets;
// read back by the core's command and by `earshot audit`.
import { describe, expect, it } from 'vitest'
import { createCore } from '../../src/main/core/app/core'
import type { AuditEntry } from '../../src/shared/contracts/audit'
import type { Caller } from '../../src/shared/permissions'
import { earshot } from '../cli-run'
import { mentionInput, ok, tempArchive, TEST_CORE, until } from '../helpers'

const ana: Caller = { name: 'Ana', role: 'analyst' }
const dana: Caller = { name: 'Dana', role: 'operator' }

describe('audit log', () => {
  it('records changes, exports and refusals with who and which ids, and nothing of the payload', async () => {
    const archivePath = tempArchive()
    const core = createCore({ archivePath, ...TEST_CORE })
    core.start()
    try {
      core.ingest.push([mentionInput({ text: 'comcast outage', externalId: 'a-1' })])
      const id = await until(() => core.store.read.storedId('demo', 'a-1'), 'the mention')
      expect((await core.call('triage.set', { mentionIds: [id], done: true, note: 'private note' }, dana)).ok).toBe(
        true,
      )
      expect((await core.call('replies.send', { mentionId: id, text: 'secret reply text', key: 'k1' }, ana)).ok).toBe(
        false,
      )
      await core.call('sources.configure', {
        source: 'bluesky',
        config: { enabled: false, identifier: 'brand.example.com' },
        secrets: { appPassword: 'abcd-efgh-ijkl-mnop' },
      })
      await core.call('mentions.search', { query: 'comcast', order: 'newest' }, ana)
      await core.call('drafts.save', { mentionId: id, text: 'typing…', mode: 'reply', key: 'd1' }, dana)
      await core.call('export.start', { format: 'csv', query: 'comcast' }, ana)

      const log = ok<AuditEntry[]>(await core.call('audit.list', {}))
      const lines = log.map((e) => `${e.operator} ${e.action} ${e.targets} ${e.outcome}`)
      expect(lines).toContain(`Dana triage.set mentionIds=${id} ok`)
      expect(lines).toContain(`Ana replies.send mentionId=${id} refused`)
      expect(lines.some((l) => /^owner sources\.configure source=bluesky (ok|failed)$/.test(l))).toBe(true)
      expect(lines.some((l) => l.startsWith('Ana export.start'))).toBe(true)
      expect(lines.some((l) => / (mentions\.search|drafts\.save) /.test(l))).toBe(false)
      expect(log.map((e) => e.id)).toEqual([...log.map((e) => e.id)].sort((a, b) => b - a))
      const text = JSON.stringify(log)
      for (const secret of ['private note', 'secret reply text', 'abcd-efgh', 'typing'])
        expect(text).not.toContain(secret)

      expect(await core.call('audit.list', {}, dana)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      const onlyDana = ok<AuditEntry[]>(await core.call('audit.list', { operator: 'Dana' }))
      // Dana's refused look at the log is in it too.
      expect(onlyDana.map((e) => `${e.action} ${e.outcome}`)).toEqual(['audit.list refused', 'triage.set ok'])
    } finally {
      await core.stop()
    }

    const csv = await earshot(['audit', '--db', archivePath, '--csv', '--operator', 'Ana'])
    expect(csv.code).toBe(0)
    const rows = csv.stdout.trim().split('\r\n')
    expect(rows[0]).toBe('at,operator,action,targets,outcome')
    expect(rows.slice(1).map((r) => r.split(',').slice(1, 3).join(' '))).toEqual([
      'Ana export.start',
      'Ana replies.send',
    ])
    const bad = await earshot(['audit', '--db', archivePath, '--since', 'yesterday-ish'])
    expect(bad.stderr).toMatch(/--since must be an ISO-8601 time or epoch seconds \(got "yesterday-ish"\)/)
    expect(bad.code).toBe(2)
  }, 60_000)
})
