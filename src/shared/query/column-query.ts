// A column's (or a search's) query, parsed once: the AST for the archive's SQL
// and the X rule, and the live matcher the router runs on every mention.
import type { QueryError, QueryNode } from './ast'
import { compileMatcher, type Matcher } from './match'
import { parseQuery } from './parse'

export interface CompiledQuery {
  ast: QueryNode
  matches: Matcher
}

export type CompileResult = ({ ok: true } & CompiledQuery) | { ok: false; error: QueryError }

export function compileColumnQuery(source: string): CompileResult {
  const parsed = parseQuery(source)
  if (!parsed.ok) return parsed
  return { ok: true, ast: parsed.ast, matches: compileMatcher(parsed.ast) }
}
