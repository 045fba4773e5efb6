// A database of its own for each PostgreSQL test file, on the test server
// (see global-setup.ts), dropped when the file is done.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

export function testServerUrl(): string {
  const url = process.env.EARSHOT_TEST_PG_URL
  if (!url)
    throw new Error('EARSHOT_TEST_PG_URL is not set: the PostgreSQL tests run under vitest (test/pg/global-setup.ts)')
  return url
}

export async function freshDatabase(): Promise<TestDatabase> {
  const server = testServerUrl()
  const name = `earshot_t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: server })
      await c.connect()
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await c.end()
      }
    },
  }
}
