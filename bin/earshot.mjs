#!/usr/bin/env node
// Entry of the `earshot` command: runs the built CLI (npm install builds it).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('earshot: the app is not built yet; run `npm run build` in the Earshot folder first.')
  process.exit(1)
}
createRequire(import.meta.url)(cli)
