// `earshot operators` against a PostgreSQL team database and a SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyOperatorSecret } from '../../src/main/core/secrets/operator-secret'
import { openAnyArchive } from '../../src/main/core/store/archive'
import { earshot } from '../cli-run'
import { tempArchive } from '../helpers'
import { freshDatabase, type TestDatabase } from './database'

describe('earshot operators', () => {
  let team: TestDatabase
  beforeAll(async () => {
    team = await freshDatabase()
  })
  afterAll(() => team.drop())

  it.each([
    ['a PostgreSQL database', () => team.url],
    ['a SQLite file', () => tempArchive()],
  ])(
    'adds, lists and removes operators in %s, printing a new secret once and keeping its hash',
    async (_, at) => {
      const db = at()
      const added = await earshot(['operators', 'add', 'Dana Scully', '--role', 'operator', '--db', db])
      expect(added.stderr).toMatch(/added Dana Scully \(operator\)/)
      expect(added.code).toBe(0)
      const secret = added.stdout.trim()
      expect(secret).toMatch(/^[A-Za-z0-9_-]{24}$/)
      expect((await earshot(['operators', 'add', 'ana', '--role', 'analyst', '--db', db])).code).toBe(0)

      const archive = await openAnyArchive(db)
      try {
        const stored = await archive.getOperator('dana scully')
        expect(stored!.secretHash).not.toContain(secret)
        expect(await verifyOperatorSecret(secret, stored!.secretHash)).toBe(true)
      } finally {
        await archive.close()
      }

      const list = await earshot(['operators', 'list', '--db', db])
      expect(list.stdout).toMatch(/^ana\tanalyst\t\d{4}-\d\d-\d\dT.*\nDana Scully\toperator\t/)
      expect(list.stdout).not.toContain(secret)

      const taken = await earshot(['operators', 'add', 'DANA SCULLY', '--role', 'admin', '--db', db])
      expect(taken.stderr).toMatch(/already an operator named "DANA SCULLY"/)
      expect(taken.code).toBe(1)
      const badRole = await earshot(['operators', 'add', 'eve', '--role', 'root', '--db', db])
      expect(badRole.stderr).toMatch(/needs --role, one of admin, operator, analyst/)
      expect(badRole.code).toBe(2)
      const badName = await earshot(['operators', 'add', '<script>', '--role', 'admin', '--db', db])
      expect(badName.stderr).toMatch(/use letters, digits, spaces/)
      expect(badName.code).toBe(2)

      expect((await earshot(['operators', 'remove', 'dana scully', '--db', db])).code).toBe(0)
      const gone = await earshot(['operators', 'remove', 'Dana Scully', '--db', db])
      expect(gone.stderr).toMatch(/no operator named "Dana Scully"/)
      expect(gone.code).toBe(2)
      expect((await earshot(['operators', 'list', '--db', db])).stdout).toMatch(/^ana\tanalyst\t[^\n]+\n$/)
    },
    60_000,
  )
})
