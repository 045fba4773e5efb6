import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['test/pg/global-setup.ts'],
    // The tests run the sources; a PostgreSQL archive's bridge thread runs the built worker (npm test builds first).
    env: { EARSHOT_PG_BRIDGE: fileURLToPath(new URL('./out/main/pg-bridge.js', import.meta.url)) },
  },
})
