// The layer rules in eslint.config.mjs, run through ESLint with the project's
// own config: each layer refuses what it must and still takes what it may.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..', '..')
const eslint = new ESLint({ cwd: ROOT })

/** The layer-rule messages ESLint gives `code` as if it were the file at `path`. */
async function refusals(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, path) })
  return result!.messages
    .filter(
      (m) =>
        m.ruleId === 'earshot/layers' || m.ruleId === 'no-restricted-syntax' || m.ruleId === 'no-restricted-globals',
    )
    .map((m) => m.message)
}

const cases: Array<{ layer: string; file: string; refused: Record<string, string>; allowed: string[] }> = [
  {
    layer: 'shared',
    file: 'src/shared/query/probe.ts',
    refused: {
      "import { gzipSync } from 'zlib'\nexport const z = gzipSync": 'without Node',
      "import Database from 'better-sqlite3'\nexport const d = Database": 'only core/store opens SQLite',
      "import { useState } from 'react'\nexport const s = useState": "not on the shared layer's allow-list",
      "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer": 'without electron',
      "import { x } from '../../main/core/errors'\nexport const y = x": 'may not import from the core layer',
      'export const w = window.innerWidth': 'no Node or DOM globals',
    },
    allowed: ["import { z } from 'zod'\nimport { a } from '../domain'\nexport const b = [z, a]"],
  },
  {
    layer: 'core',
    file: 'src/main/core/alerts/probe.ts',
    refused: {
      "import { app } from 'electron'\nexport const a = app": 'without electron',
      "import { x } from '../../index'\nexport const y = x": 'may not import from the desktop layer',
      "import { x } from '../../desktop-shell'\nexport const y = x": 'may not import from the desktop layer',
      "import { x } from '../../serve/server'\nexport const y = x": 'may not import from the node-host layer',
      "import { x } from '../../../renderer/src/state/app'\nexport const y = x":
        'may not import from the renderer layer',
      "import { x } from '../store/db'\nexport const y = x": 'through core/store (its index)',
      "import Database from 'better-sqlite3'\nexport const d = Database": 'only core/store opens SQLite',
      "export const n = (db: { prepare(s: string): unknown }) => db.prepare('SELECT 1')":
        'belongs in src/main/core/store',
      'export const t = (db: { transaction(f: () => void): unknown }) => db.transaction(() => {})':
        'belongs in src/main/core/store',
    },
    allowed: [
      "import { readFileSync } from 'node:fs'\nimport { z } from 'zod'\nimport { storeOf } from '../store'\nimport { a } from '../../../shared/domain'\nexport const b = [readFileSync, z, storeOf, a]",
    ],
  },
  {
    layer: 'store',
    file: 'src/main/core/store/probe.ts',
    refused: {
      "import { x } from '../../serve/server'\nexport const y = x": 'may not import from the node-host layer',
    },
    allowed: [
      "import Database from 'better-sqlite3'\nimport { stmt } from './db'\nexport const d = (db: Database.Database) => [db.prepare('SELECT 1'), stmt]",
    ],
  },
  {
    layer: 'node host (serve, cli)',
    file: 'src/main/serve/probe.ts',
    refused: {
      "import { BrowserWindow } from 'electron'\nexport const b = BrowserWindow": 'without electron',
      "import { x } from '../index'\nexport const y = x": 'may not import from the desktop layer',
    },
    allowed: [
      "import { WebSocketServer } from 'ws'\nimport { createCore } from '../core/app/core'\nexport const a = [WebSocketServer, createCore]",
    ],
  },
  {
    layer: 'desktop main',
    file: 'src/main/probe.ts',
    refused: {
      "import { x } from '../renderer/src/state/app'\nexport const y = x": 'may not import from the renderer layer',
      "import { x } from '../preload/index'\nexport const y = x": 'may not import from the preload layer',
    },
    allowed: [
      "import { app } from 'electron'\nimport { createCore } from './core/app/core'\nexport const a = [app, createCore]",
    ],
  },
  {
    layer: 'preload',
    file: 'src/preload/probe.ts',
    refused: {
      "import { readFileSync } from 'node:fs'\nexport const r = readFileSync": 'without Node',
      "import { app } from 'electron'\nexport const a = app": "only electron's renderer API",
      "import { x } from '../main/core/errors'\nexport const y = x": 'may not import from the core layer',
    },
    allowed: [
      "import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'\nimport { a } from '../shared/domain'\nexport const b: [unknown, unknown, unknown, IpcRendererEvent?] = [contextBridge, ipcRenderer, a]",
    ],
  },
  {
    layer: 'renderer',
    file: 'src/renderer/src/state/probe.ts',
    refused: {
      "import { readFileSync } from 'fs'\nexport const r = readFileSync": 'without Node',
      "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer": 'without electron',
      "import { x } from '../../../main/core/errors'\nexport const y = x": 'may not import from the core layer',
      "import { x } from '../../../preload/index'\nexport const y = x": 'may not import from the preload layer',
      "import { WebSocketServer } from 'ws'\nexport const w = WebSocketServer":
        "not on the renderer layer's allow-list",
    },
    allowed: [
      "import { create } from 'zustand'\nimport { a } from '../../../shared/domain'\nexport const b = [create, a]",
    ],
  },
  {
    layer: 'renderer components and hooks',
    file: 'src/renderer/src/components/deck/Probe.tsx',
    refused: {
      "import { chooseTransport } from '../../api/transport'\nexport const t = chooseTransport":
        'through state/ (its actions), never api/',
      "import type { Transport } from '../../api/types'\nexport type T = Transport": 'never api/',
    },
    allowed: [
      "import { useDeckStore } from '../../state/deck'\nimport { formatExact } from '../../lib/format'\nexport const a = [useDeckStore, formatExact]",
    ],
  },
  {
    layer: 'renderer state',
    file: 'src/renderer/src/state/probe.ts',
    refused: {},
    allowed: ["import type { Transport } from '../api/types'\nexport type T = Transport"],
  },
  {
    layer: 'renderer lib',
    file: 'src/renderer/src/lib/probe.ts',
    refused: {
      "import { useDeckStore } from '../state/deck'\nexport const d = useDeckStore":
        'may not import from the renderer layer',
      "import { useState } from 'react'\nexport const s = useState": "not on the renderer-lib layer's allow-list",
    },
    allowed: ["import { foldText } from '../../../shared/query/tokenize'\nexport const f = foldText"],
  },
]

describe('layer rules', () => {
  for (const c of cases) {
    if (Object.keys(c.refused).length > 0)
      it(`the ${c.layer} layer refuses what it must`, async () => {
        for (const [code, why] of Object.entries(c.refused)) {
          const messages = await refusals(c.file, code)
          expect(messages, code).toHaveLength(1)
          expect(messages[0], code).toContain(why)
        }
      })
    it(`the ${c.layer} layer takes what it may`, async () => {
      for (const code of c.allowed) expect(await refusals(c.file, code), code).toEqual([])
    })
  }

  it('leaves tests and benchmarks free to reach any layer', async () => {
    const code =
      "import Database from 'better-sqlite3'\nimport { stmt } from '../../src/main/core/store/db'\nexport const d = [Database, stmt]"
    expect(await refusals('test/core/probe.test.ts', code)).toEqual([])
  })
})
