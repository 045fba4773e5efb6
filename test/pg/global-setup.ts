// Vitest's global setup: the PostgreSQL tests use the server EARSHOT_TEST_PG_URL
// names (.ci/run starts one; point it at your own to use that), else a
// throwaway cluster started here for this run and removed after it.
import { startCluster } from './cluster'

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.EARSHOT_TEST_PG_URL) return undefined
  const cluster = await startCluster()
  process.env.EARSHOT_TEST_PG_URL = cluster.url
  return () => cluster.stop()
}
