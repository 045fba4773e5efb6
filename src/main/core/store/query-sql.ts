// The query language's SQL back ends: an AST becomes a WHERE clause over
// `mentions m`, for SQLite or PostgreSQL (one compiler, a dialect for the two
// things that differ: the full-text index and substring tests). Text goes
// through the index (pure AND/OR runs of words and phrases become one
// expression: FTS5 MATCH, or a tsquery over the tsvector column that ingest
// fills from the shared tokenizer); everything else reads the derived columns
// that ingest stores with each mention (see migration 0020), so the archive
// selects exactly what the live matcher selects (test/core/query-sql.test.ts,
// test/pg/query-pg.test.ts). Parameters are `?`; PostgreSQL's are numbered
// where the statement runs (pg/sql.ts).
import type { AtomNode, QueryNode } from '../../../shared/query/ast'
import { tokenize } from '../../../shared/query/tokenize'
import type { Db } from './db-types'
import { isPostgres } from './pg/sync-db'

export interface SqlWhere {
  sql: string
  params: unknown[]
}

/** What differs between the engines. */
export interface SqlDialect {
  /** A phrase (or one word) in the index's expression syntax. */
  quote(tokens: readonly string[]): string
  and: string
  or: string
  /** The mentions whose text matches an index expression. */
  textMatch(expression: string): SqlWhere
  /** `column` contains `needle` as a substring. */
  contains(column: string, needle: string): SqlWhere
}

export const SQLITE: SqlDialect = {
  quote: (tokens) => `"${tokens.join(' ')}"`,
  and: ' AND ',
  or: ' OR ',
  textMatch: (expression) => ({
    sql: 'm.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)',
    params: [`text : ${expression}`],
  }),
  contains: (column, needle) => ({ sql: `instr(${column}, ?) > 0`, params: [needle] }),
}

/**
 * A PostgreSQL lexeme, quoted verbatim: a `::tsquery` or `::tsvector` cast applies no dictionary, so the
 * search column (pg/mentions.ts tsvectorOf) and the query hold the shared tokenizer's tokens unchanged.
 */
export const lexeme = (token: string): string => `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

export const POSTGRES: SqlDialect = {
  quote: (tokens) => (tokens.length === 1 ? lexeme(tokens[0]!) : `(${tokens.map(lexeme).join(' <-> ')})`),
  and: ' & ',
  or: ' | ',
  textMatch: (expression) => ({ sql: 'm.search @@ ?::tsquery', params: [expression] }),
  contains: (column, needle) => ({ sql: `strpos(${column}, ?) > 0`, params: [needle] }),
}

/** The dialect of the engine holding `db`. */
export const dialectOf = (db: Db): SqlDialect => (isPostgres(db) ? POSTGRES : SQLITE)

/** The index expression for a subtree made only of words and phrases joined by AND/OR, else null. */
function ftsOf(node: QueryNode, d: SqlDialect): string | null {
  switch (node.type) {
    case 'term':
      return d.quote([node.token])
    case 'phrase':
      return d.quote(node.tokens)
    case 'and':
    case 'or': {
      const parts = node.children.map((c) => ftsOf(c, d))
      if (parts.some((p) => p === null)) return null
      return `(${parts.join(node.type === 'and' ? d.and : d.or)})`
    }
    default:
      return null
  }
}

function and(...parts: SqlWhere[]): SqlWhere {
  return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) }
}

function atom(node: AtomNode, d: SqlDialect): SqlWhere {
  switch (node.type) {
    case 'term':
    case 'phrase':
      return d.textMatch(ftsOf(node, d)!)
    case 'hashtag': {
      const exact = d.contains('m.entities', ` #${node.tag} `)
      // The tag's words are in the text too: let the index narrow the rows first.
      const tokens = tokenize(node.tag)
      return tokens.length > 0 ? and(d.textMatch(d.quote(tokens)), exact) : exact
    }
    case 'mention': {
      const mentioned = d.contains('m.entities', ` @${node.handle} `)
      return { sql: `(${mentioned.sql} OR m.author_key = ?)`, params: [...mentioned.params, node.handle] }
    }
    case 'from':
      return { sql: 'm.author_key = ?', params: [node.handle] }
    case 'to':
      return { sql: 'coalesce(m.reply_key = ?, false)', params: [node.handle] }
    case 'lang':
      return {
        sql: 'coalesce(m.lang_key = ? OR substr(m.lang_key, 1, ?) = ?, false)',
        params: [node.lang, node.lang.length + 1, `${node.lang}-`],
      }
    case 'source':
      return { sql: 'm.source = ?', params: [node.source] }
    case 'is':
      return { sql: 'm.kind = ?', params: [node.kind] }
    case 'has':
      return node.what === 'links' ? { sql: "m.links <> ''", params: [] } : { sql: 'm.has_media = 1', params: [] }
    case 'sentiment':
      return { sql: 'm.sentiment_label = ?', params: [node.label] }
    case 'min_followers':
      return { sql: 'm.author_followers >= ?', params: [node.count] }
    case 'rating':
      // The operator comes from the parser's closed set, never from the text typed.
      return { sql: `coalesce(m.rating ${node.op} ?, false)`, params: [node.value] }
    case 'url':
      return d.contains('m.links', node.url)
  }
}

export function toSqlWhere(node: QueryNode, d: SqlDialect = SQLITE): SqlWhere {
  const fts = ftsOf(node, d)
  if (fts !== null) return d.textMatch(fts)
  switch (node.type) {
    case 'and':
    case 'or': {
      const parts = node.children.map((c) => toSqlWhere(c, d))
      return {
        sql: `(${parts.map((p) => p.sql).join(node.type === 'and' ? ' AND ' : ' OR ')})`,
        params: parts.flatMap((p) => p.params),
      }
    }
    case 'not': {
      const inner = toSqlWhere(node.child, d)
      return { sql: `NOT ${inner.sql}`, params: inner.params }
    }
    default:
      return atom(node, d)
  }
}
