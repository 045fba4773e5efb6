// Live across consoles: a commit in one process's archive reaches another's
// change feed (LISTEN/NOTIFY); a rollback sends nothing; a dropped listening
// connection comes back and tells its consumer to re-read.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openAnyArchive, type Archive } from '../../src/main/core/store/archive'
import { ChangeFeed, notifyChange, type Change } from '../../src/main/core/store/pg/changes'
import { mentionInput } from '../helpers'
import { freshDatabase, type TestDatabase } from './database'

const mention = (text: string) => ({
  ...mentionInput({ text }),
  receivedAt: 0,
  sentiment: 0,
  sentimentLabel: 'neutral' as const,
})

async function waitFor<T>(check: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = check()
    if (v !== undefined) return v
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

describe('PostgreSQL change feed', () => {
  let database: TestDatabase
  let capture: Archive
  beforeAll(async () => {
    database = await freshDatabase()
    capture = await openAnyArchive(database.url)
  })
  afterAll(async () => {
    await capture.close()
    await database.drop()
  })

  it('hands every committed batch and delete to another connection, and nothing for a rollback', async () => {
    const seen: Change[] = []
    const feed = await ChangeFeed.open(database.url, { onChange: (c) => seen.push(c), onResync: () => {} })
    try {
      const stored = await capture.commitMentions([mention('one'), mention('two'), mention('three')], () => [])
      const ids = stored.map((s) => s.mention.id)
      const batch = await waitFor(() => seen.find((c) => c.kind === 'mentions'), 'the batch')
      expect(batch).toEqual({ kind: 'mentions', from: Math.min(...ids), to: Math.max(...ids) })

      await capture.tombstoneMentions('demo', [stored[1]!.mention.externalId], 1)
      expect(await waitFor(() => seen.find((c) => c.kind === 'deleted'), 'the delete')).toEqual({
        kind: 'deleted',
        ids: [ids[1]],
      })

      const c = new pg.Client({ connectionString: database.url })
      await c.connect()
      await c.query('BEGIN')
      await notifyChange(c, { kind: 'table', table: 'rolled-back' })
      await c.query('ROLLBACK')
      await c.query('BEGIN')
      await notifyChange(c, { kind: 'table', table: 'triage', ids: [ids[0]!] })
      await c.query('COMMIT')
      await c.end()
      await waitFor(() => seen.find((x) => x.kind === 'table' && x.table === 'triage'), 'the triage change')
      expect(seen.filter((x) => x.kind === 'table' && x.table === 'rolled-back')).toEqual([])
    } finally {
      await feed.close()
    }
  })

  it('reconnects after its connection is killed, asks for a re-read, and goes on', async () => {
    const seen: Change[] = []
    let resyncs = 0
    const logs: string[] = []
    const feed = await ChangeFeed.open(database.url, {
      onChange: (c) => seen.push(c),
      onResync: () => resyncs++,
      log: (l) => logs.push(l),
      retryMs: { first: 50, max: 200 },
    })
    try {
      const pid = await feed.backendPid()
      const admin = new pg.Client({ connectionString: database.url })
      await admin.connect()
      await admin.query('SELECT pg_terminate_backend($1)', [pid])
      await admin.end()
      await waitFor(() => (resyncs > 0 ? true : undefined), 'the resync')
      expect(logs.join('\n')).toMatch(/live changes: .*reconnecting/)
      expect(logs.join('\n')).not.toContain(new URL(database.url).password)
      expect(await feed.backendPid()).not.toBe(pid)
      const [after] = await capture.commitMentions([mention('after the drop')], () => [])
      await waitFor(
        () => seen.find((c) => c.kind === 'mentions' && c.from <= after!.mention.id && after!.mention.id <= c.to),
        'a batch after the reconnect',
      )
    } finally {
      await feed.close()
    }
  })
})
