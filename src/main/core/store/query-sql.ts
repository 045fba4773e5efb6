// The query language's SQLite back end: an AST becomes a WHERE clause over
// `mentions m`. Text goes through the FTS5 index (pure AND/OR runs of words
// and phrases become one MATCH); everything else reads the derived columns
// that ingest stores with each mention (see migration 0020), so the archive
// selects exactly what the live matcher selects (test/core/query-sql.test.ts).
import type { AtomNode, QueryNode } from '../../../shared/query/ast'
import { tokenize } from '../../../shared/query/tokenize'

export interface SqlWhere {
  sql: string
  params: unknown[]
}

const quote = (tokens: readonly string[]) => `"${tokens.join(' ')}"`

/** FTS5 expression for a subtree made only of words and phrases joined by AND/OR, else null. */
function ftsOf(node: QueryNode): string | null {
  switch (node.type) {
    case 'term':
      return quote([node.token])
    case 'phrase':
      return quote(node.tokens)
    case 'and':
    case 'or': {
      const parts = node.children.map(ftsOf)
      if (parts.some((p) => p === null)) return null
      return `(${parts.join(node.type === 'and' ? ' AND ' : ' OR ')})`
    }
    default:
      return null
  }
}

const ftsIn = (expression: string): SqlWhere => ({
  sql: 'm.id IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?)',
  params: [`text : ${expression}`],
})

function and(...parts: SqlWhere[]): SqlWhere {
  return { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, params: parts.flatMap((p) => p.params) }
}

function atom(node: AtomNode): SqlWhere {
  switch (node.type) {
    case 'term':
    case 'phrase':
      return ftsIn(ftsOf(node)!)
    case 'hashtag': {
      const exact: SqlWhere = { sql: 'instr(m.entities, ?) > 0', params: [` #${node.tag} `] }
      // The tag's words are in the text too: let the index narrow the rows first.
      const tokens = tokenize(node.tag)
      return tokens.length > 0 ? and(ftsIn(quote(tokens)), exact) : exact
    }
    case 'mention':
      return { sql: '(instr(m.entities, ?) > 0 OR m.author_key = ?)', params: [` @${node.handle} `, node.handle] }
    case 'from':
      return { sql: 'm.author_key = ?', params: [node.handle] }
    case 'to':
      return { sql: 'coalesce(m.reply_key = ?, 0)', params: [node.handle] }
    case 'lang':
      return {
        sql: 'coalesce(m.lang_key = ? OR substr(m.lang_key, 1, ?) = ?, 0)',
        params: [node.lang, node.lang.length + 1, `${node.lang}-`],
      }
    case 'source':
      return { sql: 'm.source = ?', params: [node.source] }
    case 'is':
      return { sql: 'm.kind = ?', params: [node.kind] }
    case 'has':
      return node.what === 'links' ? { sql: "m.links != ''", params: [] } : { sql: 'm.has_media = 1', params: [] }
    case 'sentiment':
      return { sql: 'm.sentiment_label = ?', params: [node.label] }
    case 'min_followers':
      return { sql: 'm.author_followers >= ?', params: [node.count] }
    case 'rating':
      // The operator comes from the parser's closed set, never from the text typed.
      return { sql: `coalesce(m.rating ${node.op} ?, 0)`, params: [node.value] }
    case 'url':
      return { sql: 'instr(m.links, ?) > 0', params: [node.url] }
  }
}

export function toSqlWhere(node: QueryNode): SqlWhere {
  const fts = ftsOf(node)
  if (fts !== null) return ftsIn(fts)
  switch (node.type) {
    case 'and':
    case 'or': {
      const parts = node.children.map(toSqlWhere)
      return {
        sql: `(${parts.map((p) => p.sql).join(node.type === 'and' ? ' AND ' : ' OR ')})`,
        params: parts.flatMap((p) => p.params),
      }
    }
    case 'not': {
      const inner = toSqlWhere(node.child)
      return { sql: `NOT ${inner.sql}`, params: inner.params }
    }
    default:
      return atom(node)
  }
}
