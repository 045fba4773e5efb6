// Lint, including the layers. Every file under src belongs to one layer, and
// each layer has an allow-list: which layers it may import, whether it may use
// Node's built-ins, electron (and which part of it), and which npm packages.
// The rule works on resolved paths, so '../../index' is caught as the desktop
// layer whatever its name, not by a list of banned names (as VS Code's
// code-layering lint does). test/lint/layers.test.ts proves each refusal.
import { builtinModules } from 'node:module'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const ROOT = dirname(fileURLToPath(import.meta.url))
const NODE_BUILTINS = new Set(builtinModules)

// The core's leaves that the store also needs (errors, bucket and term
// arithmetic): they import only shared, so the store can sit below the core.
const CORE_BASE = ['src/main/core/errors', 'src/main/core/reports/buckets', 'src/main/core/reports/stopwords']

/** The layer a repo-relative path belongs to, or undefined outside src. */
function layerOf(file) {
  const path = file.replace(/\.(tsx?|m?js|cjs)$/, '')
  if (path.startsWith('src/shared/')) return 'shared'
  if (path === 'src/main/core/store' || path === 'src/main/core/store/index') return 'store-api'
  if (path.startsWith('src/main/core/store/')) return 'store'
  if (CORE_BASE.includes(path)) return 'core-base'
  if (path.startsWith('src/main/core/')) return 'core'
  if (path.startsWith('src/main/serve/') || path.startsWith('src/main/cli/') || path === 'src/main/cli')
    return 'node-host'
  if (path.startsWith('src/main/')) return 'desktop'
  if (path.startsWith('src/preload/')) return 'preload'
  if (path.startsWith('src/renderer/src/api/')) return 'renderer-api'
  if (path.startsWith('src/renderer/src/lib/')) return 'renderer-lib'
  if (path.startsWith('src/renderer/')) return 'renderer'
  if (path.startsWith('resources/')) return 'resources'
  if (path === 'package.json') return 'package'
  return undefined
}

/** The store's index is the store seen from outside; inside it is just the store. */
const asSeenBy = (from, target) => (target === 'store-api' && from === 'store' ? 'store' : target)

// layers: what it may import. node: Node built-ins. electron: true, false or
// the names of the renderer API it may take. packages: npm packages (true = any).
const LAYERS = {
  shared: { layers: ['shared'], node: false, electron: false, packages: ['zod', 'twitter-text'] },
  'core-base': { layers: ['shared'], node: false, electron: false, packages: [] },
  // The store may name the core's types (type-only), never run its code.
  store: {
    layers: ['shared', 'core-base', 'store', 'package'],
    types: ['core'],
    node: true,
    electron: false,
    packages: true,
  },
  core: {
    layers: ['shared', 'store-api', 'core-base', 'core', 'resources', 'package'],
    node: true,
    electron: false,
    packages: true,
  },
  'node-host': {
    layers: ['shared', 'store-api', 'core-base', 'core', 'node-host', 'package'],
    node: true,
    electron: false,
    packages: true,
  },
  desktop: {
    layers: ['shared', 'store-api', 'core-base', 'core', 'desktop', 'resources', 'package'],
    node: true,
    electron: true,
    packages: true,
  },
  preload: { layers: ['shared', 'preload'], node: false, electron: ['contextBridge', 'ipcRenderer', 'webUtils'] },
  // The renderer's pure helpers: no state, no transport, no React.
  'renderer-lib': { layers: ['shared', 'renderer-lib'], node: false, electron: false, packages: [] },
  // The transports (IPC bridge, WebSocket).
  'renderer-api': { layers: ['shared', 'renderer-lib', 'renderer-api'], node: false, electron: false, packages: [] },
  renderer: {
    layers: ['shared', 'renderer-lib', 'renderer'],
    node: false,
    electron: false,
    packages: ['react', 'react-dom', 'zustand', 'recharts', '@tanstack/react-virtual'],
  },
}
LAYERS['store-api'] = LAYERS.store

const packageName = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/')
const isNodeBuiltin = (spec) => spec.startsWith('node:') || NODE_BUILTINS.has(packageName(spec))

const SHOWN = {
  'core-base': 'core',
  'store-api': 'store',
  'renderer-lib': 'renderer lib/',
  'renderer-api': 'renderer api/',
}

// Inside the renderer, the transports (api/) are reached only by the page's
// entry and the stores: components and hooks call state/'s actions.
const RENDERER_API_USERS = ['src/renderer/src/main.tsx', 'src/renderer/src/state/']

/** Why `spec`, imported from a file of `layer` in `dir`, is refused; undefined if allowed. */
function refusal(layer, file, dir, spec, names, typeOnly) {
  const rules = LAYERS[layer]
  if (spec.startsWith('.')) {
    const target = layerOf(relative(ROOT, resolve(dir, spec)).split('\\').join('/'))
    if (target === undefined) return undefined
    if (target === 'store' && layer !== 'store')
      return 'Reach the store through core/store (its index), not its inner modules.'
    const seen = asSeenBy(layer, target)
    if (seen === 'renderer-api' && layer === 'renderer')
      return RENDERER_API_USERS.some((p) => file.startsWith(p))
        ? undefined
        : 'Components and hooks reach the core through state/ (its actions), never api/.'
    if (seen === layer || rules.layers.includes(seen)) return undefined
    if (typeOnly && rules.types?.includes(seen)) return undefined
    return `The ${layer} layer may not import from the ${SHOWN[seen] ?? seen} layer.`
  }
  if (isNodeBuiltin(spec)) return rules.node ? undefined : `The ${layer} layer runs without Node: no '${spec}'.`
  const pkg = packageName(spec)
  if (pkg === 'electron') {
    if (rules.electron === true || typeOnly) return undefined
    if (Array.isArray(rules.electron)) {
      const bad = names.filter((n) => !rules.electron.includes(n))
      return bad.length === 0 && names.length > 0
        ? undefined
        : `The ${layer} layer takes only electron's renderer API (${rules.electron.join(', ')}), not ${bad.join(', ') || 'the whole module'}.`
    }
    return `The ${layer} layer runs without electron.`
  }
  if (pkg === 'better-sqlite3')
    return layer === 'store' ? undefined : 'Not here: only core/store opens SQLite (better-sqlite3).'
  if (rules.packages === true || rules.packages.includes(pkg)) return undefined
  return `'${pkg}' is not on the ${layer} layer's allow-list.`
}

const layersRule = {
  meta: { type: 'problem', schema: [], docs: { description: 'Each layer imports only what its allow-list names.' } },
  create(context) {
    const file = relative(ROOT, context.filename).split('\\').join('/')
    const layer = asSeenBy('store', layerOf(file))
    if (!LAYERS[layer]) return {}
    const dir = dirname(context.filename)
    const check = (node, source, names, typeOnly) => {
      if (!source || typeof source.value !== 'string') return
      const why = refusal(layer, file, dir, source.value, names, typeOnly)
      if (why) context.report({ node, message: why })
    }
    const valueNames = (specifiers) =>
      specifiers
        .filter((s) => s.type === 'ImportSpecifier' && s.importKind !== 'type')
        .map((s) => (s.imported.type === 'Identifier' ? s.imported.name : s.imported.value))
    return {
      ImportDeclaration(node) {
        const names = valueNames(node.specifiers)
        const whole = node.specifiers.some((s) => s.type !== 'ImportSpecifier')
        const typeOnly = node.importKind === 'type' || (!whole && node.specifiers.length > 0 && names.length === 0)
        check(node, node.source, whole ? [] : names, typeOnly)
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source, [], node.exportKind === 'type')
      },
      ExportAllDeclaration(node) {
        check(node, node.source, [], node.exportKind === 'type')
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source, [], false)
      },
    }
  },
}

const earshot = { rules: { layers: layersRule } }

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { earshot },
    rules: { 'earshot/layers': 'error' },
  },
  {
    // SQL is prepared in one place: the store. Everyone else calls its reader/writer.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/core/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]',
          message: 'SQL (prepare, pragma, transaction) belongs in src/main/core/store: call its reader/writer.',
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'].map(
          (name) => ({ name, message: `src/shared runs everywhere: no Node or DOM globals (${name}).` }),
        ),
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
)
