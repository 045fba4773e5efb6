// No two modules of src import each other at run time, however long the
// circle: a cycle means load order decides what is undefined. Type-only
// imports are erased by the compiler and do not count.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '..', '..')
const SRC = join(ROOT, 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

/** Run-time relative imports of `source` (type-only imports and `import type` skipped). */
export function runtimeImports(source: string): string[] {
  const specs: string[] = []
  const statement = /(?:^|\n)\s*(import|export)\s+([^'";]*?)\s*from\s*'(\.[^']+)'|(?:^|\n)\s*import\s*'(\.[^']+)'/g
  for (const m of source.matchAll(statement)) {
    if (m[4]) {
      specs.push(m[4])
      continue
    }
    const clause = m[2] ?? ''
    if (/^type\s/.test(clause)) continue
    const braces = clause.match(/\{([^}]*)\}/)
    const outside = clause.replace(/\{[^}]*\}/, '').replace(/[\s,]/g, '')
    if (braces && outside === '') {
      const names = braces[1]!
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue
    }
    specs.push(m[3]!)
  }
  return specs
}

function resolveSpec(from: string, spec: string, known: Set<string>): string | undefined {
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (known.has(candidate)) return candidate
  return undefined
}

/** Every cycle's modules (one list per strongly connected component larger than one). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const order = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string): void => {
    order.set(v, index)
    low.set(v, index++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!))
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!order.has(v)) visit(v)
  return found
}

describe('import cycles', () => {
  it('finds a cycle when there is one (the checker itself)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(cycles(graph)).toEqual([['a', 'b', 'c']])
    expect(
      runtimeImports(
        "import { x } from './a'\nimport type { Y } from './b'\nimport { type Z } from './c'\nexport { w } from './d'",
      ),
    ).toEqual(['./a', './d'])
  })

  it('src has none at run time', () => {
    const all = files(SRC)
    const known = new Set(all)
    const graph = new Map(
      all.map((f) => [f, runtimeImports(readFileSync(f, 'utf8')).flatMap((spec) => resolveSpec(f, spec, known) ?? [])]),
    )
    expect(cycles(graph).map((c) => c.map((f) => relative(ROOT, f)))).toEqual([])
  })
})
